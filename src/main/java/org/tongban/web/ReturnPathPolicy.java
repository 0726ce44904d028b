package org.tongban.web;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a mode or language switch may send the browser back to: only a path on this site. Anything else (an
 * absolute URL, a protocol-relative {@code //host}, a backslash that browsers read as a slash, control characters)
 * becomes the home page, so that {@code /mode/large?return=} cannot be used as an open redirect in a phishing link.
 */
final class ReturnPathPolicy {

    static final String HOME = "/";

    private static final int MAX_LENGTH = 2048;

    private ReturnPathPolicy() {
    }

    /** The candidate itself when it is a safe local path (with its query), otherwise {@code "/"}. */
    static String toSafeLocalPath(@Nullable String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return HOME;
        }
        if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.indexOf('\\') >= 0) {
            return HOME;
        }
        URI uri;
        try {
            // java.net.URI rejects spaces, control characters and other characters a browser might reinterpret.
            uri = new URI(candidate);
        } catch (URISyntaxException notAUri) {
            return HOME;
        }
        if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                || !uri.getRawPath().startsWith("/")) {
            return HOME;
        }
        return candidate;
    }
}
