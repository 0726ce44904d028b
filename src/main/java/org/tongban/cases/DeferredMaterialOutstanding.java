package org.tongban.cases;

/** See {@link CaseTransitionRefused}; code {@code case.deferred-material-outstanding}. */
public final class DeferredMaterialOutstanding extends CaseTransitionRefused {

    DeferredMaterialOutstanding(String message, CaseStatus status) {
        super("case.deferred-material-outstanding", message, status);
    }
}
