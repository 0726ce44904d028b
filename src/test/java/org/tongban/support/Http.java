package org.tongban.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for tests: keeps cookies, fills in the CSRF token, does not follow redirects. */
public final class Http {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final String base;
    private final HttpClient client;

    public Http(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A page, asked for as a browser does (so that errors, too, come as pages). */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build());
    }

    public HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build());
    }

    /** Posts a form the way a browser would after loading {@code formPage}: with that page's CSRF token. */
    public HttpResponse<String> postForm(String formPage, String action, Map<String, String> fields) {
        String token = csrfToken(get(formPage).body());
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")) + "&_csrf=" + enc(token);
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form without a CSRF token, as a forged cross-site request would. */
    public HttpResponse<String> postFormWithoutToken(String action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Posts JSON as an API client does: with the session's CSRF token from {@code GET /api/v1/session} in its header,
     * and the extra headers given as name, value pairs.
     */
    public HttpResponse<String> postJsonAsClient(String path, String json, String... headers) {
        Matcher m = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(getJson("/api/v1/session").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token from /api/v1/session");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-TOKEN", m.group(1));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Uploads one file the way a browser would from {@code formPage}: multipart, with that page's CSRF token as a
     * form field and the page as Referer.
     */
    public HttpResponse<String> postFile(String formPage, String action, String field, String fileName, byte[] content) {
        String token = csrfToken(get(formPage).body());
        String boundary = "----tongban" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Referer", base + formPage)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail))).build());
    }

    /** A file such as a PDF, as bytes; errors (problem JSON) come as bytes too. */
    public HttpResponse<byte[]> getBytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/pdf, application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * A request exactly as given: {@code json} as the body (or none), the headers as name, value pairs, and this
     * client's cookies, if it has any. No CSRF token is added.
     */
    public HttpResponse<String> send(String method, String path, @org.jspecify.annotations.Nullable String json,
                                     String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** A bearer token for this signed-in client's account, from {@code POST /api/v1/session/token}. */
    public String apiToken() {
        HttpResponse<String> answer = postJsonAsClient("/api/v1/session/token", "");
        Matcher m = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token: " + answer.statusCode() + " " + answer.body());
        }
        return m.group(1);
    }

    /** Signs in through the real login form. */
    public HttpResponse<String> login(String username, String password) {
        return postForm("/login", "/login", Map.of("username", username, "password", password));
    }

    static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
