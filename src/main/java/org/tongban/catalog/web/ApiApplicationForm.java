package org.tongban.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.tongban.catalog.ApplicationForm;
import org.tongban.catalog.FormField;

import java.math.BigDecimal;
import java.util.List;

/**
 * The application form (申请表) as the API publishes it, so that a client (the mobile app, a provincial platform)
 * renders the same questions and checks as the platform: each field's key, question, type and rules. A field that
 * takes its choices from a shared dictionary lists them in {@code options}, resolved.
 */
@Schema(name = "ApplicationForm", description = "申请表 the application form: the answers go in a case's form data by key")
record ApiApplicationForm(@Schema(description = "the questions in order") List<Field> fields) {

    static ApiApplicationForm of(ApplicationForm form) {
        return new ApiApplicationForm(form.fields().stream().map(Field::of).toList());
    }

    @Schema(name = "FormField", description = "一个申请表字段 one question of the form")
    record Field(
            @Schema(description = "the answer's key in the form data, stable across versions", example = "applicantName")
            String key,
            @Schema(description = "the question as the applicant reads it", example = "申请人姓名") String label,
            @Schema(description = "TEXT, NUMBER, DATE (yyyy-MM-dd), ID_NUMBER (居民身份证号码, check digit verified), "
                    + "CREDIT_CODE (统一社会信用代码, check character verified), REGION (6-digit region code), ADDRESS, "
                    + "PHONE, CHOICE (one of options, by code), YES_NO (true or false)")
            FormField.@Nullable Type type,
            @Schema(description = "always to be answered") boolean required,
            @Schema(description = "to be answered only when another field has a given answer") @Nullable RequiredWhen requiredWhen,
            @Schema(description = "TEXT and ADDRESS: the longest answer in characters") @Nullable Integer maxLength,
            @Schema(description = "TEXT: a regular expression the whole answer matches") @Nullable String pattern,
            @Schema(description = "NUMBER: the smallest value") @Nullable BigDecimal min,
            @Schema(description = "NUMBER: the largest value") @Nullable BigDecimal max,
            @Schema(description = "NUMBER: digits allowed after the decimal point; whole numbers when absent")
            @Nullable Integer decimals,
            @Schema(description = "DATE: NOT_IN_FUTURE (today or earlier) or NOT_IN_PAST (today or later)")
            FormField.@Nullable DateBound dateBound,
            @Schema(description = "CHOICE: the shared dictionary the options come from (such as shared.Sex), if any")
            @Nullable String dictionary,
            @Schema(description = "CHOICE: the options, code and label (a dictionary's, resolved)") List<Option> options,
            @Schema(description = "a hint shown with the question") @Nullable String help) {

        static Field of(FormField f) {
            return new Field(f.key(), f.label(), f.type(), f.required(),
                    f.requiredWhen() == null ? null : new RequiredWhen(f.requiredWhen().field(), f.requiredWhen().value()),
                    f.maxLength(), f.pattern(), f.min(), f.max(), f.decimals(), f.dateBound(), f.dictionary(),
                    f.choices().stream().map(o -> new Option(o.code(), o.label())).toList(), f.help());
        }
    }

    @Schema(name = "FormFieldCondition", description = "the field is required when field {field} has answer {value}")
    record RequiredWhen(@Schema(description = "the other field's key") String field,
                        @Schema(description = "the answer that makes this field required") String value) {
    }

    @Schema(name = "FormOption", description = "a choice: the code goes in the form data, the label is shown")
    record Option(@Schema(description = "the answer's code") String code, @Schema(description = "what is shown") String label) {
    }
}
