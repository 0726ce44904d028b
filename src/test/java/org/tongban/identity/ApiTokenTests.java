package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.Http;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/**
 * Bearer tokens for API clients: asked for from a signed-in session, then sent alone (no cookie, no CSRF token);
 * every way a token stops being good answers 401 with RFC 6750's {@code WWW-Authenticate}, and a token never
 * opens more than its account may do.
 */
@TongbanTest
class ApiTokenTests {

    private static final String PASSWORD = "initial2026pass";
    private static final String MARKET_REGULATION = "11377000HC00002511";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;
    @Autowired MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UUID clerk(String username) {
        return signedIn.as("admin", () -> accounts.createStaff(new StaffAccountRequest(username, "测试 " + username,
                PASSWORD, MARKET_REGULATION, Set.of(Role.WINDOW_CLERK))));
    }

    private String tokenOf(String username) {
        Http session = new Http(port);
        assertThat(session.login(username, PASSWORD).headers().firstValue("Location")).get().asString()
                .doesNotContain("error");
        return session.apiToken();
    }

    /** A client with no cookies, sending only the token. */
    private HttpResponse<String> asToken(String token, String method, String path) {
        return new Http(port).send(method, path, null, "Authorization", "Bearer " + token);
    }

    private static void assertRefusedToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Bearer").contains("invalid_token");
    }

    private long sessions() {
        return jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
    }

    @Test
    void aTokenFromASessionAuthenticatesAClientWithoutCookieOrCsrfTokenAndCreatesNoSession() {
        clerk("test.token");
        String token = tokenOf("test.token");
        long before = sessions();

        HttpResponse<String> session = asToken(token, "GET", "/api/v1/session");

        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("测试 test.token").contains("WINDOW_CLERK");
        assertThat(session.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void aTokenOpensOnlyWhatItsAccountMayDo() {
        clerk("test.token.role");
        String token = tokenOf("test.token.role");

        // 我的办件 is for applicants: a clerk's token is refused as the clerk's session would be.
        HttpResponse<String> mine = asToken(token, "GET", "/api/v1/cases?mine");
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(403);
    }

    @Test
    void aForgedAlteredOrMissingTokenIs401NeverARedirect() {
        clerk("test.token.forged");
        String token = tokenOf("test.token.forged");
        String[] parts = token.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"sub\":\"", "\"sub\":\"0").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertRefusedToken(asToken(parts[0] + "." + otherPayload + "." + parts[2], "GET", "/api/v1/session/token"));
        assertRefusedToken(asToken(token.substring(0, token.length() - 2) + "xx", "POST", "/api/v1/session/token"));
        assertRefusedToken(asToken("not-a-token", "GET", "/api/v1/cases"));
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        clock.dayAt10("2026-10-12");
        clerk("test.token.expiry");
        String token = tokenOf("test.token.expiry");
        assertThat(asToken(token, "GET", "/api/v1/session").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(61));

        assertRefusedToken(asToken(token, "GET", "/api/v1/session"));
    }

    @Test
    void revokingEndsEveryTokenOfTheAccountAtOnce() {
        clerk("test.token.revoked");
        String first = tokenOf("test.token.revoked");
        String second = tokenOf("test.token.revoked");
        clock.advance(Duration.ofSeconds(2));

        HttpResponse<String> revoked = asToken(first, "DELETE", "/api/v1/session/token");

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        assertRefusedToken(asToken(first, "GET", "/api/v1/session"));
        assertRefusedToken(asToken(second, "GET", "/api/v1/session"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(asToken(tokenOf("test.token.revoked"), "GET", "/api/v1/session").statusCode()).isEqualTo(200);
    }

    @Test
    void disablingTheAccountEndsItsTokensEvenAfterItIsEnabledAgain() {
        UUID id = clerk("test.token.disabled");
        String token = tokenOf("test.token.disabled");
        clock.advance(Duration.ofSeconds(2));

        signedIn.as("admin", () -> accounts.disable(id));
        assertRefusedToken(asToken(token, "GET", "/api/v1/session"));

        signedIn.as("admin", () -> accounts.enable(id));
        assertRefusedToken(asToken(token, "GET", "/api/v1/session"));
    }

    @Test
    void aTokenCannotAskForAnotherSoAStolenOneEndsWhenItExpires() {
        clerk("test.token.renew");
        String token = tokenOf("test.token.renew");

        HttpResponse<String> renewed = asToken(token, "POST", "/api/v1/session/token");

        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(409);
        assertThat(renewed.body()).contains("identity.token-from-token");
    }

    @Test
    void aSessionCookieBesideABadTokenDoesNotAuthenticate() {
        clerk("test.token.cookie");
        Http session = new Http(port);
        session.login("test.token.cookie", PASSWORD);
        assertThat(session.getJson("/api/v1/session").body()).contains("测试 test.token.cookie");

        assertRefusedToken(session.send("GET", "/api/v1/session", null, "Authorization", "Bearer forged"));
    }
}
