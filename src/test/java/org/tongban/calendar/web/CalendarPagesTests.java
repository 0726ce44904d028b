package org.tongban.calendar.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.Http;
import org.tongban.support.TongbanTest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@TongbanTest
class CalendarPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private Http signedIn(String user) {
        Http http = new Http(port);
        assertThat(http.login(user, "tongban2026").headers().firstValue("Location")).get().asString()
                .doesNotContain("error");
        return http;
    }

    @Test
    void platformAdministratorsFindThePublishedYearsUnderPlatformAdministration() {
        String page = signedIn("admin").get("/admin/calendar").body();
        assertThat(page).contains("<h1>工作日历</h1>", "已发布的年度", ">2025<", ">2026<", "随系统发布");
        // The staff menu entry the calendar module contributes, marked as the current page.
        assertThat(page).containsPattern("<a[^>]*href=\"/admin/calendar\"[^>]*aria-current=\"page\"[^>]*>工作日历</a>"
                + "|<a[^>]*aria-current=\"page\"[^>]*href=\"/admin/calendar\"[^>]*>工作日历</a>");
    }

    @Test
    void otherStaffNeitherSeeNorOpenThePage() {
        Http catalogueAdmin = signedIn("catalog");
        assertThat(catalogueAdmin.get("/staff").body()).doesNotContain("/admin/calendar");
        assertThat(catalogueAdmin.get("/admin/calendar").statusCode()).isEqualTo(403);
    }

    @Test
    void anUploadedYearIsImportedUnderTheAdministratorsName() {
        String year = """
                {"year": 2035, "papers": ["https://www.gov.cn/example-2035"],
                 "days": [{"name": "元旦", "date": "2035-01-01", "isOffDay": true}]}""";
        HttpResponse<String> response = signedIn("admin").postFile("/admin/calendar", "/admin/calendar", "file",
                "2035.json", year.getBytes(StandardCharsets.UTF_8));
        assertThat(response.body()).contains("2035 年的节假日安排已导入", ">2035<", "管理员导入");
        assertThat(jdbc.sql("SELECT imported_by FROM calendar_year WHERE year = 2035").query(String.class).single())
                .isEqualTo("admin");
    }

    @Test
    void aFileThatIsNoScheduleIsRefusedBesideTheField() {
        HttpResponse<String> response = signedIn("admin").postFile("/admin/calendar", "/admin/calendar", "file",
                "x.json", "not json".getBytes(StandardCharsets.UTF_8));
        assertThat(response.body()).contains("form-group--error", "id=\"file-error\"");
    }
}
