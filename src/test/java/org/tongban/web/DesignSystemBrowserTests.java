package org.tongban.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.support.Browser;
import org.tongban.support.TongbanTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The design system in a real browser: every page of the web module at phone and desktop width, in standard and
 * large text, passes axe-core, fits the phone without sideways scrolling and can be used by keyboard with visible
 * focus. Also writes the screenshots in docs/screenshots.
 */
@TongbanTest
class DesignSystemBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final int PHONE = 390;
    static final int DESKTOP = 1280;

    @LocalServerPort
    int port;

    enum Mode { STANDARD, LARGE }

    /** A page of the web module, the status it answers with and its main heading. */
    record Shown(String path, int status, String heading) {

        @Override
        public String toString() {
            return path;
        }
    }

    static final List<Shown> PAGES = List.of(
            new Shown("/design", 200, "设计系统"),
            new Shown("/design/staff", 200, "待办件"),
            new Shown("/accessibility", 200, "无障碍声明"),
            new Shown("/design/page-that-does-not-exist", 404, "找不到您要的页面"));

    static Stream<Arguments> views() {
        List<Arguments> views = new ArrayList<>();
        for (Shown page : PAGES) {
            for (int width : new int[] {PHONE, DESKTOP}) {
                for (Mode mode : Mode.values()) {
                    views.add(Arguments.of(page, width, mode));
                }
            }
        }
        return views.stream();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens the page in a fresh browser; large text is switched on the way a user does, by the /mode link. */
    private Page open(String path, int width, Mode mode, int expectedStatus) {
        Page page = browser.open(width);
        String target = mode == Mode.LARGE
                ? "/mode/large?on=true&return=" + URLEncoder.encode(path, StandardCharsets.UTF_8)
                : path;
        Response response = page.navigate(url(target));
        assertThat(response.status()).as("status of %s", path).isEqualTo(expectedStatus);
        if (mode == Mode.LARGE) {
            assertThat(page.locator("html")).hasClass("mode-large");
        } else {
            assertThat(page.locator("html")).not().hasClass("mode-large");
        }
        return page;
    }

    @ParameterizedTest(name = "{0} at {1} px in {2} text")
    @MethodSource("views")
    void everyPageIsAccessibleFitsThePhoneAndWorksByKeyboard(Shown shown, int width, Mode mode) {
        Page page = open(shown.path(), width, mode, shown.status());
        assertThat(page.locator("h1")).hasText(shown.heading());

        Browser.assertNoAxeViolations(page);
        Browser.assertNoHorizontalScroll(page);
        Browser.assertKeyboardFocusVisible(page);
    }

    @Test
    void largeTextSwitchWorksWithoutJavaScript() {
        Page page = browser.openWithoutJavaScript(PHONE);
        page.navigate(url("/accessibility"));

        page.locator("header .switches__mode").click();
        assertThat(page.locator("html")).hasClass("mode-large");
        assertThat(page).hasURL(url("/accessibility"));

        page.locator("header .switches__mode").click();
        assertThat(page.locator("html")).not().hasClass("mode-large");
    }

    @Test
    void languageSwitchShowsEnglishAndRemembersIt() {
        Page page = browser.open(DESKTOP);
        page.navigate(url("/design"));

        page.locator("header .switches__link[lang=en]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("h1")).hasText("Design system");

        page.navigate(url("/accessibility"));
        assertThat(page.locator("h1")).hasText("Accessibility statement");
        assertThat(page.locator(".footer .switches__current")).hasText("English");
    }

    @Test
    void sampleFormAcceptsAChineseDateAndAFile() {
        Page page = browser.open(DESKTOP);
        page.navigate(url("/design"));
        Locator form = page.locator("#sample-form");

        form.getByLabel("申请人姓名").fill("李明");
        form.getByLabel("公民身份号码").fill("11010519491231002X");
        form.getByLabel("预约办理日期").fill("2026年9月30日");
        form.getByLabel("到政务服务中心窗口办理").check();
        form.getByLabel("上传材料").setInputFiles(new FilePayload(
                "户口簿.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
        form.getByLabel("我已阅读办事指南，承诺所填信息真实有效").check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("提交申请")).click();

        assertThat(page).hasURL(url("/design?submitted#sample-form"));
        assertThat(page.locator(".banner--success").first()).containsText("申请已提交");
        assertThat(page.locator("#sample-form .error-summary")).hasCount(0);
    }

    @Test
    void errorSummaryListsTheMistakesInPageOrderAndLeadsToEachField() {
        Page page = browser.open(PHONE);
        page.navigate(url("/design"));
        Locator links = page.locator("#sample-form .error-summary a");

        assertThat(links).hasText(new String[] {"请输入申请人姓名", "公民身份号码应为 18 位，请检查是否漏填",
                "请按“2026-09-30”或“2026年9月30日”的格式填写日期", "请选择办理方式", "请阅读办事指南并勾选承诺"});
        links.nth(2).click();
        assertThat(page.locator("#appointmentDate")).isFocused();
        assertThat(page.locator("#appointmentDate")).hasValue("明天");
        assertThat(page.locator("#appointmentDate")).hasAttribute("aria-describedby", "appointmentDate-hint appointmentDate-error");
    }

    @Test
    void browserChecksCatchWhatTheyAreMeantToCatch() {
        Page page = browser.open(DESKTOP);
        page.setContent("<!DOCTYPE html><html lang='zh-CN'><head><title>t</title>"
                + "<style>a:focus-visible { outline: none; }</style></head>"
                + "<body><main><h1>检查</h1><a href='#x'>没有焦点样式的链接</a><img src='x.png'>"
                + "<div style='width: 2000px'>太宽</div></main></body></html>");

        assertThatThrownBy(() -> Browser.assertNoAxeViolations(page)).hasMessageContaining("image-alt");
        assertThatThrownBy(() -> Browser.assertNoHorizontalScroll(page)).hasMessageContaining("page width");
        assertThatThrownBy(() -> Browser.assertKeyboardFocusVisible(page)).hasMessageContaining("没有焦点样式的链接");
    }

    @Test
    void writesTheScreenshots() {
        shoot("/design", DESKTOP, Mode.STANDARD, "design-desktop");
        shoot("/design", PHONE, Mode.STANDARD, "design-phone");
        shoot("/design", DESKTOP, Mode.LARGE, "design-large-desktop");
        shoot("/design", PHONE, Mode.LARGE, "design-large-phone");
        shoot("/design/staff", DESKTOP, Mode.STANDARD, "staff-desktop");
        shoot("/design/staff", PHONE, Mode.STANDARD, "staff-phone");
        shoot("/design/staff", DESKTOP, Mode.LARGE, "staff-large-desktop");
        shoot("/design/staff", PHONE, Mode.LARGE, "staff-large-phone");
        shoot("/accessibility", PHONE, Mode.STANDARD, "accessibility-phone");
        for (Mode mode : Mode.values()) {
            for (int width : new int[] {PHONE, DESKTOP}) {
                Page page = open("/design", width, mode, 200);
                String name = "form-errors" + (mode == Mode.LARGE ? "-large" : "") + (width == PHONE ? "-phone" : "-desktop");
                page.locator("#sample-form").screenshot(new Locator.ScreenshotOptions()
                        .setPath(Path.of("target/docs/screenshots/" + name + ".png")));
            }
        }
    }

    private void shoot(String path, int width, Mode mode, String name) {
        Browser.screenshot(open(path, width, mode, 200), "target/docs/screenshots/" + name + ".png");
    }
}
