package org.tongban.catalog;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * One entry of an item's application form (申请表): what the applicant is asked, how the answer is checked, and
 * when it must be given. The {@link #key} names the answer in the submitted form data and stays the same across
 * versions of the item, so that a draft, a case and a 秒批 condition refer to it; the {@link #label} is what the
 * applicant reads. Which attributes apply depends on the {@link Type}; {@link ItemRules} refuses the others.
 *
 * @param key          {@code [a-z][a-zA-Z0-9]*}, at most 40 characters, unique in the form ({@code applicantName})
 * @param label        the question in plain Chinese, at most {@value ApplicationForm#MAX_LABEL} characters
 * @param required     always to be answered; false when a document leaves it out
 * @param requiredWhen to be answered only when another field has a given value (委托他人办理的，填写受托人姓名)
 * @param maxLength    TEXT and ADDRESS: the longest answer, at most {@value ApplicationForm#MAX_TEXT_LENGTH};
 *                     {@value ApplicationForm#DEFAULT_TEXT_LENGTH} when not given
 * @param pattern      TEXT: a regular expression the whole answer must match (出生医学证明编号 {@code [A-Z]\d{9}})
 * @param min          NUMBER: the smallest value allowed
 * @param max          NUMBER: the largest value allowed
 * @param decimals     NUMBER: how many digits may follow the decimal point, 0 to 6; whole numbers only when not given
 * @param dateBound    DATE: not after, or not before, the day the form is checked
 * @param dictionary   CHOICE: the name of a shared dictionary ({@link SharedDictionary}, {@code shared.Sex}), or
 * @param options      CHOICE: the options listed here, code and label, at most {@value ApplicationForm#MAX_OPTIONS}
 * @param help         a hint shown with the question, at most {@value ApplicationForm#MAX_HELP} characters
 */
public record FormField(String key, String label, @Nullable Type type,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean required,
                        @Nullable RequiredWhen requiredWhen, @Nullable Integer maxLength, @Nullable String pattern,
                        @Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable Integer decimals,
                        @Nullable DateBound dateBound, @Nullable String dictionary, List<Option> options,
                        @Nullable String help) {

    /** The answer of a {@link Type#YES_NO} field that means yes. */
    public static final String YES = "true";
    /** The answer of a {@link Type#YES_NO} field that means no. */
    public static final String NO = "false";

    public FormField {
        options = options == null ? List.of() : options.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** A field of the given type with nothing but its key, label and whether it is required. */
    public static FormField of(String key, String label, Type type, boolean required) {
        return new FormField(key, label, type, required, null, null, null, null, null, null, null, null, List.of(),
                null);
    }

    /**
     * The choices of a CHOICE field: the shared dictionary's when one is named (and known), else those listed on
     * the field. Empty for other types.
     */
    public List<Option> choices() {
        if (dictionary != null) {
            return SharedDictionary.named(dictionary).map(SharedDictionary::options).orElse(List.of());
        }
        return options;
    }

    /** Whether the answer must be given, with the form's other answers as submitted. */
    public boolean requiredGiven(java.util.Map<String, String> values) {
        if (required) {
            return true;
        }
        if (requiredWhen == null || requiredWhen.field() == null) {
            return false;
        }
        String other = values.get(requiredWhen.field());
        return other != null && other.strip().equals(requiredWhen.value());
    }

    /** The longest answer a TEXT or ADDRESS field takes. */
    public int textLimit() {
        return maxLength == null ? ApplicationForm.DEFAULT_TEXT_LENGTH : maxLength;
    }

    /** 字段类型: how an answer is read and checked. */
    public enum Type {
        /** Free text, with a length limit and an optional pattern. */
        TEXT,
        /** A number, with optional bounds and decimal places. */
        NUMBER,
        /** A day, written {@code 2026-09-30}. */
        DATE,
        /** 公民身份号码, checked as {@link org.tongban.shared.IdNumber} (check digit, birth date not after today). */
        ID_NUMBER,
        /** 统一社会信用代码, checked as {@link org.tongban.shared.CreditCode}. */
        CREDIT_CODE,
        /** 行政区划代码, checked as {@link org.tongban.shared.RegionCode} (6 or 12 digits). */
        REGION,
        /** A postal address: free text with a length limit. */
        ADDRESS,
        /** A mobile number (11 digits) or a landline with its area code. */
        PHONE,
        /** One option of a dictionary: the field's own options or a shared dictionary. */
        CHOICE,
        /** Yes or no: {@value FormField#YES} or {@value FormField#NO}. */
        YES_NO
    }

    /** A DATE field's bound, relative to the day the form is checked. */
    public enum DateBound {
        /** Today or earlier (出生日期, 失业日期). */
        NOT_IN_FUTURE,
        /** Today or later (计划开工日期). */
        NOT_IN_PAST
    }

    /** One option of a CHOICE field: the code the form data carries and the label the applicant reads. */
    public record Option(String code, String label) {
    }

    /** The field must be answered when the field {@code field} has the answer {@code value}. */
    public record RequiredWhen(String field, String value) {
    }

    /** Whether the field takes the attribute {@code maxLength}. */
    boolean textual() {
        return type == Type.TEXT || type == Type.ADDRESS;
    }
}
