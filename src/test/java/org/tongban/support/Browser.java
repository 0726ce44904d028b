package org.tongban.support;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One headless Chromium for a test class, and the checks every page of the portal must pass. Register it as a
 * static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = new Browser();
 *
 * Page page = browser.open(390);                       // a fresh context (no cookies) 390 px wide
 * page.navigate(url);
 * Browser.assertNoAxeViolations(page);
 * }</pre>
 *
 * The browser is the system's Chromium ({@code /usr/bin/chromium}); Playwright's own browser download is switched
 * off, so the tests run offline. Contexts opened during a test are closed after it.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private Playwright playwright;
    private com.microsoft.playwright.Browser chromium;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setArgs(CHROMIUM_ARGS));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A page in a new browser context (its own cookies) with a viewport this wide and 900 px high. */
    public Page open(int width) {
        return open(width, true);
    }

    /** The same with scripts switched off, to show that a page works without JavaScript. */
    public Page openWithoutJavaScript(int width) {
        return open(width, false);
    }

    private Page open(int width, boolean javaScript) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, 900)
                .setLocale("zh-CN")
                .setJavaScriptEnabled(javaScript));
        contexts.add(context);
        return context.newPage();
    }

    /** axe-core finds nothing: fails with each violated rule's id, its help text and the offending elements. */
    public static void assertNoAxeViolations(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            String report = violations.stream()
                    .map(rule -> rule.getId() + " (" + rule.getHelp() + "): " + rule.getNodes().stream()
                            .map(CheckedNode::getTarget)
                            .map(String::valueOf)
                            .collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n  "));
            fail("axe-core violations on " + page.url() + ":\n  " + report);
        }
    }

    /** The page fits the viewport's width: nothing makes a phone scroll sideways. */
    public static void assertNoHorizontalScroll(Page page) {
        @SuppressWarnings("unchecked")
        Map<String, Object> sizes = (Map<String, Object>) page.evaluate("""
                () => {
                  const root = document.documentElement;
                  const wide = [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
                      .slice(0, 5)
                      .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''));
                  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.join(', ') };
                }""");
        assertThat(((Number) sizes.get("scrollWidth")).intValue())
                .as("page width on %s (elements past the edge: %s)", page.url(), sizes.get("wide"))
                .isLessThanOrEqualTo(((Number) sizes.get("clientWidth")).intValue());
    }

    /**
     * Tabs through the whole page from the top: every element that should take keyboard focus gets it in turn,
     * and each shows a visible focus indicator (an outline, a box shadow or a changed background) while on screen.
     * Radio buttons count once per group, as the browser tabs to a group once.
     */
    @SuppressWarnings("unchecked")
    public static void assertKeyboardFocusVisible(Page page) {
        int expected = ((Number) page.evaluate("""
                () => {
                  const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), '
                      + 'select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
                  const seenGroups = new Set();
                  let index = 0;
                  for (const element of document.querySelectorAll(selector)) {
                    const style = getComputedStyle(element);
                    if (element.getClientRects().length === 0 || style.visibility === 'hidden') continue;
                    if (element.type === 'radio') {
                      const group = element.form ? element.form.elements[element.name] : [element];
                      const chosen = [...group].find(r => r.checked) || group[0];
                      if (seenGroups.has(element.name) || chosen !== element) continue;
                      seenGroups.add(element.name);
                    }
                    element.dataset.focusIndex = String(index++);
                  }
                  document.activeElement && document.activeElement.blur();
                  window.scrollTo(0, 0);
                  return index;
                }""")).intValue();
        List<String> invisible = new ArrayList<>();
        Set<String> reached = new TreeSet<>();
        for (int step = 0; step < expected + 5; step++) {
            page.keyboard().press("Tab");
            Map<String, Object> focused = (Map<String, Object>) page.evaluate("""
                    () => {
                      const e = document.activeElement;
                      if (!e || e === document.body) return { index: null };
                      const style = getComputedStyle(e);
                      const rect = e.getBoundingClientRect();
                      const transparent = c => c === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(c);
                      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
                          && !transparent(style.outlineColor);
                      const shadow = style.boxShadow && style.boxShadow !== 'none';
                      const background = style.backgroundColor === 'rgb(255, 221, 0)';
                      const onScreen = rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight
                          && rect.right > 0 && rect.left < innerWidth;
                      return { index: e.dataset.focusIndex ?? 'unexpected',
                               name: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || e.name || '').trim().slice(0, 30) + '"',
                               visible: (outline || shadow || background) && onScreen };
                    }""");
            Object index = focused.get("index");
            if (index == null || reached.contains(String.valueOf(index))) {
                break;
            }
            reached.add(String.valueOf(index));
            if (!Boolean.TRUE.equals(focused.get("visible"))) {
                invisible.add(String.valueOf(focused.get("name")));
            }
        }
        List<String> missed = (List<String>) page.evaluate("""
                reached => [...document.querySelectorAll('[data-focus-index]')]
                    .filter(e => !reached.includes(e.dataset.focusIndex))
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || e.name || '').trim().slice(0, 30) + '"')""",
                new ArrayList<>(reached));
        assertThat(invisible).as("elements without a visible focus indicator on %s", page.url()).isEmpty();
        assertThat(missed).as("elements the keyboard never reached on %s", page.url()).isEmpty();
        assertThat(reached).as("elements reached by Tab on %s", page.url()).doesNotContain("unexpected");
    }

    /** A full-page screenshot, written under the project (for example {@code docs/screenshots/design-phone.png}). */
    public static void screenshot(Page page, String path) {
        Path file = Paths.get(path);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    /** Signs in on the login page of the application at {@code baseUrl} as a demo account (password tongban2026). */
    public static void signIn(Page page, String baseUrl, String user) {
        page.navigate(baseUrl + "/login");
        page.getByLabel("账号").fill(user);
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("tongban2026");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("登录")).click();
    }
}
