package org.tongban.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.tongban.support.Http;
import org.tongban.support.TongbanTest;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The security headers on pages, errors and the API alike. */
@TongbanTest
class SecurityHeadersTests {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;

    @Test
    void everyResponseForbidsInlineScriptFramingAndSniffing() {
        Http http = new Http(port);
        for (String path : List.of("/", "/search?q=出生", "/login", "/no-such-page", "/admin/accounts",
                "/api/v1/catalog/items", "/css/tongban.css")) {
            HttpResponse<String> response = path.startsWith("/api") ? http.getJson(path) : http.get(path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
        }
    }

    @Test
    void strictTransportSecurityOverTls() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String sts = mvc.perform(get("/").secure(true)).andReturn().getResponse().getHeader("Strict-Transport-Security");
        assertThat(sts).isEqualTo("max-age=31536000 ; includeSubDomains");
    }
}
