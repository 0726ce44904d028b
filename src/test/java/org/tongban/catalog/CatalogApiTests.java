package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.support.Http;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@TongbanTest
class CatalogApiTests {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    org.tongban.support.SignedIn signedIn;
    @Autowired
    java.time.Clock clock;

    private JsonNode get(String path, int expectedStatus) {
        HttpResponse<String> response = new Http(port).getJson(path);
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    @Test
    void listsItemsPageByPage() {
        JsonNode first = get("/api/v1/catalog/items?size=5&page=1", 200);
        JsonNode second = get("/api/v1/catalog/items?size=5&page=2", 200);
        assertThat(first.get("items").size()).isEqualTo(5);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(200);
        assertThat(first.get("items").get(0).get("code").asString())
                .isNotEqualTo(second.get("items").get(0).get("code").asString());
    }

    @Test
    void filtersByAudienceThemeAndDepartment() {
        JsonNode birth = get("/api/v1/catalog/items?theme=BIRTH&size=100", 200);
        assertThat(birth.get("total").asLong()).isGreaterThanOrEqualTo(5);
        birth.get("items").forEach(i -> assertThat(i.get("themes").toString()).contains("BIRTH"));

        JsonNode organisations = get("/api/v1/catalog/items?audience=ORGANISATION&size=100", 200);
        organisations.get("items").forEach(i -> assertThat(i.get("audiences").toString()).contains("ORGANISATION"));

        JsonNode market = get("/api/v1/catalog/items?department=" + TestItems.MARKET_REGULATION + "&size=100", 200);
        assertThat(market.get("total").asLong()).isPositive();
        market.get("items").forEach(i ->
                assertThat(i.get("departmentCreditCode").asString()).isEqualTo(TestItems.MARKET_REGULATION));
    }

    @Test
    void returnsTheFullGuideOfAnItem() {
        String code = get("/api/v1/catalog/items?q=出生医学证明&size=1", 200).get("items").get(0).get("code").asString();
        JsonNode guide = get("/api/v1/catalog/items/" + code, 200);
        assertThat(guide.get("content").get("name").asString()).contains("出生医学证明");
        assertThat(guide.get("content").get("materials").size()).isPositive();
        assertThat(guide.get("department").get("name").asString()).startsWith("海川市");
        assertThat(guide.get("versionNo").asInt()).isPositive();
    }

    @Test
    void anAttachedFileIsADownloadLinkNotItsBody() {
        byte[] pdf = "%PDF-1.4\n% sample of the result\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Upload checked = signedIn.as("catalog", () -> catalog.checkUpload("resultSample", "许可证（样本）.pdf", pdf));
        ItemContent item = TestItems.with(TestItems.valid("海港游艇停泊许可", "4201"), "resultSample",
                new ItemContent.Attachment("许可证（样本）.pdf", "application/pdf", checked.sha256(), (long) pdf.length, null));
        String code = item.implementationCode();
        signedIn.as("catalog", () -> catalog.createItem(item, java.util.List.of(checked)));
        signedIn.as("catalog", () -> catalog.submitForReview(code, java.time.LocalDate.now(clock)));
        signedIn.as("legal", () -> catalog.publish(code, null));

        JsonNode sample = get("/api/v1/catalog/items/" + code, 200).get("content").get("resultSample");
        assertThat(sample.get("sha256").asString()).isEqualTo(checked.sha256());
        assertThat(sample.has("base64")).isFalse();
        HttpResponse<String> file = new Http(port).get(sample.get("url").asString());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).get().asString().startsWith("application/pdf");
        assertThat(file.body()).contains("% sample of the result");
    }

    @Test
    void anUnknownItemIsAProblemNotFound() {
        JsonNode problem = get("/api/v1/catalog/items/11377000HC000025110129990099990", 404);
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).contains("11377000HC000025110129990099990");
    }

    @Test
    void badParametersAreProblemsNamingEachField() {
        JsonNode problem = get("/api/v1/catalog/items?page=0&size=1000&department=11377000HC0000032X&theme=NOPE", 400);
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("page", "size", "department", "theme");
        assertThat(get("/api/v1/catalog/items?audience=ROBOT", 400).get("errors").get(0).get("field").asString())
                .isEqualTo("audience");
        assertThat(get("/api/v1/catalog/items?page=abc", 400).get("errors").get(0).get("field").asString())
                .isEqualTo("page");
    }

    @Test
    void listsDepartmentsAndThemes() {
        assertThat(get("/api/v1/departments", 200).size()).isGreaterThanOrEqualTo(25);
        assertThat(get("/api/v1/catalog/themes", 200).findValuesAsString("code")).contains("BIRTH", "RETIREMENT", "START_UP");
    }

    @Test
    void describesItselfInOpenApi() {
        JsonNode api = get("/v3/api-docs", 200);
        assertThat(api.get("paths").has("/api/v1/catalog/items")).isTrue();
        assertThat(api.get("paths").has("/api/v1/catalog/items/{code}")).isTrue();
        assertThat(api.get("paths").has("/api/v1/departments")).isTrue();
    }

    @Test
    void offersSwaggerUiToDevelopers() {
        HttpResponse<String> page = new Http(port).get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(new Http(port).get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }

    @Test
    void writingThroughTheApiNeedsAnAccount() {
        // With a valid CSRF token, so that the refusal is for want of an account and not the CSRF filter's 403.
        HttpResponse<String> response = new Http(port).postForm("/login", "/api/v1/catalog/items", Map.of());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
    }
}
