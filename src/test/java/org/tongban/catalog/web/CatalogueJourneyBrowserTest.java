package org.tongban.catalog.web;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.TestItems;
import org.tongban.support.Browser;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import java.time.Clock;
import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The catalogue's story in a real browser: a catalogue administrator writes an item, the legal reviewer publishes
 * it, and a visitor finds it from the home page and reads its guide. The public pages pass axe-core, and the
 * screenshots in docs/ are taken from this run (written to target/docs/, copied by scripts/refresh-docs).
 */
@TongbanTest
class CatalogueJourneyBrowserTest {

    private static final String NAME = "夜间经济摊点经营登记";
    private static final String BASIC_CODE = "219999000001";
    private static final String DEPARTMENT = "11377000HC00002511";
    private static final byte[] BLANK_FORM = ("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            + "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SAMPLE = ("%PDF-1.4\n% filled-in example\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            + "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final byte[] RESULT_SAMPLE = ("%PDF-1.4\n% sample licence\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            + "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    /** The platform's clock, in the city's time zone: "today" there may already be tomorrow in UTC. */
    @Autowired
    Clock clock;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(Page page, String user) {
        Browser.signIn(page, url(""), user);
        assertThat(page).hasURL(url("/staff"));
    }

    private static Locator byId(Page page, String id) {
        return page.locator("[id='" + id + "']");
    }

    @Test
    void anItemWrittenReviewedAndPublishedIsFoundByThePublic() {
        Page admin = browser.open(1280);
        signIn(admin, "catalog");
        admin.navigate(url("/admin/catalogue/new"));
        byId(admin, "name").fill(NAME);
        byId(admin, "basicCode").fill(BASIC_CODE);
        byId(admin, "implementationCode").fill(DEPARTMENT + BASIC_CODE + "0");
        byId(admin, "departmentCreditCode").selectOption(DEPARTMENT);
        admin.getByLabel("公共服务", new Page.GetByLabelOptions().setExact(true)).check();
        byId(admin, "summary").fill("在夜市、步行街等指定区域摆摊经营的，先在网上登记摊位，领取电子摊位牌。");
        byId(admin, "aliases").fill("摆摊登记，夜市摊位");
        byId(admin, "keywords").fill("摆摊，夜市");
        byId(admin, "legalBasis").fill("《海川市城市市容和环境卫生管理条例》第二十条");
        byId(admin, "acceptanceConditions").fill("在本市指定夜间经济区域内经营的个人或个体工商户。");
        admin.getByLabel("市级", new Page.GetByLabelOptions().setExact(true)).check();
        admin.getByLabel("法定本级行使", new Page.GetByLabelOptions().setExact(true)).check();
        byId(admin, "statutoryLimit.value").fill("10");
        byId(admin, "committedLimit.value").fill("3");
        admin.getByLabel("承诺件", new Page.GetByLabelOptions().setExact(true)).check();
        byId(admin, "visits").fill("0");
        admin.getByLabel("全程网办", new Page.GetByLabelOptions().setExact(true)).check();
        admin.getByLabel("网上办理", new Page.GetByLabelOptions().setExact(true)).check();
        admin.getByLabel("全市通办", new Page.GetByLabelOptions().setExact(true)).check();
        admin.getByLabel("法人", new Page.GetByLabelOptions().setExact(true)).check();
        admin.getByLabel("经营（法人）", new Page.GetByLabelOptions().setExact(true)).check();
        byId(admin, "steps0.name").fill("网上受理并审核");
        byId(admin, "steps0.role").check();
        byId(admin, "steps0.limit.value").fill("2");
        byId(admin, "materials0.name").fill("摊位经营登记表");
        byId(admin, "materials0.acceptanceStandard").fill("摊位位置和经营品类填写完整，经营者签名");
        byId(admin, "materials0.blankForm.upload").setInputFiles(
                new FilePayload("摊位经营登记表.pdf", "application/pdf", BLANK_FORM));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();

        assertThat(admin.locator("h1")).hasText(NAME);
        // A special procedure, a filled-in example and a sample of the result, added while editing the draft.
        admin.navigate(url("/admin/catalogue/" + DEPARTMENT + BASIC_CODE + "0/edit"));
        admin.locator("#specialProcedures button[name=addRow]").click();
        byId(admin, "specialProcedures0.name").fill("现场核验摊位");
        byId(admin, "specialProcedures0.limit.value").fill("5");
        byId(admin, "materials0.sample.upload").setInputFiles(
                new FilePayload("摊位经营登记表（示例）.pdf", "application/pdf", SAMPLE));
        byId(admin, "resultSample.upload").setInputFiles(
                new FilePayload("电子摊位牌（样本）.pdf", "application/pdf", RESULT_SAMPLE));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
        assertThat(admin.locator("h1")).hasText(NAME);
        admin.getByLabel("生效日期").fill(LocalDate.now(clock).toString());
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交合法性审查")).click();
        assertThat(admin.locator(".banner")).containsText("已提交合法性审查");

        Page legal = browser.open(1280);
        signIn(legal, "legal");
        legal.navigate(url("/admin/review"));
        legal.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(NAME)).click();
        legal.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审核通过并发布")).click();
        assertThat(legal.locator(".banner")).containsText("已发布：" + NAME);

        Page visitor = browser.open(1280);
        visitor.navigate(url("/"));
        Browser.assertNoAxeViolations(visitor);
        Browser.screenshot(visitor, "target/docs/screenshots/home-desktop.png");
        visitor.locator("#home-search").fill("摆摊");
        visitor.locator(".hero__search button").click();
        assertThat(visitor.locator(".result-list")).containsText(NAME);
        Browser.assertNoAxeViolations(visitor);
        Browser.screenshot(visitor, "target/docs/screenshots/search-desktop.png");
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(NAME)).click();
        assertThat(visitor.locator("h1")).hasText(NAME);
        assertThat(visitor.locator("main")).containsText("摊位经营登记表");
        Browser.assertNoAxeViolations(visitor);

        // The blank form the administrator attached is what the visitor downloads.
        Locator blankForm = visitor.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("空白表格：摊位经营登记表.pdf"));
        APIResponse file = visitor.request().get(url(blankForm.getAttribute("href")));
        org.assertj.core.api.Assertions.assertThat(file.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(file.headers().get("content-type")).startsWith("application/pdf");
        org.assertj.core.api.Assertions.assertThat(file.body()).isEqualTo(BLANK_FORM);
        Locator sample = visitor.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("填写示例：摊位经营登记表（示例）.pdf"));
        org.assertj.core.api.Assertions.assertThat(visitor.request().get(url(sample.getAttribute("href"))).body())
                .isEqualTo(SAMPLE);
        Locator resultSample = visitor.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("办理结果样本：电子摊位牌（样本）.pdf"));
        org.assertj.core.api.Assertions.assertThat(visitor.request().get(url(resultSample.getAttribute("href"))).body())
                .isEqualTo(RESULT_SAMPLE);
        assertThat(visitor.locator("main")).containsText("现场核验摊位（一般不超过 5 个工作日）");
        assertThat(visitor.locator("main")).containsText("受理标准：摊位位置和经营品类填写完整，经营者签名");
        assertThat(visitor.locator("main")).containsText("法定本级行使");
    }

    @Autowired
    CatalogManagement catalog;
    @Autowired
    SignedIn signedIn;

    @Test
    void theItemFormAndTheComparisonOfVersionsPassAccessibilityChecks() {
        ItemContent v1 = TestItems.valid("海岛民宿经营备案", "1028");
        String code = v1.implementationCode();
        signedIn.as("catalog", () -> catalog.createItem(v1));
        signedIn.as("catalog", () -> catalog.submitForReview(code, LocalDate.now(clock)));
        signedIn.as("legal", () -> catalog.publish(code, null));
        signedIn.as("catalog", () -> catalog.openDraft(code));

        Page phone = browser.open(390);
        signIn(phone, "catalog");
        phone.navigate(url("/admin/catalogue/" + code + "/edit"));
        phone.locator("#specialProcedures button[name=addRow]").click();
        byId(phone, "specialProcedures0.name").fill("消防安全现场检查");
        phone.getByLabel("上级委托", new Page.GetByLabelOptions().setExact(true)).check();
        byId(phone, "resultSample.upload").setInputFiles(
                new FilePayload("民宿备案回执（样本）.pdf", "application/pdf", RESULT_SAMPLE));
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
        // Refused: an entrusted power names its entrusting department; the message sits beside the field.
        assertThat(phone.locator("#entrustingDepartment-error")).containsText("请填写此项");
        // The file uploaded with the refused form is kept: the form says so, and it need not be chosen again.
        assertThat(phone.locator("main")).containsText("当前文件：民宿备案回执（样本）.pdf");
        Browser.assertNoAxeViolations(phone);
        Browser.assertNoHorizontalScroll(phone);
        byId(phone, "entrustingDepartment").fill("省文化和旅游厅");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
        assertThat(phone.locator("h1")).hasText("海岛民宿经营备案");

        Page desktop = browser.open(1280);
        signIn(desktop, "catalog");
        desktop.navigate(url("/admin/catalogue/" + code + "/edit"));
        assertThat(byId(desktop, "entrustingDepartment")).hasValue("省文化和旅游厅");
        ItemContent.Attachment kept = signedIn.as("catalog", () -> catalog.history(code)).getFirst().content().resultSample();
        org.assertj.core.api.Assertions.assertThat(kept).isNotNull();
        org.assertj.core.api.Assertions.assertThat(catalog.attachment(kept.sha256())).contains(RESULT_SAMPLE);
        Browser.screenshot(desktop, "target/docs/screenshots/item-form-desktop.png");

        signedIn.as("catalog", () -> catalog.submitForReview(code, LocalDate.now(clock).plusDays(1)));
        Page legal = browser.open(390);
        signIn(legal, "legal");
        legal.navigate(url("/admin/review/" + code));
        assertThat(legal.locator("main")).containsText("权力来源");
        assertThat(legal.locator("main")).containsText("上级委托");
        assertThat(legal.locator("main")).containsText("特别程序 1 · 程序名称");
        assertThat(legal.locator("main")).not().containsText("handlingForms");
        Browser.assertNoAxeViolations(legal);
        Browser.assertNoHorizontalScroll(legal);
    }

    @Test
    void theWithdrawalFormAndAWithdrawnItemsPagePassAccessibilityChecks() {
        ItemContent item = TestItems.valid("海岛渡口临时客运许可", "1027");
        String code = item.implementationCode();
        signedIn.as("catalog", () -> catalog.createItem(item));
        signedIn.as("catalog", () -> catalog.submitForReview(code, LocalDate.now(clock)));
        signedIn.as("legal", () -> catalog.publish(code, null));

        Page admin = browser.open(390);
        signIn(admin, "catalog");
        admin.navigate(url("/admin/catalogue/" + code));
        assertThat(admin.getByLabel("取消的理由和依据")).isVisible();
        Browser.assertNoAxeViolations(admin);
        Browser.assertNoHorizontalScroll(admin);

        signedIn.as("catalog", () -> catalog.requestWithdrawal(code, "跨海大桥通车，渡口停运。"));
        signedIn.as("catalog", () -> catalog.submitForReview(code, LocalDate.now(clock)));
        signedIn.as("legal", () -> catalog.publish(code, null));
        Page visitor = browser.open(390);
        visitor.navigate(url("/items/" + code));
        assertThat(visitor.locator("h1")).hasText("海岛渡口临时客运许可");
        assertThat(visitor.locator("main")).containsText("跨海大桥通车，渡口停运。");
        Browser.assertNoAxeViolations(visitor);
        Browser.assertNoHorizontalScroll(visitor);
    }

    @Test
    void publicPagesPassAccessibilityChecksOnAPhoneAndInLargeText() {
        for (String path : new String[]{"/", "/search?q=%E7%94%9F%E5%AD%A9%E5%AD%90", "/themes/BIRTH",
                "/departments", "/departments/11377000HC00002511", "/items/11377000HC0000104F2110002800000",
                "/login", "/register/citizen", "/?lang=en", "/items/11377000HC0000104F2110002800000?lang=en",
                "/departments/11377000HC00002511?lang=en"}) {
            Page phone = browser.open(390);
            phone.navigate(url(path));
            Browser.assertNoAxeViolations(phone);
            Browser.assertNoHorizontalScroll(phone);
        }
        Page phone = browser.open(390);
        phone.navigate(url("/"));
        Browser.screenshot(phone, "target/docs/screenshots/home-phone.png");
        Page large = browser.open(390);
        large.navigate(url("/mode/large?on=true&return=/"));
        Browser.assertNoAxeViolations(large);
        Browser.assertNoHorizontalScroll(large);
        Browser.screenshot(large, "target/docs/screenshots/home-phone-large.png");
        Page largeDesktop = browser.open(1280);
        largeDesktop.navigate(url("/mode/large?on=true&return=/"));
        Browser.assertNoAxeViolations(largeDesktop);
        Browser.screenshot(largeDesktop, "target/docs/screenshots/home-desktop-large.png");
    }

    @Test
    void theGuidePageIsAccessibleAndPrintable() {
        Page page = browser.open(1280);
        page.navigate(url("/search?q=%E5%87%BA%E7%94%9F%E5%8C%BB%E5%AD%A6%E8%AF%81%E6%98%8E%E7%AD%BE%E5%8F%91"));
        page.locator(".result-list a").first().click();
        assertThat(page.locator("h1")).hasText("出生医学证明签发");
        Browser.assertNoAxeViolations(page);
        Browser.screenshot(page, "target/docs/screenshots/guide-desktop.png");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.locator("header.header")).isHidden();
        Page phone = browser.open(390);
        phone.navigate(page.url());
        Browser.assertNoHorizontalScroll(phone);
        Browser.screenshot(phone, "target/docs/screenshots/guide-phone.png");
        String guide = page.url().substring(url("").length());
        Page largePhone = browser.open(390);
        largePhone.navigate(url("/mode/large?on=true&return=" + guide));
        Browser.assertNoAxeViolations(largePhone);
        Browser.assertNoHorizontalScroll(largePhone);
        Browser.screenshot(largePhone, "target/docs/screenshots/guide-phone-large.png");
        Page largeDesktop = browser.open(1280);
        largeDesktop.navigate(url("/mode/large?on=true&return=" + guide));
        Browser.screenshot(largeDesktop, "target/docs/screenshots/guide-desktop-large.png");
    }
}
