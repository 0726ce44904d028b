package org.tongban.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.TestItems;
import org.tongban.support.Http;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The cases API over HTTP as its clients use it: signed in by the login form, the CSRF token in a header. */
@TongbanTest
class CaseApiTests {

    @LocalServerPort int port;
    @Autowired CatalogManagement catalog;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long caseCount() {
        return jdbc.sql("SELECT count(*) FROM cases_case").query(Long.class).single();
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private String item;

    @BeforeEach
    void anItemInForceOn28September() {
        clock.dayAt10("2026-09-28");
        ItemContent content = org.tongban.cases.CaseTestItems.licensing();
        signedIn.as("catalog", () -> catalog.createItem(content));
        signedIn.as("catalog", () -> catalog.submitForReview(content.implementationCode(), LocalDate.of(2026, 9, 28)));
        signedIn.as("legal", () -> catalog.publish(content.implementationCode(), "合法"));
        item = content.implementationCode();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Autowired org.tongban.cases.CaseManagement cases;

    private String upload() {
        byte[] pdf = "%PDF-1.4\n% 申请书\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return signedIn.as("91377002HC10000182", () -> cases.upload("file", "申请书.pdf", pdf)).sha256();
    }

    private String application(String delivery) {
        return """
                {"itemCode": "%1$s", "form": {"contact": "陈示例"},
                 "materials": [{"name": "申请书", "provision": "FILE", "reference": "%2$s", "fileName": "申请书.pdf"},
                               {"name": "经营场所平面图", "provision": "FILE", "reference": "%2$s", "fileName": "平面图.pdf"}],
                 "delivery": {"method": "%3$s", "address": "海川市东港区滨海大道 88 号"}}""".formatted(item, upload(), delivery);
    }

    private Http signedInAs(String username) {
        Http http = new Http(port);
        assertThat(http.login(username, "tongban2026").statusCode()).isEqualTo(302);
        return http;
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void applyingTwiceWithOneKeyCreatesOneCaseAndADifferentBodyIsRefusedNamingTheKey() {
        Http enterprise = signedInAs("91377002HC10000182");
        String key = "app-" + UUID.randomUUID();

        HttpResponse<String> created = enterprise.postJsonAsClient("/api/v1/cases", application("MAIL"), "Idempotency-Key", key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String number = body(created).get("number").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/cases/" + number);
        assertThat(body(created).get("deadlines").get("acceptanceDue").asString()).isEqualTo("2026-10-10");

        HttpResponse<String> retried = enterprise.postJsonAsClient("/api/v1/cases", application("MAIL"), "Idempotency-Key", key);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(body(retried).get("number").asString()).isEqualTo(number);

        HttpResponse<String> other = enterprise.postJsonAsClient("/api/v1/cases", application("PICK_UP"), "Idempotency-Key", key);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(body(other).get("code").asString()).isEqualTo("case.idempotency-key-reused");
        assertThat(body(other).get("detail").asString()).contains(key);
    }

    @Test
    void aClientWithABearerTokenAppliesWithoutCookieOrCsrfTokenAndNoSessionIsReadOrWritten() {
        Http enterprise = signedInAs("91377002HC10000182");
        String token = enterprise.apiToken();
        String body = application("MAIL");
        String sessions = "SELECT count(*) || ':' || coalesce(max(last_access_time), 0) FROM spring_session";
        String before = jdbc.sql(sessions).query(String.class).single();

        Http app = new Http(port);
        HttpResponse<String> created = app.send("POST", "/api/v1/cases", body, "Authorization", "Bearer " + token,
                "Idempotency-Key", "token-" + UUID.randomUUID());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String number = body(created).get("number").asString();
        assertThat(app.send("GET", "/api/v1/cases/" + number, null, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql(sessions).query(String.class).single()).isEqualTo(before);
        assertThat(created.headers().firstValue("Set-Cookie")).isEmpty();
        // Without the token the same client is nobody.
        assertThat(app.send("GET", "/api/v1/cases/" + number, null).statusCode()).isIn(401, 302);
    }

    @Test
    void aSubmissionWithoutAKeyIsRefusedNamingTheHeader() {
        HttpResponse<String> response = signedInAs("91377002HC10000182").postJsonAsClient("/api/v1/cases", application("MAIL"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void anIllegalTransitionIs409NamingTheStateAndAnotherApplicantSeesNothing() {
        Http enterprise = signedInAs("91377002HC10000182");
        String number = body(enterprise.postJsonAsClient("/api/v1/cases", application("MAIL"), "Idempotency-Key",
                "app-" + UUID.randomUUID())).get("number").asString();

        Http reviewer = signedInAs("reviewer.scj");
        HttpResponse<String> approval = reviewer.postJsonAsClient("/api/v1/cases/" + number + "/approval", "{\"opinion\": \"同意\"}");
        assertThat(approval.statusCode()).isEqualTo(409);
        assertThat(body(approval).get("status").asString()).isEqualTo("SUBMITTED");

        HttpResponse<String> accepted = signedInAs("clerk").postJsonAsClient("/api/v1/cases/" + number + "/acceptance", "{}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(body(accepted).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(body(accepted).get("step").get("name").asString()).isEqualTo("审查");

        assertThat(signedInAs("13800000001").getJson("/api/v1/cases/" + number).statusCode()).isEqualTo(404);
        assertThat(enterprise.getJson("/api/v1/cases/" + number).statusCode()).isEqualTo(200);
        assertThat(body(enterprise.getJson("/api/v1/cases?mine&size=100")).get("cases").findValuesAsString("number"))
                .contains(number);
    }

    @Test
    void aSubmissionWithoutADeliveryIsRefusedNamingItAndCreatesNothing() {
        Http enterprise = signedInAs("91377002HC10000182");
        String withoutDelivery = application("MAIL").replaceAll(",\\s*\"delivery\": \\{[^}]*\\}", "");
        assertThat(withoutDelivery).doesNotContain("delivery");
        long before = caseCount();

        HttpResponse<String> response = enterprise.postJsonAsClient("/api/v1/cases", withoutDelivery,
                "Idempotency-Key", "app-" + UUID.randomUUID());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(body(response).get("errors").findValuesAsString("field")).containsExactly("delivery");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void aMistypedCaseNumberIs400NamingIt() {
        // 3770002026092800000012 has check character 3; 4 is a typo.
        HttpResponse<String> response = signedInAs("clerk").getJson("/api/v1/cases/37700020260928000000124");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("errors").get(0).get("field").asString()).isEqualTo("number");
        assertThat(body(response).get("errors").get(0).get("message").asString()).contains("校验");
    }
}
