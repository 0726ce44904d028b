package org.tongban.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseCookie;

import java.time.Duration;

/**
 * The large-text theme (适老化 大字版) is remembered in a cookie rather than the session, so that it survives
 * logout and needs neither an account nor JavaScript: a plain link sets it.
 */
final class LargeTextMode {

    static final String COOKIE = "tongban-mode";
    static final String LARGE = "large";
    private static final Duration REMEMBERED_FOR = Duration.ofDays(365);

    private LargeTextMode() {
    }

    static boolean isOn(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && LARGE.equals(cookie.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The cookie that switches the theme on, or an expired one that switches it off. */
    static ResponseCookie cookie(boolean on, HttpServletRequest request) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        return ResponseCookie.from(COOKIE, on ? LARGE : "")
                .path(path)
                .maxAge(on ? REMEMBERED_FOR : Duration.ZERO)
                .sameSite("Lax")
                .httpOnly(true)
                .secure(request.isSecure())
                .build();
    }
}
