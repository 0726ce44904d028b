package org.tongban.identity;

/** Staff of a department or service centre, a natural person (自然人) or a legal person (法人). */
public enum AccountKind {
    STAFF, CITIZEN, ENTERPRISE
}
