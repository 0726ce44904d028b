package org.tongban.shared;

/**
 * A value that arrived from outside (a form, an import file, an upstream system) breaks a rule of its standard.
 *
 * <p>The {@linkplain #code() code} is stable and machine-readable, so callers can attach the failure to a form field
 * or pick a translation; the message is Chinese text that can be shown to applicants and staff as it is. Messages
 * never repeat personal data such as an ID number, because they end up in logs.
 */
public final class InvalidValueException extends RuntimeException {

    private final String code;

    public InvalidValueException(String code, String message) {
        super(message);
        this.code = code;
    }

    public InvalidValueException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A dotted key such as {@code id-number.check-digit}, one per distinct failure. */
    public String code() {
        return code;
    }
}
