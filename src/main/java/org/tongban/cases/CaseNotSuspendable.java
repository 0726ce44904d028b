package org.tongban.cases;

/** See {@link CaseTransitionRefused}; code {@code case.not-suspendable}. */
public final class CaseNotSuspendable extends CaseTransitionRefused {

    CaseNotSuspendable(String message, CaseStatus status) {
        super("case.not-suspendable", message, status);
    }
}
