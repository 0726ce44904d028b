package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.tongban.catalog.FormField.Type;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The comparison of two versions names the application form's fields by their keys, so that adding one is one change. */
class ContentChangeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ItemContent item = TestItems.valid("测试许可", "0003");

    private String with(FormField... fields) {
        return JSON.writeValueAsString(TestItems.with(item, "applicationForm", ApplicationForm.of(fields)));
    }

    @Test
    void aFieldAddedAtTheTopIsOneFieldAndTheOrderNotAChangeOfEveryFieldBelowIt() {
        FormField name = FormField.of("applicantName", "申请人姓名", Type.TEXT, true);
        FormField phone = FormField.of("applicantPhone", "联系电话", Type.PHONE, true);
        FormField id = FormField.of("applicantIdNumber", "申请人身份证号码", Type.ID_NUMBER, true);
        List<ContentChange> changes = ContentChange.between(with(name, phone), with(id, name, TestItems.with(phone,
                "label", "手机号码")));
        assertThat(changes).extracting(ContentChange::field, ContentChange::before, ContentChange::after)
                .containsExactlyInAnyOrder(
                        tuple("applicationForm.fields", "applicantName、applicantPhone",
                                "applicantIdNumber、applicantName、applicantPhone"),
                        tuple("applicationForm.fields[applicantPhone].label", "联系电话", "手机号码"),
                        tuple("applicationForm.fields[applicantIdNumber].key", null, "applicantIdNumber"),
                        tuple("applicationForm.fields[applicantIdNumber].label", null, "申请人身份证号码"),
                        tuple("applicationForm.fields[applicantIdNumber].type", null, "ID_NUMBER"),
                        tuple("applicationForm.fields[applicantIdNumber].required", null, "true"));
    }

    @Test
    void fieldsWithoutUsableKeysAreComparedByPlace() {
        FormField name = FormField.of("applicantName", "申请人姓名", Type.TEXT, true);
        assertThat(ContentChange.between(with(name), with(name, name))).extracting(ContentChange::field)
                .contains("applicationForm.fields[1].key");
    }
}
