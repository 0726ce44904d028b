package org.tongban.cases;

/** Which of a case's deadlines: the acceptance deadline, the promised one or the statutory one. */
public enum Deadline { ACCEPTANCE, PROMISED, STATUTORY }
