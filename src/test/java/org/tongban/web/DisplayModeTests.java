package org.tongban.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.support.TongbanTest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell's switches and error pages over plain HTTP: what a browser without JavaScript gets. */
@TongbanTest
class DisplayModeTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void largeTextLinkSetsACookieForAYearAndReturnsToThePage() throws Exception {
        HttpResponse<String> response = get("/mode/large?on=true&return=" + encoded("/themes?audience=PERSON"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/themes?audience=PERSON");
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("tongban-mode=large").contains("Max-Age=31536000", "SameSite=Lax", "HttpOnly", "Path=/"));
    }

    @Test
    void standardTextLinkExpiresTheCookie() throws Exception {
        HttpResponse<String> response = get("/mode/large?on=false&return=/design");

        assertThat(response.headers().firstValue("Location")).hasValue("/design");
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("tongban-mode=;").contains("Max-Age=0"));
    }

    @Test
    void modeSwitchNeverRedirectsToAnotherSite() throws Exception {
        for (String elsewhere : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example"}) {
            assertThat(get("/mode/large?on=true&return=" + encoded(elsewhere)).headers().firstValue("Location"))
                    .as(elsewhere).hasValue("/");
        }
    }

    @Test
    void largeTextCookieSwitchesTheThemeOnTheHtmlElement() throws Exception {
        String page = get("/design", "Cookie", "tongban-mode=large").body();

        assertThat(page).contains("<html lang=\"zh-CN\" class=\"mode-large\">")
                .contains("标准版").contains("/mode/large?on=false&amp;return=%2Fdesign");
    }

    @Test
    void pagesAreInChineseUnlessEnglishIsChosen() throws Exception {
        HttpResponse<String> chinese = get("/accessibility", "Accept-Language", "en-US,en;q=0.9");
        assertThat(chinese.body()).contains("<html lang=\"zh-CN\">").contains("<h1>无障碍声明</h1>")
                .doesNotContain("??");

        HttpResponse<String> english = get("/accessibility?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">").contains("<h1>Accessibility statement</h1>")
                .doesNotContain("??");
        assertThat(english.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("tongban-lang=en").contains("SameSite=Lax"));

        assertThat(get("/design", "Cookie", "tongban-lang=en").body()).contains("<html lang=\"en\">")
                .contains("<h1>Design system</h1>");
    }

    @Test
    void anUnknownLanguageFallsBackToChinese() throws Exception {
        assertThat(get("/design?lang=fr").body()).contains("<html lang=\"zh-CN\">").contains("<h1>设计系统</h1>");
    }

    @Test
    void languageSwitchKeepsTheRestOfTheAddress() throws Exception {
        assertThat(get("/design?page=2&lang=zh-CN").body()).contains("href=\"/design?page=2&amp;lang=en\"");
    }

    @Test
    void browsersGetThePortalErrorPageAndProgramsGetJson() throws Exception {
        HttpResponse<String> page = get("/design/no-such-page", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<h1>找不到您要的页面</h1>", "class=\"header\"", "12345")
                .doesNotContain("Exception", "at org.");

        HttpResponse<String> api = get("/design/no-such-page", "Accept", "application/json");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/").contains("json"));
        assertThat(api.body()).doesNotContain("<html");
    }
}
