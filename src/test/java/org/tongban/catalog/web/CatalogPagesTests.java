package org.tongban.catalog.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemVersion;
import org.tongban.catalog.TestItems;
import org.tongban.catalog.VersionStatus;
import org.tongban.support.Http;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue's pages over HTTP: who may see them, and what a refused form looks like. */
@TongbanTest
class CatalogPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    SignedIn signedInAs;
    @Autowired
    Clock clock;

    private Http signedIn(String user) {
        Http http = new Http(port);
        assertThat(http.login(user, "tongban2026").headers().firstValue("Location")).get().asString()
                .doesNotContain("error");
        return http;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void anonymousVisitorsAreSentToSignInFromAdministrationPages() {
        for (String path : new String[]{"/admin/catalogue", "/admin/catalogue/new", "/admin/review",
                "/admin/catalogue/transfer", "/admin/calendar", "/staff"}) {
            HttpResponse<String> response = new Http(port).get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).get().asString().endsWith("/login");
        }
    }

    @Test
    void citizensAndOtherRolesAreDenied() {
        Http citizen = signedIn("13800000001");
        assertThat(citizen.get("/admin/catalogue").statusCode()).isEqualTo(403);
        assertThat(citizen.get("/staff").statusCode()).isEqualTo(403);
        Http catalogueAdmin = signedIn("catalog");
        assertThat(catalogueAdmin.get("/admin/review").statusCode()).isEqualTo(403);
        assertThat(catalogueAdmin.get("/admin/catalogue/transfer").statusCode()).isEqualTo(403);
        Http clerk = signedIn("clerk");
        assertThat(clerk.get("/admin/catalogue").statusCode()).isEqualTo(403);
        assertThat(clerk.get("/staff").statusCode()).isEqualTo(200);
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() {
        Http admin = signedIn("catalog");
        HttpResponse<String> response = admin.postJson("/admin/catalogue/new", "{}");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aRefusedItemFormShowsEachMessageBesideItsFieldAndStoresNothing() {
        Http admin = signedIn("catalog");
        long before = jdbc.sql("SELECT count(*) FROM catalog_item").query(Long.class).single();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "<script>alert('x')</script>");
        form.put("basicCode", "abc");
        form.put("implementationCode", "123");
        form.put("departmentCreditCode", "11377000HC00002511");
        form.put("statutoryLimit.value", "5");
        form.put("statutoryLimit.unit", "WORKING_DAYS");
        form.put("committedLimit.value", "9");
        form.put("committedLimit.unit", "WORKING_DAYS");
        form.put("caseType", "PROMISED");
        form.put("handlingForms", "ONLINE");
        form.put("onlineAddress", "javascript:alert(1)");
        form.put("powerSource", "STATUTORY");
        form.put("entrustingDepartment", "省市场监督管理局");
        HttpResponse<String> page = admin.postForm("/admin/catalogue/new", "/admin/catalogue/new", form);

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("error-summary", "href=\"#name\"", "href=\"#basicCode\"",
                "href=\"#committedLimit\"", "id=\"committedLimit\"");
        assertThat(html).contains("不能包含 HTML 标记或脚本", "基本编码应为 12 位数字或大写字母", "承诺办结时限不能超过法定办结时限");
        // The national elements are checked like the rest: a web address only, an entrusting department only when entrusted.
        assertThat(html).contains("href=\"#onlineAddress\"", "网办地址应为以 https:// 或 http:// 开头的网址",
                "href=\"#entrustingDepartment\"", "只有受委托实施的事项才填写委托部门", "value=\"javascript:alert(1)\"");
        assertThat(html).doesNotContain("<script>alert('x')</script>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(jdbc.sql("SELECT count(*) FROM catalog_item").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aSubmissionThatCannotGoAheadIsExplainedOnTheItemPage() {
        ItemContent item = TestItems.valid("海上观光船临时航线备案", "1021");
        String code = item.implementationCode();
        signedInAs.as("catalog", () -> catalog.createItem(item));
        Http admin = signedIn("catalog");
        String itemPage = "/admin/catalogue/" + code;

        HttpResponse<String> past = admin.postForm(itemPage, itemPage + "/submission",
                Map.of("effectiveFrom", LocalDate.now(clock).minusDays(1).toString()));
        assertThat(past.statusCode()).isEqualTo(302);
        assertThat(admin.get(itemPage).body()).contains("生效日期不能早于今天");
        assertThat(signedInAs.as("catalog", () -> catalog.version(code, 1))).get().extracting(ItemVersion::status).isEqualTo(VersionStatus.DRAFT);

        signedInAs.as("catalog", () -> catalog.submitForReview(code, LocalDate.now(clock)));
        // A second tab still shows the old form: submitting again is explained, not an error page.
        HttpResponse<String> again = admin.postForm(itemPage, itemPage + "/submission",
                Map.of("effectiveFrom", LocalDate.now(clock).toString()));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(admin.get(itemPage).body()).contains("只有草稿或已退回的版本可以提交审核");
    }

    @Test
    void anUploadOverTheSizeLimitSendsThePersonBackToTheFormWithTheLimitsAndChangesNothing() {
        Http admin = signedIn("admin");
        long versions = jdbc.sql("SELECT count(*) FROM catalog_item_version").query(Long.class).single();
        // The test profile allows 3 MB per file and 4 MB per request.
        HttpResponse<String> refused = admin.postFile("/admin/catalogue/transfer", "/admin/catalogue/transfer/import",
                "file", "catalogue.json", new byte[4_500_000]);

        assertThat(refused.statusCode()).isEqualTo(303);
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/admin/catalogue/transfer?upload=too-large");
        assertThat(admin.get(location).body()).contains("文件太大，没有上传", "每个文件不能超过 3 MB", "合计不能超过 4 MB");
        assertThat(jdbc.sql("SELECT count(*) FROM catalog_item_version").query(Long.class).single()).isEqualTo(versions);
    }

    @Test
    void anItemWithdrawnThroughItsPageTellsVisitorsSinceWhenAndWhy() {
        ItemContent item = TestItems.valid("海上游乐设施临时运营许可", "1026");
        String code = item.implementationCode();
        signedInAs.as("catalog", () -> catalog.createItem(item));
        signedInAs.as("catalog", () -> catalog.submitForReview(code, LocalDate.now(clock)));
        signedInAs.as("legal", () -> catalog.publish(code, null));
        Http admin = signedIn("catalog");
        String itemPage = "/admin/catalogue/" + code;
        assertThat(admin.get(itemPage).body()).contains("申请取消此事项");

        HttpResponse<String> noReason = admin.postForm(itemPage, itemPage + "/withdrawal", Map.of("reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(302);
        assertThat(admin.get(itemPage).body()).contains("请写明取消的理由和依据");

        admin.postForm(itemPage, itemPage + "/withdrawal", Map.of("reason", "依据市政府第 12 号决定取消。"));
        assertThat(admin.get(itemPage).body()).contains("这是取消此事项的申请", "依据市政府第 12 号决定取消。");
        admin.postForm(itemPage, itemPage + "/submission", Map.of("effectiveFrom", LocalDate.now(clock).toString()));
        signedInAs.as("legal", () -> catalog.publish(code, null));

        HttpResponse<String> guide = new Http(port).get("/items/" + code);
        assertThat(guide.statusCode()).isEqualTo(410);
        assertThat(guide.body()).contains("海上游乐设施临时运营许可", "已于 " + LocalDate.now(clock) + " 取消",
                "依据市政府第 12 号决定取消。");
        assertThat(new Http(port).getJson("/api/v1/catalog/items/" + code).statusCode()).isEqualTo(404);
    }

    @Test
    void addingARowKeepsWhatWasTyped() {
        Http admin = signedIn("catalog");
        HttpResponse<String> page = admin.postForm("/admin/catalogue/new", "/admin/catalogue/new",
                Map.of("name", "正在填写的事项", "addRow", "materials"));
        assertThat(page.body()).contains("value=\"正在填写的事项\"", "materials1.name").doesNotContain("error-summary");
    }

    @Test
    void aCitizenRegistersWithAnInvalidIdNumberAndSeesWhy() {
        HttpResponse<String> page = new Http(port).postForm("/register/citizen", "/register/citizen",
                Map.of("realName", "测试丙", "idNumber", "110105194912310021", "mobile", "13600000001",
                        "password", "password123"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"#idNumber\"", "身份证号码校验位不正确", "value=\"测试丙\"")
                .doesNotContain("value=\"password123\"");
        assertThat(jdbc.sql("SELECT count(*) FROM identity_account WHERE mobile = '13600000001'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theGuideSplitsMaterialsIntoBringAndDoNotBring() {
        Http visitor = new Http(port);
        String search = visitor.get("/search?q=" + q("出生医学证明签发")).body();
        String href = search.substring(search.indexOf("/items/"), search.indexOf('"', search.indexOf("/items/")));
        String guide = visitor.get(href).body();
        assertThat(guide).contains("出生医学证明签发", "需要您准备的材料", "不用您提交的材料", "办理流程", "承诺办结时限");
        // What kind of item it is, and who handles each step in how long.
        assertThat(guide).contains("事项类型", "公共服务", "审批人员，时限 1 个工作日");
        assertThat(guide).contains("lang=\"zh-CN\"");
    }

    /** The implementation code of a demo item, found as a visitor would: by searching for its name. */
    private String codeOf(Http visitor, String name) {
        String search = visitor.get("/search?q=" + q(name)).body();
        int at = search.indexOf("/items/") + "/items/".length();
        return search.substring(at, search.indexOf('"', at));
    }

    private String guideOf(Http visitor, String name, String lang) {
        String guide = visitor.get("/items/" + codeOf(visitor, name) + "?lang=" + lang).body();
        assertThat(guide).contains("<h1>" + name + "</h1>");
        return guide;
    }

    @Test
    void theGuideShowsSpecialProceduresThirdPartyServicesAndOnWhatAuthorityTheItemIsHandled() {
        Http visitor = new Http(port);
        String assessment = guideOf(visitor, "建设项目环境影响报告书审批", "zh-CN");
        assertThat(assessment).contains("特别程序", "以下程序所需的时间不计入办理时限", "听证", "一般不超过 20 个自然日",
                "需要的中介服务", "环境影响报告书编制", "行使层级", "市级", "权力来源", "法定本级行使");

        String entrusted = guideOf(visitor, "特种设备使用登记", "zh-CN");
        assertThat(entrusted).contains("上级委托", "委托部门", "省市场监督管理局", "特种设备监督检验");

        String idCard = guideOf(visitor, "居民身份证首次申领", "zh-CN");
        assertThat(idCard).contains("可减免", "减免依据：城市中领取最低生活保障金的居民");
        // What the counter checks a material against (受理标准).
        assertThat(guideOf(visitor, "内地居民结婚登记", "zh-CN")).contains("受理标准：近 6 个月内拍摄的正面免冠照片");

        String quantity = guideOf(visitor, "公共租赁住房申请", "zh-CN");
        assertThat(quantity).contains("数量限制", "每户家庭只能承租一套公共租赁住房");
        assertThat(guideOf(visitor, "企业设立登记", "zh-CN")).contains("服务对象", "企业法人、非法人企业");

        // A department's own application site: a plain link that says where it goes, and the counter still offered.
        String power = guideOf(visitor, "高压用电报装", "zh-CN");
        assertThat(power).contains("href=\"https://power.haichuan.example/apply\"", "rel=\"noopener noreferrer external\"",
                "到网上办理", "（打开该部门的办理网站）", "也可以按本指南到窗口办理")
                .doesNotContain("网上申请将在“办件”功能上线后开放");
        assertThat(assessment).doesNotContain("到网上办理").contains("也可以按本指南带齐材料到政务服务中心窗口办理");

        assertThat(guideOf(visitor, "建设项目环境影响报告书审批", "en")).contains("Special procedures",
                        "(usually at most 20 calendar days)", "Services you need from third parties", "Source of the power",
                        "By law, at this level", "Exercised at")
                .doesNotContain("特别程序", "法定本级行使");
    }

    @Test
    void theGuideSaysWhatACommitmentMayReplaceHowLongAnExtensionIsAndWhenTheApplicationIsApprovedAtOnce() {
        Http visitor = new Http(port);
        String hygiene = guideOf(visitor, "公共场所卫生许可", "zh-CN");
        assertThat(hygiene).contains("可告知承诺，签署承诺书代替", "延长审批", "经部门负责人批准，可延长 10 个工作日")
                .doesNotContain("id=\"instant-heading\"");
        String allowance = guideOf(visitor, "高龄津贴申领", "zh-CN");
        assertThat(allowance).contains("id=\"instant-heading\"", "符合以下全部条件的，提交后由系统当即准予",
                "申请人年满80周岁", "申请人户籍在海川市").doesNotContain("经部门负责人批准，可延长");
        assertThat(guideOf(visitor, "高龄津贴申领", "en")).contains("Instant approval", "申请人年满80周岁");
    }

    @Test
    void theItemFormShowsWhatApplyingNeedsOfTheVersionItCopies() {
        Http admin = signedIn("catalog");
        String code = codeOf(admin, "高龄津贴申领");
        admin.postForm("/admin/catalogue/" + code, "/admin/catalogue/" + code + "/draft", Map.of());
        String form = admin.get("/admin/catalogue/" + code + "/edit").body();
        assertThat(form).contains("申请表", "第 5 项：是否委托他人办理", "value=\"agentName\"", "value=\"byAgent\"",
                "[0-9]{12,30}", "秒批", "value=\"申请人年满80周岁\"");
        assertThat(form).containsPattern("value=\"verified.householdRegion\"[^>]*selected");
        assertThat(form).containsPattern("value=\"REGION_WITHIN\"[^>]*selected");
        admin.postForm("/admin/catalogue/" + code, "/admin/catalogue/" + code + "/discard", Map.of());
        assertThat(signedInAs.as("catalog", () -> catalog.history(code))).noneMatch(v -> v.status().open());
    }

    @Test
    void theItemFormShowsTheNationalElementsOfTheVersionItCopies() {
        Http admin = signedIn("catalog");
        String code = codeOf(admin, "特种设备使用登记");
        HttpResponse<String> opened = admin.postForm("/admin/catalogue/" + code, "/admin/catalogue/" + code + "/draft", Map.of());
        assertThat(opened.headers().firstValue("Location")).get().asString().endsWith("/admin/catalogue/" + code + "/edit");
        String form = admin.get("/admin/catalogue/" + code + "/edit").body();
        assertThat(form).contains("行使层级与权力来源", "value=\"省市场监督管理局\"", "特种设备监督检验</textarea>");
        assertThat(form).containsPattern("value=\"ENTRUSTED_BY_HIGHER\"[^>]*checked");
        assertThat(form).containsPattern("value=\"CITY\"[^>]*checked");
        assertThat(form).doesNotContainPattern("value=\"COUNTY\"[^>]*checked");
        // Give the draft up again: the demo item stays as it was for the other tests.
        admin.postForm("/admin/catalogue/" + code, "/admin/catalogue/" + code + "/discard", Map.of());
        assertThat(signedInAs.as("catalog", () -> catalog.history(code))).noneMatch(v -> v.status().open());
    }

    @Test
    void theLegalReviewerReadsWhatChangedInTheWordsOfTheForm() {
        ItemContent v1 = TestItems.valid("港口设施维护性疏浚备案", "3101");
        String code = v1.implementationCode();
        signedInAs.as("catalog", () -> catalog.createItem(v1));
        signedInAs.as("catalog", () -> catalog.submitForReview(code, LocalDate.now(clock)));
        signedInAs.as("legal", () -> catalog.publish(code, null));
        signedInAs.as("catalog", () -> catalog.openDraft(code));
        ItemContent.Material first = v1.materials().getFirst();
        ItemContent v2 = TestItems.with(v1, "materials", java.util.List.of(new ItemContent.Material(first.name(),
                ItemContent.Requirement.CONDITIONAL, "委托他人办理的", first.form(), 1, 0, first.paperSpec(), first.source(),
                null, false, false, null, null, first.note(), first.acceptanceStandard(), null, null, null), v1.materials().get(1)));
        signedInAs.as("catalog", () -> catalog.updateDraft(code, v2, "申请书改为特定情形提交"));
        signedInAs.as("catalog", () -> catalog.submitForReview(code, LocalDate.now(clock).plusDays(1)));

        String review = signedIn("legal").get("/admin/review/" + code).body();
        assertThat(review).contains("材料 1 · 材料必要性", "必须提交", "特定情形提交", "材料 1 · 提交情形",
                "materials[0].requirement");
        assertThat(review).doesNotContain(">REQUIRED<", ">CONDITIONAL<");
    }

    @Test
    void aFileIsServedAsTheTypeItWasCheckedToBeNotAsTheFormStates() {
        byte[] pdf = "%PDF-1.4\n% result sample\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        org.tongban.catalog.Upload checked = signedInAs.as("catalog", () -> catalog.checkUpload("resultSample", "回执.pdf", pdf));
        // A hidden field edited in the browser: the content claims the PDF is a web page.
        ItemContent item = TestItems.with(TestItems.valid("港口船舶污染物接收备案", "3102"), "resultSample",
                new ItemContent.Attachment("回执.pdf", "text/html", checked.sha256(), (long) pdf.length, null));
        String code = item.implementationCode();
        signedInAs.as("catalog", () -> catalog.createItem(item, java.util.List.of(checked)));
        signedInAs.as("catalog", () -> catalog.submitForReview(code, LocalDate.now(clock)));
        signedInAs.as("legal", () -> catalog.publish(code, null));

        assertThat(catalog.inForce(code).orElseThrow().content().resultSample().contentType())
                .as("the content states what was stored").isEqualTo("application/pdf");
        HttpResponse<String> file = new Http(port).get("/items/" + code + "/files/" + checked.sha256());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).get().asString().startsWith("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");
        // A stored file that is not this item's is not served under it.
        assertThat(new Http(port).get("/items/" + codeOf(new Http(port), "出生医学证明签发") + "/files/" + checked.sha256())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void theGuideIsAvailableInEnglish() {
        Http visitor = new Http(port);
        String search = visitor.get("/search?lang=en&q=" + q("食品经营许可")).body();
        assertThat(search).contains("lang=\"en\"", "services found");
        String href = search.substring(search.indexOf("/items/"), search.indexOf('"', search.indexOf("/items/")));
        String guide = visitor.get(href).body();
        // The page around the item's own (Chinese) text is in English.
        assertThat(guide).contains("lang=\"en\"", "食品经营许可", "Promised time limit", "Steps")
                .doesNotContain("承诺办结时限", "办理流程");
    }

    @Test
    void anUnknownItemIsAFriendlyNotFoundPage() {
        HttpResponse<String> page = new Http(port).get("/items/11377000HC000025110129990099990");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Exception", "at org.");
    }
}
