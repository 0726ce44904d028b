package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.cases.TestCases.CLERK;
import static org.tongban.cases.TestCases.HEAD;
import static org.tongban.cases.TestCases.LICENSING;
import static org.tongban.cases.TestCases.REVIEWER;
import static org.tongban.cases.TestCases.allFiles;
import static org.tongban.cases.TestCases.committed;
import static org.tongban.cases.TestCases.deferred;
import static org.tongban.cases.TestCases.file;
import static org.tongban.cases.TestCases.on;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;

/** The receipt and the notices as PDFs, read back as a reader would: their text, their font and their QR code. */
class CaseDocumentsTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 28);
    private static final DocumentsProperties PROPERTIES = new DocumentsProperties("海川市政务服务网",
            "https://zwfw.haichuan.example/", null, "海川市人民政府", "六十日", "六个月");
    private static final DocumentFont FONT = DocumentFont.resolve(null, CaseDocumentsTest.class.getClassLoader());
    private static final CaseDocumentWriter.Letterhead LETTERHEAD = new CaseDocumentWriter.Letterhead(
            "海川市市场监督管理局", TestCases.noon(MONDAY), null);

    private final CaseDocumentWriter writer = new CaseDocumentWriter(PROPERTIES, FONT, CITY, 5);

    @Test
    void theReceiptEmbedsASubsetOfTheFontAndItsTextReadsBackInChinese() throws IOException {
        Case c = TestCases.submitted(LICENSING, MONDAY,
                List.of(file("营业执照"), deferred("经营场所证明"), committed("食品安全管理制度")));

        byte[] pdf = writer.receipt(c, LETTERHEAD);

        PdfReader reader = new PdfReader(pdf);
        List<PdfDictionary> descriptors = fontDescriptors(reader);
        assertThat(descriptors).isNotEmpty().allSatisfy(d -> assertThat(d.get(PdfName.FONTFILE2)).isNotNull());
        // A subset is named with a six-letter tag (ABCDEF+NotoSansSC-Regular) and is small.
        assertThat(descriptors.getFirst().getAsName(PdfName.FONTNAME).toString()).matches("/[A-Z]{6}\\+.*");
        assertThat(pdf.length).isLessThan(300_000);

        String text = text(pdf);
        assertThat(text).contains("海川市政务服务网", "收件回执", c.number().value(), "食品经营许可（ITEM-1，第1版）",
                "张三", "3706**********0011", "2026年9月28日10:00", "海川市市场监督管理局",
                "2026年10月10日前作出受理、不予受理或一次性告知补正的决定",
                "承诺办结时限自受理之日起计算：10个工作日",
                "营业执照电子文件：营业执照.pdf", "经营场所证明容缺后补", "食品安全管理制度告知承诺",
                "本文书由海川市政务服务网于2026年9月28日12:00生成，未加盖印章");
        render(pdf, "receipt.png");
    }

    @Test
    void theReceiptsQrCodeOpensTheProgressPageOfItsCase() throws Exception {
        Case c = TestCases.submitted(LICENSING, MONDAY, allFiles());

        BufferedImage page = renderFirstPage(writer.receipt(c, LETTERHEAD), 200);
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)))).getText();

        assertThat(decoded).isEqualTo("https://zwfw.haichuan.example/progress?number=" + c.number().value());
    }

    @Test
    void anAcceptedCasesReceiptGivesTheCommittedDateInsteadOfTheLimit() throws IOException {
        Case c = TestCases.submitted(LICENSING, MONDAY, allFiles());
        c.accept(on(MONDAY.plusDays(1), CLERK), Map.of());

        String text = text(writer.receipt(c, LETTERHEAD));

        assertThat(text).contains("已于2026年9月29日受理（" + c.number().value() + "-SL）", "承诺于" + day(c.deadlines().promisedDue()) + "前办结")
                .doesNotContain("自受理之日起计算");
    }

    @Test
    void theAcceptanceNoticeGivesTheDeadlinesTheDeferredMaterialsWithTheirDueDatesAndTheCommitments() throws IOException {
        Case c = TestCases.submitted(LICENSING, MONDAY,
                List.of(file("营业执照"), deferred("经营场所证明"), committed("食品安全管理制度")));
        c.accept(on(MONDAY.plusDays(1), CLERK), Map.of("经营场所证明", LocalDate.of(2026, 10, 16)));

        String text = text(writer.acceptance(c, LETTERHEAD));

        assertThat(text).contains("受理通知书", "编号：" + c.number().value() + "-SL", "张三：",
                "申请材料齐全、符合法定形式，本机关决定予以受理", "受理日期2026年9月29日",
                "承诺办结日期" + day(c.deadlines().promisedDue()), "法定办结日期" + day(c.deadlines().statutoryDue()),
                "容缺受理的材料", "经营场所证明2026年10月16日待补交",
                "以承诺代替以下材料：食品安全管理制度", "承诺不实的");
    }

    @Test
    void theNonAcceptanceNoticeGivesTheReasonsAndTheApplicantsRemedies() throws IOException {
        Case c = TestCases.submitted(LICENSING, MONDAY, allFiles());
        c.refuseToAccept(on(MONDAY.plusDays(2), CLERK), "申请事项不属于本机关职权范围");

        String text = text(writer.nonAcceptance(c,
                new CaseDocumentWriter.Refusal("申请事项不属于本机关职权范围", MONDAY.plusDays(2)), LETTERHEAD));

        assertThat(text).contains("不予受理通知书", c.number().value() + "-BY", "本机关决定不予受理",
                "申请事项不属于本机关职权范围", "2026年9月30日",
                "如不服本决定，可以自收到本通知书之日起六十日内向海川市人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼");
    }

    @Test
    void theCorrectionNoticeListsEveryMaterialAndSaysTheAcceptanceDeadlineRunsAgainFromResubmission() throws IOException {
        Case c = TestCases.submitted(LICENSING, MONDAY, allFiles());
        c.requestCorrection(on(MONDAY.plusDays(1), CLERK), List.of(
                new Correction.Item("营业执照", "复印件模糊，请上传清晰的扫描件"),
                new Correction.Item("经营场所证明", "租赁合同已过期")));

        String text = text(writer.correction(c, LETTERHEAD));

        assertThat(text).contains("补正材料告知书", c.number().value() + "-BZ", "一次性告知需要补正的全部内容",
                "1营业执照复印件模糊，请上传清晰的扫描件", "2经营场所证明租赁合同已过期",
                "受理期限自本机关收到全部补正材料之日起重新计算（5个工作日）", "2026年9月29日");
    }

    @Test
    void anApprovalSaysWhatIsGrantedAndHowItIsDelivered() throws IOException {
        Case c = decided();
        c.approve(on(LocalDate.of(2026, 10, 9), HEAD), "同意，准予许可");

        String text = text(writer.decision(c, LETTERHEAD));

        assertThat(text).contains("准予行政许可决定书", c.number().value() + "-JD", "决定准予行政许可",
                "同意，准予许可", "食品经营许可证", "电子证照", "2026年10月9日").doesNotContain("行政复议");
    }

    @Test
    void aRejectionGivesItsReasonsItsLegalBasisAndTheRemedies() throws IOException {
        Case c = decided();
        c.reject(on(LocalDate.of(2026, 10, 9), HEAD), "经营场所与住所未分离", "《食品经营许可和备案管理办法》第十二条");

        String text = text(writer.decision(c, LETTERHEAD));

        assertThat(text).contains("不予行政许可决定书", "决定不予行政许可", "经营场所与住所未分离", "法律依据",
                "《食品经营许可和备案管理办法》第十二条",
                "如不服本决定，可以自收到本决定书之日起六十日内向海川市人民政府申请行政复议");
    }

    @Test
    void everyDocumentRendersToAPageForPeopleToLookAt() throws IOException {
        Case accepted = TestCases.submitted(LICENSING, MONDAY,
                List.of(file("营业执照"), deferred("经营场所证明"), committed("食品安全管理制度")));
        accepted.accept(on(MONDAY.plusDays(1), CLERK), Map.of("经营场所证明", LocalDate.of(2026, 10, 16)));
        Case rejected = decided();
        rejected.reject(on(LocalDate.of(2026, 10, 9), HEAD), "经营场所与住所未分离", "《食品经营许可和备案管理办法》第十二条");

        render(writer.acceptance(accepted, LETTERHEAD), "acceptance.png");
        render(writer.decision(rejected, LETTERHEAD), "rejection.png");
    }

    @Test
    void aConfiguredFontThatCannotBeReadStopsTheStartNamingTheFile() {
        assertThatThrownBy(() -> DocumentFont.resolve("/nowhere/font.ttf", getClass().getClassLoader()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/nowhere/font.ttf");
    }

    @Test
    void withoutTheBundledFontAndWithoutAConfiguredOneTheStartFailsSayingWhatToSet() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> DocumentFont.resolve(" ", empty))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("tongban.documents.font");
        }
    }

    @Test
    void aFontWithoutChineseGlyphsIsRefusedAtStart() throws IOException {
        Path latin = Path.of("target/docs/latin-only.ttf");
        Files.createDirectories(latin.getParent());
        try (var in = org.apache.pdfbox.pdmodel.font.PDType1Font.class
                .getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            Files.write(latin, in.readAllBytes());
        }
        assertThatThrownBy(() -> DocumentFont.resolve(latin.toString(), getClass().getClassLoader()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no Chinese glyphs");
    }

    private static Case decided() {
        Case c = TestCases.submitted(LICENSING, MONDAY, allFiles());
        c.accept(on(MONDAY.plusDays(1), CLERK), Map.of());
        c.completeStep(on(LocalDate.of(2026, 10, 8), REVIEWER), "材料齐全，符合条件");
        return c;
    }

    @Test
    void theCommitmentLetterGivesTheDepartmentsNoticeAndTheApplicantsSignedCommitment() throws IOException {
        Case c = TestCases.submitted(LICENSING, MONDAY,
                List.of(file("营业执照"), deferred("经营场所证明"), committed("食品安全管理制度")));
        var terms = new CaseDocumentWriter.CommitmentTerms("《中华人民共和国食品安全法》第三十五条", "有与经营的食品品种相适应的场所",
                Map.of("食品安全管理制度", new CaseDocumentWriter.CommitmentTerms.Material("有食品安全管理人员和管理制度",
                        "《食品经营许可和备案管理办法》第十二条")));

        byte[] pdf = writer.commitment(c, LETTERHEAD, terms);

        String text = text(pdf);
        assertThat(text).contains("告知承诺书", "编号：" + c.number().value() + "-CN", "一、行政机关告知",
                "依据《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）",
                "海川市市场监督管理局对食品经营许可申请中的下列材料实行告知承诺制", "食品经营许可（ITEM-1，第1版）",
                "设定依据《中华人民共和国食品安全法》第三十五条", "申请条件有与经营的食品品种相适应的场所",
                "食品安全管理制度有食品安全管理人员和管理制度《食品经营许可和备案管理办法》第十二条",
                "事后核查", "撤销据此作出的决定", "记入申请人的信用记录",
                "二、申请人承诺", "以承诺代替的食品安全管理制度所证明的事项真实", "愿意承担不实承诺的法律责任",
                "承诺人张三", "证件号码3706**********0011", "承诺日期2026年9月28日",
                "以实名账号在线提交申请时确认（2026年9月28日10:00）")
                .as("only what the commitment replaced").doesNotContain("经营场所证明所证明");
        render(pdf, "commitment.png");
    }

    @Test
    void theCommitmentLetterSaysWhatIsUnknownAndIsNoneWithoutACommitment() throws IOException {
        Case c = TestCases.submitted(LICENSING, MONDAY, List.of(file("营业执照"), file("经营场所证明"),
                committed("食品安全管理制度")));

        assertThat(text(writer.commitment(c, LETTERHEAD, CaseDocumentWriter.CommitmentTerms.UNKNOWN)))
                .contains("食品安全管理制度——").doesNotContain("设定依据", "申请条件");
        assertThatThrownBy(() -> writer.commitment(TestCases.submitted(LICENSING, MONDAY, allFiles()), LETTERHEAD,
                CaseDocumentWriter.CommitmentTerms.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String day(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The text of every page with all white space removed, so a line break never splits a phrase. */
    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }

    private static List<PdfDictionary> fontDescriptors(PdfReader reader) {
        List<PdfDictionary> found = new java.util.ArrayList<>();
        for (int i = 0; i < reader.getXrefSize(); i++) {
            PdfObject o = reader.getPdfObject(i);
            if (o instanceof PdfDictionary d && PdfName.FONTDESCRIPTOR.equals(d.getAsName(PdfName.TYPE))) {
                found.add(d);
            }
        }
        return found;
    }

    private static BufferedImage renderFirstPage(byte[] pdf, int dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi);
        }
    }

    private static void render(byte[] pdf, String name) throws IOException {
        Path dir = Path.of("target/docs");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name.replace(".png", ".pdf")), pdf);
        ImageIO.write(renderFirstPage(pdf, 110), "png", dir.resolve(name).toFile());
    }
}
