package org.tongban.catalog;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.catalog.ItemContent.LimitUnit;
import org.tongban.catalog.ItemContent.TimeLimit;
import org.tongban.support.Browser;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The import job page in a browser: accessible while the job waits, runs and after it has finished, on a phone
 * and a desktop, and it follows the job by itself without reloading (the external script, not inline script and not
 * a meta refresh, which axe-core rejects for a page that reloads itself every few seconds).
 */
@TongbanTest
class CatalogueImportJobBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    CatalogueImportJobs jobs;
    @Autowired
    CatalogueImportWorker worker;
    @Autowired
    SignedIn signedIn;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void pauseTheWorker() {
        worker.pause();
    }

    @AfterEach
    void resumeTheWorker() {
        worker.resume();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(Page page, String user) {
        Browser.signIn(page, url(""), user);
        assertThat(page).hasURL(url("/staff"));
    }

    private byte[] document(ItemContent... items) {
        return json.writeValueAsBytes(new CatalogueDocument(CatalogueDocument.FORMAT, CatalogueDocument.VERSION,
                List.of(), List.of(), List.of(), List.of(items)));
    }

    @Test
    void theJobPageFollowsTheImportWithoutReloadingAndPassesAccessibilityChecks() {
        Page page = browser.open(1280);
        signIn(page, "admin");
        page.navigate(url("/admin/catalogue/transfer"));
        page.getByLabel("导入目录文件").setInputFiles(new FilePayload("catalogue.json", "application/json",
                document(TestItems.valid("海岛旅游民宿集中区规划备案", "2701"))));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导入").setExact(true)).click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/catalogue/transfer/jobs/[0-9a-f-]{36}$"));
        assertThat(page.locator("#import-job")).containsText("排队中");
        assertThat(page.getByLabel("导入进度")).isVisible();
        Browser.assertNoAxeViolations(page);
        page.evaluate("() => { window.notReloaded = true; }");

        worker.resume();
        assertThat(page.locator("#import-job")).containsText("导入完成：新增 1 个事项",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.notReloaded === true"))
                .as("updated in place, not reloaded").isEqualTo(true);
        assertThat(page.locator("#import-job")).not().containsText("刷新查看最新进度");
        Browser.assertNoAxeViolations(page);
        Browser.screenshot(page, "target/docs/screenshots/import-job-desktop.png");

        Page phone = browser.open(390);
        signIn(phone, "admin");
        phone.navigate(page.url());
        Browser.assertNoAxeViolations(phone);
        Browser.assertNoHorizontalScroll(phone);
        phone.navigate(url("/admin/catalogue/transfer"));
        assertThat(phone.locator("main")).containsText("最近的导入任务");
        Browser.assertNoAxeViolations(phone);
        Browser.assertNoHorizontalScroll(phone);
    }

    @Test
    void aRefusedJobListsItsProblemsAccessiblyOnAPhoneAndWithoutJavaScript() {
        ItemContent bad = TestItems.with(TestItems.valid("海岛无居民岛屿开发利用审批", "2702"),
                "statutoryLimit", new TimeLimit(5, LimitUnit.WORKING_DAYS),
                "committedLimit", new TimeLimit(10, LimitUnit.WORKING_DAYS), "steps", List.of());
        UUID id = signedIn.as("admin", () -> jobs.submit(document(bad)));
        Page queued = browser.openWithoutJavaScript(390);
        signIn(queued, "admin");
        queued.navigate(url("/admin/catalogue/transfer/jobs/" + id));
        assertThat(queued.locator("#import-job")).containsText("刷新查看最新进度");
        Browser.assertNoHorizontalScroll(queued);

        ImportJobStore.Claim claim = worker.claim().orElseThrow();
        worker.run(claim);
        queued.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("刷新查看最新进度")).click();
        assertThat(queued.locator("main")).containsText("items[0].committedLimit");

        Page phone = browser.open(390);
        signIn(phone, "admin");
        phone.navigate(url("/admin/catalogue/transfer/jobs/" + id));
        assertThat(phone.locator("main")).containsText("文件没有导入");
        assertThat(phone.locator("main")).containsText(bad.implementationCode());
        Browser.assertNoAxeViolations(phone);
        Browser.assertNoHorizontalScroll(phone);
        Page english = browser.open(1280);
        signIn(english, "admin");
        english.navigate(url("/admin/catalogue/transfer/jobs/" + id + "?lang=en"));
        assertThat(english.locator("main")).containsText("Problems in the file");
        Browser.assertNoAxeViolations(english);
    }
}
