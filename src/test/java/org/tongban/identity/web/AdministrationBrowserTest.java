package org.tongban.identity.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.support.Browser;
import org.tongban.support.TongbanTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The platform administrator's story in a real browser: she adds a department under an existing one and opens a
 * staff account in it. Every page on the way passes axe-core, also in large-text mode.
 */
@TongbanTest
class AdministrationBrowserTest {

    private static final String DEPARTMENT = "海川市市场监督管理局网络交易监管科";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Locator byId(Page page, String id) {
        return page.locator("[id='" + id + "']");
    }

    private Page signedInAdmin(int width) {
        Page page = browser.open(width);
        page.navigate(url("/login"));
        page.getByLabel("账号").fill("admin");
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("tongban2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page).hasURL(url("/staff"));
        return page;
    }

    @Test
    void anAdministratorAddsADepartmentAndAStaffAccountInIt() {
        Page admin = signedInAdmin(1280);
        admin.getByLabel("工作台菜单").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("部门管理")).click();
        assertThat(admin.locator("h1")).hasText("部门");
        Browser.assertNoAxeViolations(admin);

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建部门")).click();
        Browser.assertNoAxeViolations(admin);
        byId(admin, "name").fill(DEPARTMENT);
        byId(admin, "shortName").fill("市场监管局网监科");
        byId(admin, "creditCode").fill("11377000HC9000127K");
        byId(admin, "regionCode").fill("377000");
        byId(admin, "parentId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("海川市市场监督管理局"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(byId(admin, "creditCode-error")).containsText("校验位不正确");
        assertThat(byId(admin, "name")).hasValue(DEPARTMENT);
        Browser.assertNoAxeViolations(admin);
        byId(admin, "creditCode").fill("11377000HC9000127J");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(admin.locator(".banner")).containsText("已保存：" + DEPARTMENT);

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(DEPARTMENT)).click();
        assertThat(admin.locator("main")).containsText("新建部门");
        Browser.assertNoAxeViolations(admin);

        admin.navigate(url("/admin/centres"));
        Browser.assertNoAxeViolations(admin);
        admin.navigate(url("/admin/centres/new"));
        Browser.assertNoAxeViolations(admin);

        admin.navigate(url("/admin/accounts"));
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建工作人员账号")).click();
        Browser.assertNoAxeViolations(admin);
        byId(admin, "username").fill("wang.wangjian");
        byId(admin, "displayName").fill("审批人员 王网监");
        byId(admin, "departmentCreditCode").selectOption("11377000HC9000127J");
        admin.getByLabel("审批人员", new Page.GetByLabelOptions().setExact(true)).check();
        byId(admin, "password").fill("wangjian2026");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("创建账号")).click();

        assertThat(admin.locator("h1")).hasText("审批人员 王网监");
        assertThat(admin.locator(".banner")).containsText("工作人员账号已创建");
        assertThat(admin.locator("main")).containsText(DEPARTMENT);
        assertThat(admin.locator("main")).containsText("新建账号");
        Browser.assertNoAxeViolations(admin);
        String detail = admin.url().substring(url("").length());

        admin.navigate(url("/admin/departments"));
        assertThat(admin.locator("tr", new Page.LocatorOptions().setHasText(DEPARTMENT)).locator("td").last())
                .hasText("1");

        Page large = signedInAdmin(390);
        for (String path : new String[]{"/admin/departments", "/admin/departments/new", "/admin/centres",
                "/admin/accounts/new", detail}) {
            large.navigate(url("/mode/large?on=true&return=" + path));
            Browser.assertNoAxeViolations(large);
            Browser.assertNoHorizontalScroll(large);
        }
    }
}
