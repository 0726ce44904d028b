package org.tongban.cases.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.cases.CaseTestItems;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemContent;
import org.tongban.support.Browser;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/**
 * A case from the citizen's side to the reviewer's, in a real browser (the pages carry no script of their own): the application form
 * (refused once, with the message beside its field), the case page after submission, the counter's inbox and
 * acceptance, the reviewer's unclaimed cases; each page passes axe-core, on a phone and a desktop.
 */
@TongbanTest
class CaseJourneyBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired CatalogManagement catalog;
    @Autowired SignedIn signedIn;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(Page page, String user) {
        Browser.signIn(page, url(""), user);
    }

    private static FilePayload pdf(String name) {
        return new FilePayload(name, "application/pdf", ("%PDF-1.4\n% " + name + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEnterpriseAppliesTheCounterAcceptsAndTheReviewerFindsIt() {
        ItemContent item = CaseTestItems.licensing();
        String code = CaseTestItems.publish(signedIn, catalog, item, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));

        Page applicant = browser.open(390);
        signIn(applicant, "91377002HC10000182");
        applicant.navigate(url("/items/" + code));
        applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("在线申请")).click();
        assertThat(applicant).hasURL(url("/items/" + code + "/apply"));
        Browser.assertNoAxeViolations(applicant);

        applicant.getByLabel("选择“申请书”的文件").setInputFiles(pdf("申请书.pdf"));
        applicant.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        assertThat(applicant.locator(".error-summary")).containsText("联系人");
        assertThat(applicant.getByText("已上传：申请书.pdf")).isVisible();
        Browser.assertNoAxeViolations(applicant);
        Browser.screenshot(applicant, "target/docs/screenshots/case-application-form-phone.png");

        // Saved as a draft and resumed from 我的办件: the upload is still there.
        applicant.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
        assertThat(applicant).hasURL(url("/cases"));
        assertThat(applicant.locator("main")).containsText("草稿已保存");
        Browser.assertNoAxeViolations(applicant);
        Browser.screenshot(applicant, "target/docs/screenshots/case-my-cases-draft-phone.png");
        applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("继续填写：" + item.name())).click();
        assertThat(applicant.getByText("已上传：申请书.pdf")).isVisible();
        assertThat(applicant.locator("main")).containsText("这是您保存的草稿");

        applicant.getByLabel("联系人").fill("陈示例");
        applicant.getByLabel("选择“经营场所平面图”的文件").setInputFiles(pdf("平面图.pdf"));
        applicant.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        assertThat(applicant.locator("h1")).containsText(item.name());
        assertThat(applicant.locator("main")).containsText("申请已提交");
        assertThat(applicant.locator("main")).containsText("受理期限");
        // 营业执照 came from the enterprise's electronic licence (免提交), chosen on the form by default.
        assertThat(applicant.locator("main")).containsText("营业执照（电子证照");
        Browser.assertNoAxeViolations(applicant);
        Browser.screenshot(applicant, "target/docs/screenshots/case-submitted-phone.png");
        String number = applicant.locator(".summary-list__value.code").first().textContent().replace(" ", "");

        // 我的消息: the notice of receipt arrives just after the commit (an event listener), so look until it is there.
        applicant.navigate(url("/cases"));
        assertThat(applicant.locator("main")).not().containsText("继续填写：" + item.name());
        applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("我的消息"))).click();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            applicant.reload();
            return applicant.locator("main").textContent().contains(number);
        });
        assertThat(applicant.locator("main")).containsText("已收到您的申请");
        Browser.assertNoAxeViolations(applicant);

        Page clerk = browser.open(1280);
        signIn(clerk, "clerk");
        clerk.navigate(url("/staff/cases"));
        assertThat(clerk.locator("table")).containsText(number);
        Browser.assertNoAxeViolations(clerk);
        Browser.screenshot(clerk, "target/docs/screenshots/case-counter-desk-desktop.png");
        clerk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).click();
        Browser.assertNoAxeViolations(clerk);
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("受理").setExact(true)).click();
        assertThat(clerk.locator("main")).containsText("已受理");

        Page reviewer = browser.open(1280);
        signIn(reviewer, "reviewer.scj");
        reviewer.navigate(url("/staff/cases?view=UNASSIGNED"));
        assertThat(reviewer.locator("table")).containsText(number);
        Browser.assertNoAxeViolations(reviewer);
        Browser.screenshot(reviewer, "target/docs/screenshots/case-reviewer-inbox-desktop.png");
        reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).click();
        assertThat(reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("认领"))).isVisible();
        Browser.assertNoAxeViolations(reviewer);
        Browser.screenshot(reviewer, "target/docs/screenshots/case-page-reviewer-desktop.png");
    }
}
