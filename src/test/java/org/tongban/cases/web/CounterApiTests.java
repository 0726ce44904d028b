package org.tongban.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.cases.CaseTestItems;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.TestApplicants;
import org.tongban.support.Http;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 窗口收件 over HTTP as a counter client uses it: the centres, the applicant found by the number on their document,
 * the application with originals seen on paper, and nobody but a window clerk may do it.
 */
@TongbanTest
class CounterApiTests {

    static final String ZHANG_ID = "377002199001011232";

    @LocalServerPort int port;
    @Autowired CatalogManagement catalog;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;
    @Autowired JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private String item;

    @BeforeEach
    void anItemInForceOn28September() {
        clock.dayAt10("2026-09-28");
        item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2026, 9, 28));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Http signedInAs(String username) {
        Http http = new Http(port);
        assertThat(http.login(username, "tongban2026").statusCode()).isEqualTo(302);
        return http;
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private String applicant(Http clerk, String identifier) {
        HttpResponse<String> found = clerk.postJsonAsClient("/api/v1/counter/applicants/search",
                "{\"identifier\": \"" + identifier + "\"}");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return body(found).get("id").asString();
    }

    private String paperApplication() {
        return """
                {"itemCode": "%s", "form": {"contact": "张海川"},
                 "materials": [{"name": "申请书", "provision": "PAPER"}, {"name": "经营场所平面图", "provision": "PAPER"}],
                 "delivery": {"method": "PICK_UP"}}""".formatted(item);
    }

    private String counter(String applicant, String centre, String authorisation) {
        return """
                {"applicantAccountId": %s, "acceptingCentre": %s, "authorisation": %s, "application": %s}"""
                .formatted(applicant == null ? "null" : "\"" + applicant + "\"", centre == null ? "null" : "\"" + centre + "\"",
                        authorisation, paperApplication());
    }

    private static final String IN_PERSON = "{\"kind\": \"APPLICANT_IN_PERSON\"}";

    private static String key() {
        return "counter-" + UUID.randomUUID();
    }

    private long refusals(String action, String username) {
        return jdbc.sql("""
                SELECT count(*) FROM cases_refused_access r JOIN identity_account a ON a.id = r.account_id
                WHERE r.action = ? AND a.username = ?""").params(action, username).query(Long.class).single();
    }

    @Test
    void theClerkFindsTheApplicantAppliesWithPaperOriginalsAndARetryReturnsTheSameCase() {
        Http clerk = signedInAs("clerk");
        assertThat(body(new Http(port).getJson("/api/v1/service-centres")).findValuesAsString("code")).contains("HC-DG");
        HttpResponse<String> found = clerk.postJsonAsClient("/api/v1/counter/applicants/search",
                "{\"identifier\": \" " + ZHANG_ID + " \"}");
        assertThat(body(found).get("displayName").asString()).isEqualTo("张海川");
        assertThat(body(found).get("maskedIdNumber").asString()).isEqualTo("3770**********1232");
        assertThat(found.body()).doesNotContain(ZHANG_ID);
        String zhang = body(found).get("id").asString();

        String key = key();
        HttpResponse<String> created = clerk.postJsonAsClient("/api/v1/counter/cases",
                counter(zhang, "HC-DG", IN_PERSON), "Idempotency-Key", key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String number = body(created).get("number").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/cases/" + number);
        assertThat(body(created).get("channel").asString()).isEqualTo("COUNTER");
        assertThat(body(created).get("acceptingCentre").asString()).isEqualTo("HC-DG");
        assertThat(body(created).get("authorisation").asString()).isEqualTo("申请人本人到场办理");
        assertThat(body(created).get("applicantName").asString()).isEqualTo("张海川");
        assertThat(body(created).get("materials").findValuesAsString("provision")).containsOnly("PAPER");
        assertThat(body(created).get("deadlines").get("acceptanceDue").asString()).isEqualTo("2026-10-10");

        HttpResponse<String> retried = clerk.postJsonAsClient("/api/v1/counter/cases",
                counter(zhang, "HC-DG", IN_PERSON), "Idempotency-Key", key);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(body(retried).get("number").asString()).isEqualTo(number);
        HttpResponse<String> elsewhere = clerk.postJsonAsClient("/api/v1/counter/cases",
                counter(zhang, "HC-XL", IN_PERSON), "Idempotency-Key", key);
        assertThat(elsewhere.statusCode()).isEqualTo(409);
        assertThat(body(elsewhere).get("code").asString()).isEqualTo("case.idempotency-key-reused");

        // The applicant sees the case the counter took in for them.
        assertThat(signedInAs("13800000001").getJson("/api/v1/cases/" + number).statusCode()).isEqualTo(200);
    }

    @Test
    void paperOriginalsAreRefusedOnlineButTakenAtTheCounter() {
        HttpResponse<String> online = signedInAs("13800000001").postJsonAsClient("/api/v1/cases", paperApplication(),
                "Idempotency-Key", key());
        assertThat(online.statusCode()).isEqualTo(400);
        assertThat(body(online).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("materials.申请书", "materials.经营场所平面图");
        assertThat(online.body()).contains("在线申请不能选择窗口核验纸质材料");

        Http clerk = signedInAs("clerk");
        HttpResponse<String> atCounter = clerk.postJsonAsClient("/api/v1/counter/cases",
                counter(applicant(clerk, ZHANG_ID), "HC-DG", IN_PERSON), "Idempotency-Key", key());
        assertThat(atCounter.statusCode()).as(atCounter.body()).isEqualTo(201);
    }

    @Test
    void aCitizenOrAReviewerIsRefusedAndTheAttemptIsLogged() {
        String zhang = applicant(signedInAs("clerk"), ZHANG_ID);
        for (String username : new String[] {"13800000002", "reviewer.scj"}) {
            long before = refusals("submit-at-counter", username);
            HttpResponse<String> response = signedInAs(username).postJsonAsClient("/api/v1/counter/cases",
                    counter(zhang, "HC-DG", IN_PERSON), "Idempotency-Key", key());
            assertThat(response.statusCode()).as(username).isEqualTo(403);
            assertThat(refusals("submit-at-counter", username)).as(username).isEqualTo(before + 1);
        }
        HttpResponse<String> lookup = signedInAs("13800000002").postJsonAsClient("/api/v1/counter/applicants/search",
                "{\"identifier\": \"" + ZHANG_ID + "\"}");
        assertThat(lookup.statusCode()).isEqualTo(403);
        assertThat(lookup.body()).doesNotContain("张海川");
    }

    @Test
    void anUnknownCentreOrApplicantOrAMissingAuthorisationIsNamedAndCreatesNothing() {
        Http clerk = signedInAs("clerk");
        String zhang = applicant(clerk, ZHANG_ID);
        long before = jdbc.sql("SELECT count(*) FROM cases_case").query(Long.class).single();

        assertThat(fields(clerk.postJsonAsClient("/api/v1/counter/cases", counter(zhang, "NO-SUCH", IN_PERSON),
                "Idempotency-Key", key()))).containsExactly("acceptingCentre");
        assertThat(fields(clerk.postJsonAsClient("/api/v1/counter/cases", counter(UUID.randomUUID().toString(), "HC-DG",
                IN_PERSON), "Idempotency-Key", key()))).containsExactly("applicantAccountId");
        assertThat(fields(clerk.postJsonAsClient("/api/v1/counter/cases", counter(zhang, "HC-DG", "null"),
                "Idempotency-Key", key()))).containsExactly("authorisation.kind");
        assertThat(fields(clerk.postJsonAsClient("/api/v1/counter/cases", counter(null, null, "{}"),
                "Idempotency-Key", key()))).containsExactlyInAnyOrder("applicantAccountId", "acceptingCentre",
                "authorisation.kind");
        assertThat(fields(clerk.postJsonAsClient("/api/v1/counter/cases", counter(zhang, "HC-DG",
                "{\"kind\": \"AGENT\", \"agentName\": \"李代理\", \"agentIdNumber\": \"37700219770707000\"}"),
                "Idempotency-Key", key()))).containsExactly("authorisation.agentIdNumber");
        assertThat(fields(clerk.postJsonAsClient("/api/v1/counter/cases", counter(zhang, "HC-DG", IN_PERSON))))
                .containsExactly("Idempotency-Key");

        assertThat(jdbc.sql("SELECT count(*) FROM cases_case").query(Long.class).single()).isEqualTo(before);
    }

    private List<String> fields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return body(response).get("errors").findValuesAsString("field");
    }

    @Test
    void anApplicantNobodyKnowsIsNotFoundAndIsRegisteredOnceTheOriginalsAreSeen() {
        Http clerk = signedInAs("clerk");
        int n = TestApplicants.next();
        String id = TestApplicants.idNumber(n);
        HttpResponse<String> nobody = clerk.postJsonAsClient("/api/v1/counter/applicants/search",
                "{\"identifier\": \"" + id + "\"}");
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(fields(clerk.postJsonAsClient("/api/v1/counter/applicants/search", "{\"identifier\": \"12345\"}")))
                .containsExactly("identifier");

        String registration = """
                {"organisation": false, "identifier": "%s", "name": "窗口%d", "mobile": "%s", "documentsSeen": %s}""";
        assertThat(fields(clerk.postJsonAsClient("/api/v1/counter/applicants",
                registration.formatted(id, n, TestApplicants.mobile(n), false)))).containsExactly("documentsSeen");
        HttpResponse<String> registered = clerk.postJsonAsClient("/api/v1/counter/applicants",
                registration.formatted(id, n, TestApplicants.mobile(n), true));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(body(registered).get("realNameLevel").asString()).isEqualTo("IN_PERSON");
        assertThat(registered.body()).doesNotContain(id);
        assertThat(applicant(clerk, id)).isEqualTo(body(registered).get("id").asString());
    }
}
