package org.tongban.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request that is well-formed but that the current state or a business rule does not allow, in domain words
 * (此版本不在待审核状态): HTTP 409 on the web.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class Refused extends RuntimeException {

    private final String code;

    public Refused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** What else a client needs to understand the refusal (the state a case is in), as problem JSON properties. */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }
}
