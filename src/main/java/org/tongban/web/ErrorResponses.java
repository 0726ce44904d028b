package org.tongban.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * One error format per audience. API clients get RFC 9457 problem JSON, with the field errors of a rejected body
 * under {@code errors} ({@code [{"field": "name", "message": "…"}]}); a browser asking for a page gets the portal's
 * error page ({@code error/page}) instead of JSON, because Spring's problem details would otherwise answer a
 * mistyped URL in a browser with a JSON document. Replaces Boot's own problem-details advice.
 */
@ControllerAdvice
class ErrorResponses extends ResponseEntityExceptionHandler {

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        MessageSource messages = getMessageSource();
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", messages == null
                        ? String.valueOf(error.getDefaultMessage())
                        : messages.getMessage(error, LocaleContextHolder.getLocale())))
                .toList();
        ex.getBody().setProperty("errors", errors);
        return super.handleMethodArgumentNotValid(ex, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest
                && nativeRequest.getNativeResponse() instanceof HttpServletResponse response
                && wantsPage(servletRequest) && !response.isCommitted()) {
            try {
                // The container then renders /error, which the ErrorViewResolver turns into the shell's error page.
                response.sendError(statusCode.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** A browser navigating to a page, as opposed to a program calling the API. */
    static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }
}
