package org.tongban.cases;

import org.tongban.shared.Refused;

/** A transition the case's state or its item's terms do not allow (409), naming the state it is in. */
public class CaseTransitionRefused extends Refused {

    private final CaseStatus status;

    public CaseTransitionRefused(String code, String message, CaseStatus status) {
        super(code, message);
        this.status = status;
    }

    public CaseStatus status() {
        return status;
    }

    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("status", status.name());
    }
}
