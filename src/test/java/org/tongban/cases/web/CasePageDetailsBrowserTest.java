package org.tongban.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.cases.Application;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseNumber;
import org.tongban.cases.CaseTestItems;
import org.tongban.cases.Intake;
import org.tongban.cases.SubmittedMaterial;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.TestItems;
import org.tongban.support.Browser;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/**
 * Details of the case pages, as the applicant and the reviewer see them in a browser: a deferred material that came
 * says so with its date, a case without materials says that in a sentence, and the timeline names a member of staff
 * whose name carries a title with that title only (on the staff page; the applicant's names the role alone). Screenshots under target/docs/screenshots/.
 */
@TongbanTest
class CasePageDetailsBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String ENTERPRISE = "91377002HC10000182";

    @LocalServerPort int port;
    @Autowired CatalogManagement catalog;
    @Autowired CaseManagement cases;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page signedIn(String user) {
        Page page = browser.open(1280);
        Browser.signIn(page, url(""), user);
        return page;
    }

    private CaseNumber submit(String item, List<SubmittedMaterial> materials) {
        Application a = new Application(item, null, Map.of("contact", "陈示例"), materials,
                new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null));
        return signedIn.as(ENTERPRISE, () -> cases.submit(a, "details-" + UUID.randomUUID())).submitted().number();
    }

    @Test
    void aDeferredMaterialThatCameShowsTheDayAndTheHeadIsNamedWithHerOwnTitleOnly() {
        clock.dayAt10("2026-09-28");
        String item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2026, 9, 28));
        byte[] pdf = "%PDF-1.4\n% 申请书\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        String sha = signedIn.as(ENTERPRISE, () -> cases.upload("file", "申请书.pdf", pdf)).sha256();
        CaseNumber n = submit(item, List.of(
                new SubmittedMaterial(CaseTestItems.FORM, SubmittedMaterial.Provision.FILE, sha, "申请书.pdf"),
                new SubmittedMaterial(CaseTestItems.FLOOR_PLAN, SubmittedMaterial.Provision.DEFERRED, null, null)));
        Page before = signedIn(ENTERPRISE);
        before.navigate(url("/cases/" + n.value()));
        assertThat(before.locator("table").first().innerText()).contains("容缺，受理后补交");

        clock.dayAt10("2026-09-29");
        signedIn.as("clerk", () -> cases.accept(n, Map.of(CaseTestItems.FLOOR_PLAN, LocalDate.of(2026, 10, 15))));
        signedIn.as("reviewer.scj", () -> cases.claim(n));
        Page due = signedIn(ENTERPRISE);
        due.navigate(url("/cases/" + n.value()));
        assertThat(due.locator("table").first().innerText()).contains("容缺受理，应于 2026-10-15 前补交");

        clock.dayAt10("2026-09-30");
        signedIn.as("reviewer.scj", () -> cases.receiveDeferredMaterial(n, CaseTestItems.FLOOR_PLAN));
        signedIn.as("head.scj", () -> cases.extend(n, "需补充核查经营场所，延长审批期限"));

        Page applicant = signedIn(ENTERPRISE);
        applicant.navigate(url("/cases/" + n.value()));
        String materials = applicant.locator("table").first().innerText();
        assertThat(materials).contains("容缺受理，已于 2026-09-30 补交").doesNotContain("受理后补交", "前补交");
        // The applicant sees the role that acted, staff names are for staff.
        assertThat(applicant.locator(".timeline").innerText()).contains("延长审批", "部门负责人").doesNotContain("孙丽");
        Browser.assertNoAxeViolations(applicant);
        Browser.screenshot(applicant, "target/docs/screenshots/case-deferred-received-desktop.png");

        Page reviewer = signedIn("reviewer.scj");
        reviewer.navigate(url("/staff/cases/" + n.value()));
        assertThat(reviewer.locator("table").first().innerText()).contains("容缺受理，已于 2026-09-30 补交");
        assertThat(reviewer.locator(".timeline").innerText()).contains("科室负责人 孙丽（市市场监管局）")
                .doesNotContain("部门负责人 科室负责人");
        Browser.screenshot(reviewer, "target/docs/screenshots/staff-case-deferred-received-desktop.png");
    }

    @Test
    void aCaseWithoutMaterialsSaysSoInASentenceInsteadOfAnEmptyTable() {
        clock.dayAt10("2026-09-28");
        String item = CaseTestItems.publish(signedIn, catalog,
                TestItems.with(CaseTestItems.licensing(), "materials", List.of()), LocalDate.of(2026, 9, 28));
        CaseNumber n = submit(item, List.of());

        Page applicant = signedIn(ENTERPRISE);
        applicant.navigate(url("/cases/" + n.value()));
        assertThat(applicant.locator("main").innerText()).contains("申请材料：本件没有提交申请材料。");
        assertThat(applicant.locator("table caption:has-text('申请材料')").count()).isZero();
        Browser.assertNoAxeViolations(applicant);
        Browser.screenshot(applicant, "target/docs/screenshots/case-no-materials-desktop.png");

        Page clerk = signedIn("clerk");
        clerk.navigate(url("/staff/cases/" + n.value()));
        assertThat(clerk.locator("main").innerText()).contains("申请材料：本件没有提交申请材料。");
    }
}
