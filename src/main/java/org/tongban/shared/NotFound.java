package org.tongban.shared;

/** What was asked for does not exist (or is not visible to the asker): HTTP 404 on the web. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
