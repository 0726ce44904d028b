package org.tongban.cases.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
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
import org.tongban.identity.TestApplicants;
import org.tongban.support.Browser;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/**
 * 窗口收件 in a real browser: the clerk looks up a walk-in applicant who has no account, registers them once the
 * originals are seen (refused first without the check), finds the item, applies with one original checked at the
 * counter and one scan, at the 东港区 centre for a department elsewhere, and gets the case page with the receipt to
 * print. Every page passes axe-core, the application form also in large-text mode on a phone.
 */
@TongbanTest
class CounterIntakeBrowserTest {

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

    private static Locator material(Page page, String name) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(name));
    }

    @Test
    void theClerkRegistersAWalkInAppliesForThemAndPrintsTheReceipt() {
        ItemContent item = CaseTestItems.licensing();
        String code = CaseTestItems.publish(signedIn, catalog, item, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        int n = TestApplicants.next();
        String idNumber = TestApplicants.idNumber(n);

        Page clerk = browser.open(1280);
        signIn(clerk, "clerk");
        clerk.navigate(url("/staff/cases"));
        clerk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("窗口收件")).first().click();
        assertThat(clerk).hasURL(url("/staff/counter"));
        Browser.assertNoAxeViolations(clerk);

        clerk.getByLabel("身份证号码或统一社会信用代码").fill("12345");
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找申请人")).click();
        assertThat(clerk.locator("#identifier-error")).containsText("18 位");
        Browser.assertNoAxeViolations(clerk);

        clerk.getByLabel("身份证号码或统一社会信用代码").fill(idNumber);
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找申请人")).click();
        assertThat(clerk.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("登记申请人"))).isVisible();
        clerk.getByLabel("姓名（与身份证一致）").fill("窗口" + n);
        clerk.getByLabel("手机号码").fill(TestApplicants.mobile(n));
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记并继续")).click();
        assertThat(clerk.locator("#documentsSeen-error")).containsText("查验身份证原件");
        assertThat(clerk.getByLabel("姓名（与身份证一致）")).hasValue("窗口" + n);
        Browser.assertNoAxeViolations(clerk);
        clerk.getByLabel("我已查验身份证原件，与本人一致").check();
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记并继续")).click();
        assertThat(clerk.locator("main")).containsText("申请人已登记");
        assertThat(clerk.locator("main")).containsText(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));

        clerk.getByLabel("要办的事项").fill("食品经营许可");
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找事项")).click();
        assertThat(clerk.locator("main ul.plain-list a").first()).containsText("食品");
        Browser.assertNoAxeViolations(clerk);

        String applicantPage = clerk.url().replaceAll("\\?.*", "");
        clerk.navigate(applicantPage + "/items/" + code);
        assertThat(clerk.locator("h1")).containsText(item.name());
        Browser.assertNoAxeViolations(clerk);

        // Nothing chosen: the centre and the contact are named, and the answers come back.
        material(clerk, CaseTestItems.FORM).getByLabel("已核验纸质原件（收取复印件）").check();
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        assertThat(clerk.locator(".error-summary")).containsText("请选择收件的政务服务中心");
        assertThat(material(clerk, CaseTestItems.FORM).getByLabel("已核验纸质原件（收取复印件）")).isChecked();
        Browser.assertNoAxeViolations(clerk);

        clerk.getByLabel("收件的政务服务中心").selectOption("HC-DG");
        clerk.getByLabel("联系人").fill("窗口" + n);
        material(clerk, CaseTestItems.FLOOR_PLAN).getByLabel("选择“经营场所平面图”的文件").setInputFiles(new FilePayload(
                "平面图.pdf", "application/pdf", "%PDF-1.4\n% 平面图\n%%EOF\n".getBytes(StandardCharsets.UTF_8)));
        Browser.screenshot(clerk, "target/docs/screenshots/case-counter-intake-desktop.png");
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();

        assertThat(clerk.locator("main")).containsText("已代为提交申请");
        assertThat(clerk.locator("main")).containsText("东港区政务服务中心");
        assertThat(clerk.locator("main")).containsText("申请人本人到场办理");
        assertThat(clerk.locator("main")).containsText("窗口核验纸质原件");
        Browser.assertNoAxeViolations(clerk);
        Browser.screenshot(clerk, "target/docs/screenshots/case-counter-submitted-desktop.png");

        Locator receipt = clerk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("收件回执（PDF）"));
        APIResponse pdf = clerk.request().get(url(receipt.getAttribute("href")));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        Page large = browser.open(390);
        signIn(large, "clerk");
        large.navigate(url("/mode/large?on=true&return=" + applicantPage.replace(url(""), "") + "/items/" + code));
        assertThat(large.locator("h1")).containsText(item.name());
        Browser.assertNoAxeViolations(large);
        Browser.assertNoHorizontalScroll(large);
    }
}
