package org.tongban.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.TestItems;
import org.tongban.support.Http;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receipt and notices as PDF over HTTP: only for those who may see the case, and only once issued. The applicant
 * is a citizen no other cases test applies as, so that their cases never mix with another test's list of "mine".
 */
@TongbanTest
class CaseDocumentApiTests {

    @LocalServerPort int port;
    @Autowired CatalogManagement catalog;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;

    private final JsonMapper json = JsonMapper.builder().build();
    private String item;
    private String itemName;

    @BeforeEach
    void anItemInForceOn28September() {
        clock.dayAt10("2026-09-28");
        ItemContent content = org.tongban.cases.CaseTestItems.licensing();
        itemName = content.name();
        signedIn.as("catalog", () -> catalog.createItem(content));
        signedIn.as("catalog", () -> catalog.submitForReview(content.implementationCode(), LocalDate.of(2026, 9, 28)));
        signedIn.as("legal", () -> catalog.publish(content.implementationCode(), "合法"));
        item = content.implementationCode();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theApplicantGetsTheReceiptInlineAndAnotherApplicantGets404() throws IOException {
        Http applicant = signedInAs("13800000002");
        String number = submit(applicant);

        HttpResponse<byte[]> receipt = applicant.getBytes("/api/v1/cases/" + number + "/receipt.pdf");

        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(receipt.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline;").contains("filename*=UTF-8''" + number + "-%E5%9B%9E%E6%89%A7.pdf");
        assertThat(text(receipt.body())).contains(itemName, number);

        assertThat(signedInAs("13800000001").getBytes("/api/v1/cases/" + number + "/receipt.pdf").statusCode())
                .isEqualTo(404);
        assertThat(signedInAs("13800000001").getBytes("/api/v1/cases/" + number + "/notices/acceptance.pdf").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aNoticeIs409UntilTheCaseHasBeenGivenItAnd400ForAnUnknownKind() throws IOException {
        Http applicant = signedInAs("13800000002");
        String number = submit(applicant);

        HttpResponse<byte[]> early = applicant.getBytes("/api/v1/cases/" + number + "/notices/acceptance.pdf");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json.readTree(new String(early.body(), StandardCharsets.UTF_8)).get("code").asString())
                .isEqualTo("case.no-such-notice");
        assertThat(applicant.getBytes("/api/v1/cases/" + number + "/notices/licence.pdf").statusCode()).isEqualTo(400);

        Http clerk = signedInAs("clerk");
        assertThat(clerk.postJsonAsClient("/api/v1/cases/" + number + "/acceptance", "{}").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> notice = applicant.getBytes("/api/v1/cases/" + number + "/notices/ACCEPTANCE.pdf");
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.headers().firstValue("Content-Disposition").orElseThrow()).contains(number + "-SL.pdf");
        assertThat(text(notice.body())).contains("受理通知书", number + "-SL", "2026年9月28日");
    }

    @Test
    void theApplicantsCasePageLinksTheReceiptAndTheNoticeAndEachLinkDownloadsForTheApplicantOnly() throws IOException {
        Http applicant = signedInAs("13800000002");
        String number = submit(applicant);
        assertThat(signedInAs("clerk").postJsonAsClient("/api/v1/cases/" + number + "/acceptance", "{}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> page = applicant.get("/cases/" + number);
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> links = java.util.regex.Pattern.compile("href=\"([^\"]+\\.pdf)\"").matcher(page.body()).results()
                .map(m -> m.group(1).replace("&amp;", "&")).toList();
        assertThat(links).contains("/api/v1/cases/" + number + "/receipt.pdf")
                .anySatisfy(l -> assertThat(l).startsWith("/api/v1/cases/" + number + "/notices/"));

        Http another = signedInAs("13800000001");
        assertThat(another.get("/cases/" + number).statusCode()).isEqualTo(404);
        for (String link : links) {
            HttpResponse<byte[]> pdf = applicant.getBytes(link);
            assertThat(pdf.statusCode()).as(link).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).as(link).hasValue("application/pdf");
            assertThat(text(pdf.body())).as(link).contains(number);
            assertThat(another.getBytes(link).statusCode()).as("another applicant: " + link).isEqualTo(404);
        }
        assertThat(links.stream().filter(l -> l.contains("/notices/")).map(l -> {
            try {
                return text(applicant.getBytes(l).body());
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).anySatisfy(t -> assertThat(t).contains("受理通知书"));
    }

    @Test
    void theNonAcceptanceNoticeCarriesTheReasonsTheClerkGave() throws IOException {
        Http applicant = signedInAs("13800000002");
        String number = submit(applicant);
        HttpResponse<String> refused = signedInAs("clerk").postJsonAsClient("/api/v1/cases/" + number + "/refusal",
                "{\"reasons\": \"申请事项依法不需要取得行政许可\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);

        HttpResponse<byte[]> notice = applicant.getBytes("/api/v1/cases/" + number + "/notices/non-acceptance.pdf");

        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(text(notice.body())).contains("不予受理通知书", "申请事项依法不需要取得行政许可", "申请行政复议");
    }

    @Autowired org.tongban.cases.CaseManagement cases;

    /** A real PDF uploaded by the applicant these tests sign in as, so that the application may attach it. */
    private String upload() {
        byte[] pdf = "%PDF-1.4\n% 申请书\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return signedIn.as("13800000002", () -> cases.upload("file", "申请书.pdf", pdf)).sha256();
    }

    @Test
    void theCommitmentLetterIsADocumentOfACaseWithACommitmentLinkedOnBothCasePages() throws IOException {
        ItemContent content = org.tongban.cases.CaseTestItems.withCommitment();
        String withCommitment = org.tongban.cases.CaseTestItems.publish(signedIn, catalog, content, LocalDate.of(2026, 9, 28));
        Http applicant = signedInAs("13800000002");
        String sha = upload();
        String application = """
                {"itemCode": "%1$s", "form": {"contact": "李小满"},
                 "materials": [{"name": "申请书", "provision": "FILE", "reference": "%2$s", "fileName": "申请书.pdf"},
                               {"name": "经营场所平面图", "provision": "FILE", "reference": "%2$s", "fileName": "平面图.pdf"},
                               {"name": "经营场所使用证明", "provision": "COMMITMENT"}],
                 "delivery": {"method": "ELECTRONIC"}}""".formatted(withCommitment, sha);
        HttpResponse<String> created = applicant.postJsonAsClient("/api/v1/cases", application, "Idempotency-Key",
                "app-" + UUID.randomUUID());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String number = json.readTree(created.body()).get("number").asString();

        HttpResponse<byte[]> letter = applicant.getBytes("/api/v1/cases/" + number + "/commitment.pdf");
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(text(letter.body())).contains("告知承诺书", number + "-CN", content.name(), "国办发〔2020〕42号",
                "经营场所使用证明产权证明或租赁合同《食品经营许可和备案管理办法》第十二条", "承诺人李小满",
                "承诺日期2026年9月28日");
        assertThat(signedInAs("reviewer.scj").getBytes("/api/v1/cases/" + number + "/commitment.pdf").statusCode())
                .isEqualTo(200);
        assertThat(signedInAs("13800000001").getBytes("/api/v1/cases/" + number + "/commitment.pdf").statusCode())
                .isEqualTo(404);

        String link = "/api/v1/cases/" + number + "/commitment.pdf";
        assertThat(applicant.get("/cases/" + number).body()).contains(link);
        assertThat(signedInAs("reviewer.scj").get("/staff/cases/" + number).body()).contains(link);

        String without = submit(applicant);
        HttpResponse<byte[]> none = applicant.getBytes("/api/v1/cases/" + without + "/commitment.pdf");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(json.readTree(new String(none.body(), StandardCharsets.UTF_8)).get("code").asString())
                .isEqualTo("case.no-commitment-letter");
        assertThat(applicant.get("/cases/" + without).body()).doesNotContain("commitment.pdf");
    }

    private String submit(Http applicant) {
        String application = """
                {"itemCode": "%1$s", "form": {"contact": "陈示例"},
                 "materials": [{"name": "申请书", "provision": "FILE", "reference": "%2$s", "fileName": "申请书.pdf"},
                               {"name": "经营场所平面图", "provision": "FILE", "reference": "%2$s", "fileName": "平面图.pdf"}],
                 "delivery": {"method": "ELECTRONIC"}}""".formatted(item, upload());
        HttpResponse<String> created = applicant.postJsonAsClient("/api/v1/cases", application, "Idempotency-Key",
                "app-" + UUID.randomUUID());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("number").asString();
    }

    private Http signedInAs(String username) {
        Http http = new Http(port);
        assertThat(http.login(username, "tongban2026").statusCode()).isEqualTo(302);
        return http;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }
}
