package org.tongban.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.tongban.cases.CaseTestItems;
import org.tongban.cases.Intake;
import org.tongban.cases.SubmittedMaterial;
import org.tongban.catalog.CatalogManagement;
import org.tongban.support.Http;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/** The public lookup by case number and the mobile's last four digits, and its limit on guessing. */
@TongbanTest
class ProgressLookupTests {

    @LocalServerPort int port;
    @Autowired CatalogManagement catalog;
    @Autowired CaseManagement cases;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;

    String number;

    @BeforeEach
    void aCaseOfTheEnterpriseWhoseMobileEndsIn0001() {
        clock.dayAt10("2026-09-28");
        String item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2026, 9, 28));
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = signedIn.as("91377002HC10000182", () -> cases.upload("file", "a.pdf", pdf)).sha256();
        Application a = new Application(item, null, Map.of("contact", "陈示例"),
                List.of(new SubmittedMaterial(CaseTestItems.FORM, SubmittedMaterial.Provision.FILE, sha, "a.pdf"),
                        new SubmittedMaterial(CaseTestItems.FLOOR_PLAN, SubmittedMaterial.Provision.FILE, sha, "b.pdf")),
                new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null));
        number = signedIn.as("91377002HC10000182", () -> cases.submit(a, "lookup-" + UUID.randomUUID())).submitted()
                .number().value();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRightDigitsShowTheProgressWithoutTheApplicantsName() {
        String page = new Http(port).get("/progress?number=" + number + "&tail=0001").body();
        assertThat(page).contains("待受理", "提交申请", "2026-09-28").doesNotContain("海川示例科技有限公司", "陈示例");
    }

    @Test
    void wrongDigitsFindNothingAndFiveWrongTriesStopTheNumberAnsweringForAnHour() {
        Http anyone = new Http(port);
        for (int i = 0; i < 5; i++) {
            assertThat(anyone.get("/progress?number=" + number + "&tail=" + (1000 + i)).body()).contains("没有查到")
                    .doesNotContain("提交申请");
        }
        assertThat(anyone.get("/progress?number=" + number + "&tail=0001").body()).contains("错误次数过多")
                .doesNotContain("提交申请");
        clock.advance(java.time.Duration.ofMinutes(61));
        assertThat(anyone.get("/progress?number=" + number + "&tail=0001").body()).contains("提交申请");
    }

    @Test
    void aMistypedNumberIsShownBesideTheField() {
        assertThat(new Http(port).get("/progress?number=123&tail=0001").body()).contains("办件编号应为 23 位");
    }
}
