package org.tongban.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.URI;

/**
 * An upload over the size limits ({@code spring.servlet.multipart.*}) sends the person back to the form they came
 * from, with {@code upload=too-large}, where the page shell explains the limits. Without this, the container refuses
 * the request while the security filters look for the CSRF token, and the person sees a bare server error page.
 * Runs before the security filters and changes nothing: the refused request is not processed.
 */
@Component
class UploadLimit extends OncePerRequestFilter implements Ordered {

    static final String PARAMETER = "upload";
    static final String TOO_LARGE = "too-large";

    @Override
    public int getOrder() {
        // After character encoding, before Spring Security (-100).
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request)) {
            try {
                request.getParts();
            } catch (IllegalStateException | ServletException | IOException e) {
                if (!isSizeLimit(e)) {
                    throw e;
                }
                response.setStatus(HttpStatus.SEE_OTHER.value());
                response.setHeader("Location", backTo(request));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    /** Tomcat wraps its FileSizeLimitExceededException / SizeLimitExceededException (both SizeException). */
    private static boolean isSizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || t.getClass().getSimpleName().equals("SizeException")) {
                return true;
            }
        }
        return false;
    }

    /** The page the form was on, when the browser says so and it is ours; else the home page. */
    static String backTo(HttpServletRequest request) {
        String path = ReturnPathPolicy.HOME;
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if (uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName())) {
                    path = ReturnPathPolicy.toSafeLocalPath(uri.getRawPath()
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                }
            } catch (IllegalArgumentException notAUri) {
                // the home page
            }
        }
        return UriComponentsBuilder.fromUriString(path).replaceQueryParam(PARAMETER, TOO_LARGE).build().toUriString();
    }

    static boolean isTooLargeReturn(@Nullable String parameter) {
        return TOO_LARGE.equals(parameter);
    }
}
