package org.tongban.catalog.web;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.Resource;
import org.tongban.catalog.CatalogueDocument;
import org.tongban.catalog.ItemContent;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The administration form carries every element of an item there and back, so that editing loses nothing. */
class ItemFormTests {

    private static List<ItemContent> demoItems() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<ItemContent> items = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:demo/catalogue/*.json")) {
            try (InputStream in = file.getInputStream()) {
                items.addAll(json.readValue(in, CatalogueDocument.class).items());
            }
        }
        return items;
    }

    @Test
    void everyDemoItemSurvivesTheFormUnchanged() throws IOException {
        List<ItemContent> items = demoItems();
        assertThat(items).hasSizeGreaterThan(200);
        // The demo catalogue uses each national element somewhere, so the round trip covers them all.
        assertThat(items).anyMatch(i -> i.powerSource() != null && i.powerSource().entrusted() && i.entrustingDepartment() != null);
        assertThat(items).anyMatch(i -> !i.specialProcedures().isEmpty());
        assertThat(items).anyMatch(i -> !i.intermediaryServices().isEmpty());
        assertThat(items).anyMatch(i -> i.onlineAddress() != null);
        assertThat(items).anyMatch(i -> i.quantityLimit() != null);
        assertThat(items).anyMatch(i -> i.fees().stream().anyMatch(f -> f.waiverBasis() != null));
        assertThat(items).anyMatch(i -> i.materials().stream().anyMatch(m -> m.acceptanceStandard() != null));
        assertThat(items).anyMatch(i -> i.materials().stream().anyMatch(m -> m.paperSpec() != null));
        assertThat(items).anyMatch(i -> i.serviceObjects().size() > 1);
        for (ItemContent item : items) {
            assertThat(ItemForm.of(item).toContent()).as(item.name()).isEqualTo(item);
        }
    }

    @Test
    void aHandleItemCodeAndASpecialProcedureTypedIntoTheFormReachTheContent() {
        ItemForm form = new ItemForm();
        form.setHandleItemCode(" 11377000MB0000000X070001200000101 ");
        form.addRow("specialProcedures");
        form.getSpecialProcedures().getFirst().setName(" 专家评审 ");
        form.getSpecialProcedures().getFirst().getLimit().setValue(10);
        form.addRow("specialProcedures");  // left empty: dropped
        form.setIntermediaryServices("房屋安全鉴定\n 地质灾害危险性评估、压覆矿产资源评估 \n\n房屋安全鉴定");
        ItemContent content = form.toContent();
        assertThat(content.handleItemCode()).isEqualTo("11377000MB0000000X070001200000101");
        assertThat(content.specialProcedures()).containsExactly(new ItemContent.SpecialProcedure("专家评审",
                new ItemContent.TimeLimit(10, ItemContent.LimitUnit.WORKING_DAYS), null));
        assertThat(content.intermediaryServices()).containsExactly("房屋安全鉴定", "地质灾害危险性评估、压覆矿产资源评估");
        form.removeRow("specialProcedures:0");
        assertThat(form.toContent().specialProcedures()).isEmpty();
    }

    @Test
    void aFormFieldTypedIntoTheEditorReachesTheContentAndComesBackAsItWas() {
        ItemForm form = new ItemForm();
        form.addRow("formFields");
        ItemForm.FieldRow sex = form.getApplicationForm().getFields().getFirst();
        sex.setKey(" babySex ");
        sex.setLabel(" 新生儿性别 ");
        sex.setType(org.tongban.catalog.FormField.Type.CHOICE);
        sex.setRequired(true);
        sex.setOptions(" MALE=男\n\nFEMALE ＝ 女\nOTHER");
        form.addRow("formFields");  // left empty: dropped
        form.addRow("conditions");
        ItemForm.ConditionRow condition = form.getInstantApproval().getConditions().getFirst();
        condition.setField("verified.idNumber");
        condition.setOperator(org.tongban.catalog.ApprovalCondition.Operator.AGE_AT_LEAST);
        condition.setValue(" 80 ");
        condition.setExplanation("申请人年满80周岁");
        form.getExtension().setValue(10);
        form.getMaterials().getFirst().setName("学历证明");
        form.getMaterials().getFirst().setCommitmentAllowed(true);

        ItemContent content = form.toContent();
        assertThat(content.applicationForm().fields()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("babySex");
            assertThat(f.label()).isEqualTo("新生儿性别");
            assertThat(f.required()).isTrue();
            // A line without "=" keeps its code and lacks a name, which the rules then refuse beside the options.
            assertThat(f.options()).extracting(org.tongban.catalog.FormField.Option::code,
                            org.tongban.catalog.FormField.Option::label)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("MALE", "男"),
                            org.assertj.core.groups.Tuple.tuple("FEMALE", "女"),
                            org.assertj.core.groups.Tuple.tuple("OTHER", ""));
        });
        assertThat(content.instantApproval().conditions()).containsExactly(new org.tongban.catalog.ApprovalCondition(
                "verified.idNumber", org.tongban.catalog.ApprovalCondition.Operator.AGE_AT_LEAST, "80", "申请人年满80周岁"));
        assertThat(content.extension()).isEqualTo(new ItemContent.TimeLimit(10, ItemContent.LimitUnit.WORKING_DAYS));
        assertThat(content.materials().getFirst().commitmentAllowed()).isTrue();
        assertThat(ItemForm.of(content).toContent()).isEqualTo(content);
    }

    @Test
    void formFieldsAreMovedUpAndRemovedByTheirPlace() {
        ItemForm form = new ItemForm();
        for (String key : List.of("applicantName", "applicantPhone", "applicantAddress")) {
            form.addRow("formFields");
            form.getApplicationForm().getFields().getLast().setKey(key);
            form.getApplicationForm().getFields().getLast().setLabel(key);
        }
        form.moveRowUp("formFields:2");
        form.moveRowUp("formFields:0");  // already first: nothing
        form.removeRow("formFields:0");
        assertThat(form.toContent().applicationForm().fields()).extracting(org.tongban.catalog.FormField::key)
                .containsExactly("applicantAddress", "applicantPhone");
    }
}
