package org.tongban.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.cases.Application;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.Intake;
import org.tongban.cases.SubmittedMaterial;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.TestItems;
import org.tongban.support.Http;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/** The staff desk as plain HTML forms: the counter accepts, the reviewer passes the step on, a bad act changes nothing. */
@TongbanTest
class StaffCasePagesTests {

    static final String ENTERPRISE = "91377002HC10000182";

    @LocalServerPort int port;
    @Autowired CatalogManagement catalog;
    @Autowired CaseManagement cases;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;

    String number;

    @BeforeEach
    void aSubmittedCase() {
        clock.dayAt10("2026-09-28");
        ItemContent content = org.tongban.cases.CaseTestItems.licensing();
        signedIn.as("catalog", () -> catalog.createItem(content));
        signedIn.as("catalog", () -> catalog.submitForReview(content.implementationCode(), LocalDate.of(2026, 9, 28)));
        signedIn.as("legal", () -> catalog.publish(content.implementationCode(), "合法"));
        byte[] pdf = "%PDF-1.4\n% 申请书\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = signedIn.as(ENTERPRISE, () -> cases.upload("file", "申请书.pdf", pdf)).sha256();
        Application a = new Application(content.implementationCode(), null, Map.of("contact", "陈示例"),
                List.of(new SubmittedMaterial("申请书", SubmittedMaterial.Provision.FILE, sha, "申请书.pdf"),
                        new SubmittedMaterial("经营场所平面图", SubmittedMaterial.Provision.FILE, sha, "平面图.pdf")),
                new Intake.Delivery(Intake.Delivery.Method.PICK_UP, null));
        number = signedIn.as(ENTERPRISE, () -> cases.submit(a, "page-" + UUID.randomUUID())).submitted().number().value();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Http as(String username) {
        Http http = new Http(port);
        assertThat(http.login(username, "tongban2026").statusCode()).isEqualTo(302);
        return http;
    }

    private CaseStatus status() {
        return signedIn.as("clerk", () -> cases.view(org.tongban.cases.CaseNumber.parse(number))).status();
    }

    @Test
    void theCounterSeesTheApplicationAndAcceptsIt() {
        Http clerk = as("clerk");
        assertThat(clerk.get("/staff/cases").body()).contains(number);
        String page = clerk.get("/staff/cases/" + number).body();
        assertThat(page).contains("待受理", "受理期限", "2026-10-10", "一次性告知补正", "申请书.pdf");

        HttpResponse<String> accepted = clerk.postForm("/staff/cases/" + number, "/staff/cases/" + number + "/acceptance", Map.of());
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(clerk.get("/staff/cases/" + number).body()).contains("已受理", "承诺办结期限", "2026-10-10");
    }

    @Test
    void anActWithoutItsOpinionIsShownBackAndChangesNothing() {
        signedIn.as("clerk", () -> cases.accept(org.tongban.cases.CaseNumber.parse(number), Map.of()));
        Http reviewer = as("reviewer.scj");
        assertThat(reviewer.get("/staff/cases?view=UNASSIGNED").body()).contains(number);
        reviewer.postForm("/staff/cases/" + number, "/staff/cases/" + number + "/steps/0/completion", Map.of("opinion", " "));

        String page = reviewer.get("/staff/cases/" + number).body();
        assertThat(page).contains("请填写办理意见");
        assertThat(signedIn.as("clerk", () -> cases.view(org.tongban.cases.CaseNumber.parse(number))).step()).isZero();
    }

    @Test
    void aCitizenCannotOpenTheStaffDesk() {
        assertThat(as("13800000001").get("/staff/cases/" + number).statusCode()).isEqualTo(403);
    }
}
