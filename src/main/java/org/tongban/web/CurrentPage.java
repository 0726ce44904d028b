package org.tongban.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;

/**
 * The page being rendered, as a path within the application: what the language and mode switches link back to
 * and what the navigation marks as current. On an error page it is the page that failed, so switching language
 * there shows the same error in the other language.
 */
record CurrentPage(String path, UriComponents uri) {

    static CurrentPage of(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String requestUri = failed instanceof String failedUri ? failedUri : request.getRequestURI();
        String query = failed == null ? request.getQueryString() : null;
        String contextPath = request.getContextPath();
        String path = requestUri.startsWith(contextPath) ? requestUri.substring(contextPath.length()) : requestUri;
        if (path.isEmpty()) {
            path = "/";
        }
        UriComponents uri;
        try {
            uri = UriComponentsBuilder.fromPath(path).query(query).build();
        } catch (IllegalArgumentException unparseable) {
            uri = UriComponentsBuilder.fromPath(path).build();
        }
        return new CurrentPage(path, uri);
    }

    /** This page with the language parameter set ({@code lang} replaced, everything else kept). */
    String withLanguage(String languageTag) {
        return UriComponentsBuilder.newInstance().uriComponents(uri)
                .replaceQueryParam(WebConfiguration.LANGUAGE_PARAMETER, languageTag).build().toUriString();
    }

    /** This page as a return address for a switch: without a language parameter, which the cookie now carries. */
    String withoutLanguage() {
        return UriComponentsBuilder.newInstance().uriComponents(uri)
                .replaceQueryParam(WebConfiguration.LANGUAGE_PARAMETER).build().toUriString();
    }

    /** Whether this page is {@code sectionPath} or below it and carries every one of {@code parameters}. */
    boolean isWithin(String sectionPath, Map<String, String> parameters) {
        boolean pathMatches = "/".equals(sectionPath) ? "/".equals(path)
                : path.equals(sectionPath) || path.startsWith(sectionPath + "/");
        MultiValueMap<String, String> query = uri.getQueryParams();
        return pathMatches && parameters.entrySet().stream()
                .allMatch(parameter -> parameter.getValue().equals(query.getFirst(parameter.getKey())));
    }
}
