package org.tongban.shared;

/** Sex as recorded in the 公民身份号码 (odd 顺序码 = male). */
public enum Sex {
    MALE, FEMALE
}
