package org.tongban.cases;

/** See {@link CaseTransitionRefused}; code {@code case.extension-not-allowed}. */
public final class ExtensionNotAllowed extends CaseTransitionRefused {

    ExtensionNotAllowed(String message, CaseStatus status) {
        super("case.extension-not-allowed", message, status);
    }
}
