package org.tongban.identity.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.identity.DepartmentManagement;
import org.tongban.support.Http;
import org.tongban.support.TongbanTest;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The administration pages over HTTP: only platform administrators reach them, and only with a CSRF token. */
@TongbanTest
class AdministrationPagesTests {

    private static final String MARKET_REGULATION = "11377000HC00002511";

    @LocalServerPort
    int port;
    @Autowired
    DepartmentManagement departments;
    @Autowired
    JdbcClient jdbc;

    private Http signedIn(String user) {
        Http http = new Http(port);
        assertThat(http.login(user, "tongban2026").headers().firstValue("Location")).get().asString()
                .doesNotContain("error");
        return http;
    }

    private UUID clerk() {
        return jdbc.sql("SELECT id FROM identity_account WHERE username = 'clerk'").query(UUID.class).single();
    }

    /** Every new page, with the address its form posts to. */
    private Map<String, String> pages() {
        UUID department = departments.byCreditCode(MARKET_REGULATION).orElseThrow().id();
        String centre = departments.serviceCentres().getFirst().code();
        UUID clerk = clerk();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/admin/departments", "/admin/departments/new");
        pages.put("/admin/departments/new", "/admin/departments/new");
        pages.put("/admin/departments/" + department, "/admin/departments/" + department);
        pages.put("/admin/centres", "/admin/centres/new");
        pages.put("/admin/centres/new", "/admin/centres/new");
        pages.put("/admin/centres/" + centre, "/admin/centres/" + centre);
        pages.put("/admin/accounts/new", "/admin/accounts/new");
        pages.put("/admin/accounts/" + clerk, "/admin/accounts/" + clerk + "/assignment");
        pages.put("/admin/accounts/" + clerk + "#password", "/admin/accounts/" + clerk + "/password");
        pages.put("/admin/accounts/" + clerk + "#disable", "/admin/accounts/" + clerk + "/disable");
        pages.put("/admin/accounts/" + clerk + "#enable", "/admin/accounts/" + clerk + "/enable");
        pages.put("/admin/accounts/" + clerk + "#unlock", "/admin/accounts/" + clerk + "/unlock");
        return pages;
    }

    private static final Map<String, String> FIELDS = Map.of("name", "越权部门", "shortName", "越权",
            "creditCode", "11377000HC9000100T", "regionCode", "377000", "code", "HC-FORGED",
            "username", "forged.user", "displayName", "越权", "roles", "PLATFORM_ADMIN", "password", "forged2026pass");

    private void assertNothingChanged() {
        assertThat(departments.byCreditCode("11377000HC9000100T")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM identity_account WHERE username = 'forged.user' "
                + "OR (username = 'clerk' AND (NOT enabled OR roles <> ARRAY['WINDOW_CLERK']))")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM identity_service_centre WHERE code = 'HC-FORGED'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        pages().forEach((page, action) -> {
            HttpResponse<String> get = new Http(port).get(page.replaceAll("#.*", ""));
            assertThat(get.statusCode()).as(page).isEqualTo(302);
            assertThat(get.headers().firstValue("Location")).as(page).get().asString().endsWith("/login");
            HttpResponse<String> post = new Http(port).postForm("/login", action, FIELDS);
            assertThat(post.statusCode()).as(action).isEqualTo(302);
            assertThat(post.headers().firstValue("Location")).as(action).get().asString().endsWith("/login");
        });
        assertNothingChanged();
    }

    @Test
    void citizensAndCatalogueAdministratorsAreDenied() {
        for (String user : List.of("13800000001", "catalog")) {
            Http http = signedIn(user);
            pages().forEach((page, action) -> {
                assertThat(http.get(page.replaceAll("#.*", "")).statusCode()).as(user + " " + page).isEqualTo(403);
                assertThat(http.postForm("/login", action, FIELDS).statusCode()).as(user + " " + action)
                        .isEqualTo(403);
            });
        }
        assertNothingChanged();
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedEvenForAnAdministrator() {
        Http admin = signedIn("admin");
        pages().values().forEach(action ->
                assertThat(admin.postFormWithoutToken(action, FIELDS).statusCode()).as(action).isEqualTo(403));
        assertNothingChanged();
    }

    @Test
    void theStaffMenuOffersTheNewPagesToPlatformAdministratorsOnly() {
        assertThat(signedIn("admin").get("/staff").body())
                .contains("href=\"/admin/departments\"", "href=\"/admin/centres\"", "href=\"/admin/accounts\"");
        assertThat(signedIn("catalog").get("/staff").body()).doesNotContain("/admin/departments", "/admin/centres");
    }

    @Test
    void aRefusedDepartmentFormShowsEachMessageBesideItsFieldAndStoresNothing() {
        Http admin = signedIn("admin");
        UUID parent = departments.byCreditCode(MARKET_REGULATION).orElseThrow().id();
        long before = departments.all().size();

        HttpResponse<String> refused = admin.postForm("/admin/departments/new", "/admin/departments/new",
                Map.of("name", "海川市表单局", "shortName", "市表单局", "creditCode", "11377000HC9000119X",
                        "regionCode", "37700", "parentId", parent.toString()));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("统一社会信用代码校验位不正确", "行政区划代码应为6位或12位数字",
                "id=\"creditCode-error\"", "aria-describedby=\"creditCode-hint creditCode-error\"",
                "href=\"#creditCode\"", "value=\"海川市表单局\"");
        assertThat(departments.all()).hasSize((int) before);

        HttpResponse<String> created = admin.postForm("/admin/departments/new", "/admin/departments/new",
                Map.of("name", "海川市表单局", "shortName", "市表单局", "creditCode", "11377000HC9000119P",
                        "regionCode", "377000", "parentId", parent.toString()));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/departments").body()).contains("海川市表单局", "已保存：海川市表单局");

        // Editing shows the credit code as fixed; one slipped into the post is ignored, the rest is saved.
        UUID id = departments.byCreditCode("11377000HC9000119P").orElseThrow().id();
        String editPage = "/admin/departments/" + id;
        assertThat(admin.get(editPage).body()).contains("建立后不能修改").doesNotContain("name=\"creditCode\"");
        assertThat(admin.postForm(editPage, editPage, Map.of("name", "海川市表单管理局", "shortName", "市表单局",
                "creditCode", "11377000HC9000100T", "regionCode", "377000", "parentId", parent.toString()))
                .statusCode()).isEqualTo(302);
        assertThat(departments.byId(id).orElseThrow()).satisfies(d -> {
            assertThat(d.name()).isEqualTo("海川市表单管理局");
            assertThat(d.creditCode()).isEqualTo("11377000HC9000119P");
        });
    }

    @Test
    void anAdministratorIsToldWhySheCannotDisableHerself() {
        Http admin = signedIn("admin");
        UUID self = jdbc.sql("SELECT id FROM identity_account WHERE username = 'admin'").query(UUID.class).single();
        String page = admin.get("/admin/accounts/" + self).body();
        assertThat(page).contains("停用须由另一位平台管理员办理").doesNotContain("/disable\"");

        String refused = admin.postForm("/admin/accounts/" + self, "/admin/accounts/" + self + "/disable", Map.of())
                .body();
        assertThat(refused).contains("不能停用自己的账号");
        assertThat(jdbc.sql("SELECT enabled FROM identity_account WHERE id = ?").param(self).query(Boolean.class)
                .single()).isTrue();
    }
}
