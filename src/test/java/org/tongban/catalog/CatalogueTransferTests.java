package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.tongban.catalog.ItemContent.LimitUnit;
import org.tongban.catalog.ItemContent.TimeLimit;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TongbanTest
class CatalogueTransferTests {

    @Autowired
    CatalogueTransfer transfer;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    SignedIn signedIn;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.time.Clock clock;

    private byte[] document(List<ItemContent> items) {
        return json.writeValueAsBytes(new CatalogueDocument(CatalogueDocument.FORMAT, CatalogueDocument.VERSION,
                List.of(), List.of(), List.of(), items));
    }

    private long versions() {
        return jdbc.sql("SELECT count(*) FROM catalog_item_version").query(Long.class).single();
    }

    @Test
    void importingTheSameDocumentTwiceChangesNothing() {
        byte[] doc = document(List.of(TestItems.valid("海上风电项目备案", "2001"), TestItems.valid("港区危险货物作业认可", "2002")));
        ImportReport first = signedIn.as("admin", () -> transfer.importDocument(doc));
        long afterFirst = versions();
        ImportReport second = signedIn.as("admin", () -> transfer.importDocument(doc));

        assertThat(first.created()).isEqualTo(2);
        assertThat(second.changedNothing()).isTrue();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(versions()).isEqualTo(afterFirst);
        assertThat(catalog.inForce(TestItems.valid("x", "2001").implementationCode())).isPresent();
    }

    @Test
    void aGzipCompressedDocumentImportsLikeThePlainOneAndABrokenOneIsRefused() throws Exception {
        byte[] doc = document(List.of(TestItems.valid("海上牧场养殖备案", "2031")));
        var compressed = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(compressed)) {
            gzip.write(doc);
        }
        ImportReport fromGzip = signedIn.as("admin", () -> transfer.importDocument(compressed.toByteArray()));
        assertThat(fromGzip.created()).isEqualTo(1);
        assertThat(signedIn.as("admin", () -> transfer.importDocument(doc)).changedNothing()).isTrue();

        byte[] truncated = java.util.Arrays.copyOf(compressed.toByteArray(), compressed.size() / 2);
        long before = versions();
        assertThatThrownBy(() -> signedIn.as("admin", () -> transfer.importDocument(truncated)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("document", "import.gzip")));
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void anItemWithdrawnHereIsPublishedAgainWhenTheUpstreamCatalogueStillListsIt() {
        ItemContent item = TestItems.valid("海上垂钓平台经营备案", "2032");
        byte[] doc = document(List.of(item));
        signedIn.as("admin", () -> transfer.importDocument(doc));
        String code = item.implementationCode();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        signedIn.as("catalog", () -> catalog.requestWithdrawal(code, "本市不再实施。"));
        signedIn.as("catalog", () -> catalog.submitForReview(code, today));
        signedIn.as("legal", () -> catalog.publish(code, null));
        assertThat(catalog.inForce(code)).isEmpty();

        ImportReport again = signedIn.as("admin", () -> transfer.importDocument(doc));

        assertThat(again.updated()).isEqualTo(1);
        assertThat(catalog.inForce(code)).get().extracting(v -> v.content().name()).isEqualTo("海上垂钓平台经营备案");
    }

    @Test
    void aChangedItemGetsANewPublishedVersion() {
        ItemContent original = TestItems.valid("海砂开采临时许可", "2003");
        signedIn.as("admin", () -> transfer.importDocument(document(List.of(original))));
        ItemContent renamed = TestItems.valid("海砂开采许可", "2003");
        ImportReport report = signedIn.as("admin", () -> transfer.importDocument(document(List.of(renamed))));
        assertThat(report.updated()).isEqualTo(1);
        assertThat(catalog.inForce(original.implementationCode())).get()
                .satisfies(v -> {
                    assertThat(v.versionNo()).isEqualTo(2);
                    assertThat(v.content().name()).isEqualTo("海砂开采许可");
                });
    }

    @Test
    void aDocumentWithOneBadEntryIsRefusedWholeNamingTheEntryAndField() {
        ItemContent good = TestItems.valid("港口岸线使用审批", "2004");
        ItemContent bad = TestItems.valid("海洋倾废许可", "2005");
        ItemContent tooLong = TestItems.with(bad, "statutoryLimit", new TimeLimit(5, LimitUnit.WORKING_DAYS),
                "committedLimit", new TimeLimit(10, LimitUnit.WORKING_DAYS), "steps", List.of());
        long before = versions();

        assertThatThrownBy(() -> signedIn.as("admin", () -> transfer.importDocument(document(List.of(good, tooLong)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field)
                            .containsExactly("items[1].committedLimit", "items[1].steps");
                    assertThat(e.violations().getFirst().defaultMessage()).contains(bad.implementationCode(), "海洋倾废许可");
                });
        assertThat(versions()).isEqualTo(before);
        assertThat(catalog.inForce(good.implementationCode())).isEmpty();
    }

    @Test
    void aDepartmentWithBadCodesIsRefusedNamingEachField() {
        var department = new org.tongban.identity.DepartmentManagement.DepartmentEntry("11377000HC00002512",
                "错码部门", "错码部门", null, "990000", null, null, null, null);
        byte[] doc = json.writeValueAsBytes(new CatalogueDocument(CatalogueDocument.FORMAT, CatalogueDocument.VERSION,
                List.of(), List.of(department), List.of(), List.of()));
        assertThatThrownBy(() -> signedIn.as("admin", () -> transfer.importDocument(doc)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("departments[0].creditCode", "departments[0].regionCode"));
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> signedIn.as("admin", () -> transfer.importDocument(
                "{\"format\": \"tongban-catalogue\", \"items\": [ {\"name\": }".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations().getFirst().defaultMessage()).contains("第 1 行"));
    }

    @Test
    void anUnknownFieldIsRefusedNamingIt() {
        String doc = "{\"format\":\"tongban-catalogue\",\"version\":1,\"items\":[{\"nmae\":\"错字\"}]}";
        assertThatThrownBy(() -> signedIn.as("admin", () -> transfer.importDocument(doc.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations().getFirst().field()).isEqualTo("items[0].nmae"));
    }

    @Test
    void aMistypedAttachmentIsRefused() {
        ItemContent item = TestItems.valid("港口经营许可", "2006");
        ItemContent.Material m = item.materials().getFirst();
        ItemContent.Attachment fakePdf = new ItemContent.Attachment("申请书.pdf", "application/pdf", null, null,
                Base64.getEncoder().encodeToString("MZ not a pdf".getBytes(StandardCharsets.UTF_8)));
        ItemContent withFile = TestItems.with(item, "materials",
                List.of(new ItemContent.Material(m.name(), m.requirement(), null, m.form(), 1, 0, null, m.source(),
                        null, false, false, null, null, null, null, null, fakePdf, null)));
        assertThatThrownBy(() -> signedIn.as("admin", () -> transfer.importDocument(document(List.of(withFile)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly("attachment.mismatch"));
    }

    @Test
    void theExportReimportsWithoutChange() {
        signedIn.as("admin", () -> transfer.importDocument(document(List.of(TestItems.valid("港口理货业务备案", "2008")))));
        byte[] exported = signedIn.as("admin", () -> transfer.exportJson());
        ImportReport report = signedIn.as("admin", () -> transfer.importDocument(exported));
        assertThat(report.changedNothing()).isTrue();
        assertThat(report.unchanged()).isGreaterThan(0);
    }

    @Test
    void aSampleOfTheResultTravelsWithItsItemAndComesBackUnchanged() {
        byte[] pdf = "%PDF-1.4\n% sample licence\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        ItemContent item = TestItems.with(TestItems.valid("港口岸线使用审批", "2009"), "resultSample",
                new ItemContent.Attachment("岸线使用批复（样本）.pdf", "application/pdf", null, null,
                        Base64.getEncoder().encodeToString(pdf)));
        signedIn.as("admin", () -> transfer.importDocument(document(List.of(item))));

        ItemContent.Attachment stored = catalog.inForce(item.implementationCode()).orElseThrow().content().resultSample();
        assertThat(stored).isNotNull();
        assertThat(stored.base64()).isNull();
        assertThat(catalog.attachment(stored.sha256())).hasValueSatisfying(data -> assertThat(data).isEqualTo(pdf));

        CatalogueDocument exported = signedIn.as("admin", () -> transfer.export());
        ItemContent out = exported.items().stream().filter(i -> i.implementationCode().equals(item.implementationCode()))
                .findFirst().orElseThrow();
        assertThat(Base64.getDecoder().decode(out.resultSample().base64())).isEqualTo(pdf);
        byte[] again = json.writeValueAsBytes(exported);
        assertThat(signedIn.as("admin", () -> transfer.importDocument(again)).changedNothing()).isTrue();
    }

    /** What applying needs, on an item of the test city: a form with a conditional field, a commitment, an extension, 秒批. */
    private static ItemContent applying(String name, String fourDigits) {
        ItemContent item = TestItems.valid(name, fourDigits);
        FormField byAgent = FormField.of("byAgent", "是否委托他人办理", FormField.Type.YES_NO, true);
        FormField agent = TestItems.with(FormField.of("agentName", "受托人姓名", FormField.Type.TEXT, false),
                "requiredWhen", new FormField.RequiredWhen("byAgent", FormField.YES), "maxLength", 50,
                "help", "委托他人办理的填写");
        FormField scope = TestItems.with(FormField.of("scope", "经营类别", FormField.Type.CHOICE, true), "options",
                List.of(new FormField.Option("SALES", "食品销售"), new FormField.Option("CATERING", "餐饮服务")));
        FormField area = TestItems.with(FormField.of("area", "经营面积（平方米）", FormField.Type.NUMBER, true),
                "min", new java.math.BigDecimal("1"), "decimals", 2);
        ItemContent.Material first = TestItems.with(item.materials().getFirst(), "commitmentAllowed", true);
        return TestItems.with(item, "applicationForm", ApplicationForm.of(byAgent, agent, scope, area),
                "materials", List.of(first, item.materials().get(1)),
                "extension", new TimeLimit(10, LimitUnit.WORKING_DAYS),
                "instantApproval", InstantApproval.of(new ApprovalCondition("scope", ApprovalCondition.Operator.EQUALS,
                        "SALES", "申请的是食品销售"), new ApprovalCondition("area", ApprovalCondition.Operator.AT_MOST,
                        "200", "经营面积不超过200平方米")));
    }

    @Test
    void theApplicationFormCommitmentExtensionAndInstantApprovalTravelThereAndBack() {
        ItemContent item = applying("港口食品经营许可", "2013");
        signedIn.as("admin", () -> transfer.importDocument(document(List.of(item))));
        assertThat(catalog.inForce(item.implementationCode()).orElseThrow().content()).isEqualTo(item);

        CatalogueDocument exported = signedIn.as("admin", () -> transfer.export());
        ItemContent out = exported.items().stream().filter(i -> i.implementationCode().equals(item.implementationCode()))
                .findFirst().orElseThrow();
        assertThat(out).isEqualTo(item);
        String text = new String(json.writeValueAsBytes(exported), StandardCharsets.UTF_8);
        assertThat(text).contains("\"applicationForm\"", "\"requiredWhen\"", "\"commitmentAllowed\"", "\"extension\"",
                "\"instantApproval\"", "经营面积不超过200平方米");
        assertThat(signedIn.as("admin", () -> transfer.importDocument(json.writeValueAsBytes(exported))).changedNothing())
                .isTrue();
    }

    @Test
    void aDocumentWithoutTheElementsForApplyingStillImportsAndABadFormIsRefusedNamingTheField() {
        ItemContent plain = TestItems.valid("港口引航预约", "2014");
        tools.jackson.databind.node.ObjectNode tree = json.valueToTree(plain);
        tree.remove(List.of("applicationForm", "instantApproval", "extension"));
        ((tools.jackson.databind.node.ObjectNode) tree.get("materials").get(0)).remove("commitmentAllowed");
        String oldShape = "{\"format\":\"tongban-catalogue\",\"version\":1,\"items\":[" + tree + "]}";
        assertThat(signedIn.as("admin", () -> transfer.importDocument(oldShape.getBytes(StandardCharsets.UTF_8)))
                .created()).isEqualTo(1);

        ItemContent badForm = TestItems.with(applying("港口餐饮服务许可", "2015"), "instantApproval",
                InstantApproval.of(new ApprovalCondition("nobody", ApprovalCondition.Operator.EQUALS, "x", "说明")));
        assertThatThrownBy(() -> signedIn.as("admin", () -> transfer.importDocument(document(List.of(badForm)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("items[0].instantApproval.conditions[0].field",
                                "item.instant-approval.field")));
    }

    @Test
    void aFileGivenByAHashThatIsNotStoredIsRefused() {
        ItemContent item = TestItems.with(TestItems.valid("港口岸线临时使用备案", "2010"), "resultSample",
                new ItemContent.Attachment("回执.pdf", "application/pdf", "ab".repeat(32), 10L, null));
        assertThatThrownBy(() -> signedIn.as("admin", () -> transfer.importDocument(document(List.of(item)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code).containsExactly(org.assertj.core.groups.Tuple
                                .tuple("items[0].resultSample", "item.attachment.missing")));
        assertThatThrownBy(() -> signedIn.as("catalog", () -> catalog.createItem(item)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("resultSample"));
        assertThat(catalog.inForce(item.implementationCode())).isEmpty();
    }

    @Test
    void onlyPlatformAdministratorsImport() {
        byte[] doc = document(List.of(TestItems.valid("港口设施保安证书", "2007")));
        assertThatThrownBy(() -> signedIn.as("catalog", () -> transfer.importDocument(doc)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> signedIn.as("13800000001", () -> transfer.importDocument(doc)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}
