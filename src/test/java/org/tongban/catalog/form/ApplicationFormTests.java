package org.tongban.catalog.form;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tongban.catalog.ApplicationForm;
import org.tongban.catalog.FormField;
import org.tongban.catalog.FormField.DateBound;
import org.tongban.catalog.FormField.Option;
import org.tongban.catalog.FormField.RequiredWhen;
import org.tongban.catalog.FormField.Type;
import org.tongban.shared.Violation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The check of submitted answers against an application form, one rule at a time: each test gives one answer to a
 * form of one field and names the violation it expects (field key, code, and the Chinese message the applicant
 * reads). No Spring, no database: the cases module calls the same check at draft save and at submission.
 */
class ApplicationFormTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 30);

    private static FormField field(Type type) {
        return FormField.of("answer", "回答", type, false);
    }

    private static FormField with(FormField f, String attribute, Object value) {
        return new FormField(f.key(), f.label(), f.type(), attribute.equals("required") ? (Boolean) value : f.required(),
                attribute.equals("requiredWhen") ? (RequiredWhen) value : f.requiredWhen(),
                attribute.equals("maxLength") ? (Integer) value : f.maxLength(),
                attribute.equals("pattern") ? (String) value : f.pattern(),
                attribute.equals("min") ? new BigDecimal((String) value) : f.min(),
                attribute.equals("max") ? new BigDecimal((String) value) : f.max(),
                attribute.equals("decimals") ? (Integer) value : f.decimals(),
                attribute.equals("dateBound") ? (DateBound) value : f.dateBound(),
                attribute.equals("dictionary") ? (String) value : f.dictionary(),
                attribute.equals("options") ? listOf(value) : f.options(), f.help());
    }

    @SuppressWarnings("unchecked")
    private static List<Option> listOf(Object value) {
        return (List<Option>) value;
    }

    private static List<Violation> check(FormField field, String answer) {
        return ApplicationForm.of(field).check(Map.of(field.key(), answer), TODAY);
    }

    /** The single violation's code, or "ok". */
    private static String outcome(FormField field, String answer) {
        List<Violation> violations = check(field, answer);
        assertThat(violations).hasSizeLessThanOrEqualTo(1);
        return violations.isEmpty() ? "ok" : violations.getFirst().code();
    }

    @Nested
    class WhatMustBeAnswered {

        private final FormField name = FormField.of("applicantName", "申请人姓名", Type.TEXT, true);

        @Test
        void aRequiredFieldLeftEmptyOrBlankIsNamedWithItsLabel() {
            ApplicationForm form = ApplicationForm.of(name);
            assertThat(form.check(Map.of(), TODAY)).extracting(Violation::field, Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("applicantName", "form.required", "请填写“申请人姓名”"));
            assertThat(form.check(Map.of("applicantName", "  "), TODAY)).extracting(Violation::code)
                    .containsExactly("form.required");
            assertThat(form.check(Map.of("applicantName", "张海川"), TODAY)).isEmpty();
        }

        @Test
        void anOptionalFieldMayBeLeftOut() {
            assertThat(ApplicationForm.of(field(Type.NUMBER)).check(Map.of(), TODAY)).isEmpty();
        }

        @Test
        void aConditionalFieldIsRequiredOnlyWhenTheOtherFieldHasTheValue() {
            FormField byAgent = FormField.of("byAgent", "是否委托他人办理", Type.YES_NO, true);
            FormField agentName = with(FormField.of("agentName", "受托人姓名", Type.TEXT, false), "requiredWhen",
                    new RequiredWhen("byAgent", FormField.YES));
            ApplicationForm form = ApplicationForm.of(byAgent, agentName);
            assertThat(form.check(Map.of("byAgent", "false"), TODAY)).isEmpty();
            assertThat(form.check(Map.of("byAgent", "true"), TODAY)).extracting(Violation::field, Violation::defaultMessage)
                    .containsExactly(tuple("agentName", "请填写“受托人姓名”"));
            assertThat(form.check(Map.of("byAgent", "true", "agentName", "李小满"), TODAY)).isEmpty();
        }

        @Test
        void anAnswerForAKeyTheFormDoesNotHaveIsRefusedByItsKey() {
            assertThat(ApplicationForm.of(name).check(Map.of("applicantName", "张海川", "favouriteColour", "蓝"), TODAY))
                    .extracting(Violation::field, Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("favouriteColour", "form.unknown-field", "申请表中没有这一项：favouriteColour"));
        }

        @Test
        void manyUnknownAnswersAreOneViolationNotAThousand() {
            Map<String, String> answers = new HashMap<>();
            for (int i = 0; i < 1000; i++) {
                answers.put("extra" + i, "x");
            }
            assertThat(ApplicationForm.of(field(Type.TEXT)).check(answers, TODAY))
                    .extracting(Violation::field, Violation::code).containsExactly(tuple("", "form.unknown-fields"));
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            ApplicationForm form = ApplicationForm.of(name, FormField.of("applicantPhone", "联系电话", Type.PHONE, true),
                    FormField.of("householdSize", "家庭人口数", Type.NUMBER, true));
            assertThat(form.check(Map.of("applicantPhone", "12345", "householdSize", "三"), TODAY))
                    .extracting(Violation::field).containsExactly("applicantName", "applicantPhone", "householdSize");
        }
    }

    @Nested
    class Text {

        @Test
        void isAtMostItsMaximumLengthOr200() {
            FormField five = with(field(Type.TEXT), "maxLength", 5);
            assertThat(outcome(five, "海川市东港")).isEqualTo("ok");
            assertThat(check(five, "海川市东港区")).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("form.too-long", "“回答”不能超过 5 个字"));
            assertThat(outcome(field(Type.TEXT), "字".repeat(200))).isEqualTo("ok");
            assertThat(outcome(field(Type.TEXT), "字".repeat(201))).isEqualTo("form.too-long");
            assertThat(outcome(field(Type.ADDRESS), "路".repeat(201))).isEqualTo("form.too-long");
        }

        @Test
        void isPlainText() {
            assertThat(outcome(field(Type.TEXT), "<script>alert(1)</script>")).isEqualTo("markup");
            assertThat(outcome(field(Type.ADDRESS), "滨海大道<img src=x onerror=alert(1)>")).isEqualTo("markup");
        }

        @Test
        void matchesItsPatternWhole() {
            FormField certificate = with(field(Type.TEXT), "pattern", "[A-Z][0-9]{9}");
            assertThat(outcome(certificate, "Q440012345")).isEqualTo("ok");
            assertThat(check(certificate, "Q4400123456")).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("form.pattern", "“回答”的格式不正确"));
            assertThat(outcome(certificate, "q440012345")).isEqualTo("form.pattern");
        }

        @Test
        void aCatastrophicPatternDoesNotStallTheServer() {
            // Nested repetition backtracks exponentially on the JDK's regex engine: 25 letters take seconds, 40 years.
            FormField careless = with(with(field(Type.TEXT), "pattern", "((a+)+)+b"), "maxLength", 2000);
            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThat(outcome(careless, "a".repeat(40) + "c")).isEqualTo("form.pattern"));
            assertThat(outcome(careless, "aaab")).isEqualTo("ok");
        }

        @Test
        void noAnswerIsLongerThanTheFormsLimitWhateverItsType() {
            assertThat(outcome(field(Type.CHOICE), "x".repeat(2001))).isEqualTo("form.too-long");
        }
    }

    @Nested
    class Numbers {

        private final FormField people = with(with(FormField.of("householdSize", "家庭人口数", Type.NUMBER, false),
                "min", "1"), "max", "20");
        private final FormField income = with(with(field(Type.NUMBER), "decimals", 2), "min", "0");

        @Test
        void isANumber() {
            assertThat(outcome(people, "3")).isEqualTo("ok");
            assertThat(check(people, "三")).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("form.number", "“家庭人口数”应填写数字，如 12 或 12.5"));
            assertThat(outcome(people, "1,000")).isEqualTo("form.number");
            assertThat(outcome(people, "1e3")).isEqualTo("form.number");
        }

        @Test
        void isWholeUnlessDecimalsAreAllowed() {
            assertThat(check(people, "2.5")).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("form.number.integer", "“家庭人口数”应填写整数"));
            assertThat(outcome(people, "2.0")).isEqualTo("ok");
            assertThat(outcome(income, "3500.50")).isEqualTo("ok");
            assertThat(check(income, "3500.505")).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("form.number.decimals", "“回答”最多保留 2 位小数"));
        }

        @Test
        void isWithinItsBounds() {
            assertThat(outcome(people, "1")).isEqualTo("ok");
            assertThat(outcome(people, "20")).isEqualTo("ok");
            assertThat(check(people, "0")).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("form.number.min", "“家庭人口数”不能小于 1"));
            assertThat(check(people, "21")).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("form.number.max", "“家庭人口数”不能大于 20"));
            assertThat(outcome(income, "-1")).isEqualTo("form.number.min");
        }
    }

    @Nested
    class Dates {

        private final FormField birth = with(FormField.of("babyBirthDate", "出生日期", Type.DATE, true), "dateBound",
                DateBound.NOT_IN_FUTURE);
        private final FormField start = with(FormField.of("plannedStart", "计划开工日期", Type.DATE, true), "dateBound",
                DateBound.NOT_IN_PAST);

        @Test
        void isADayWrittenAsThePlatformReadsDates() {
            assertThat(outcome(field(Type.DATE), "2026-09-30")).isEqualTo("ok");
            assertThat(outcome(field(Type.DATE), "2026年9月30日")).isEqualTo("ok");
            assertThat(check(field(Type.DATE), "2026-02-30")).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("form.date", "“回答”应为日期，如 2026-09-30"));
            assertThat(outcome(field(Type.DATE), "明天")).isEqualTo("form.date");
        }

        @Test
        void isNotInTheFutureOrNotInThePastAsTheFieldSays() {
            assertThat(outcome(birth, "2026-09-30")).isEqualTo("ok");
            assertThat(check(birth, "2026-10-01")).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("form.date.future", "“出生日期”不能晚于今天"));
            assertThat(outcome(start, "2026-09-30")).isEqualTo("ok");
            assertThat(check(start, "2026-09-29")).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("form.date.past", "“计划开工日期”不能早于今天"));
            assertThat(outcome(field(Type.DATE), "2030-01-01")).as("no bound").isEqualTo("ok");
        }
    }

    @Nested
    class CodesOfTheSharedKernel {

        @Test
        void anIdNumberIsCheckedAsTheKernelChecksIt() {
            String valid = IdNumbers.of("377002", "19900101");
            assertThat(outcome(field(Type.ID_NUMBER), valid)).isEqualTo("ok");
            assertThat(outcome(field(Type.ID_NUMBER), valid.toLowerCase())).isEqualTo("ok");
            String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
            assertThat(check(field(Type.ID_NUMBER), wrongCheck)).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("id-number.check-digit", "身份证号码校验位不正确"));
            assertThat(outcome(field(Type.ID_NUMBER), "37700219900101")).isEqualTo("id-number.format");
        }

        @Test
        void anIdNumberWhoseHolderIsNotBornYetIsRefusedOnTheDayOfChecking() {
            String tomorrow = IdNumbers.of("377002", "20261001");
            assertThat(outcome(field(Type.ID_NUMBER), tomorrow)).isEqualTo("id-number.birth-date-future");
            assertThat(ApplicationForm.of(field(Type.ID_NUMBER)).check(Map.of("answer", tomorrow), TODAY.plusDays(1)))
                    .isEmpty();
        }

        @Test
        void aCreditCodeAndARegionCodeAreCheckedAsTheKernelChecksThem() {
            assertThat(outcome(field(Type.CREDIT_CODE), "91377002HC10000182")).isEqualTo("ok");
            assertThat(outcome(field(Type.CREDIT_CODE), "91377002HC10000183")).isEqualTo("credit-code.check-character");
            assertThat(outcome(field(Type.REGION), "377002")).isEqualTo("ok");
            assertThat(outcome(field(Type.REGION), "377002001000")).isEqualTo("ok");
            assertThat(outcome(field(Type.REGION), "3770")).isEqualTo("region-code.format");
        }

        @Test
        void noMessageRepeatsTheNumber() {
            String wrongCheck = IdNumbers.of("377002", "19900101").substring(0, 17) + "0";
            assertThat(check(field(Type.ID_NUMBER), wrongCheck)).allSatisfy(v -> {
                assertThat(v.defaultMessage()).doesNotContain("19900101");
                assertThat(v.arguments()).isEmpty();
            });
        }
    }

    @Nested
    class Phones {

        @Test
        void isAMobileOrALandlineWithItsAreaCode() {
            assertThat(outcome(field(Type.PHONE), "13800000001")).isEqualTo("ok");
            assertThat(outcome(field(Type.PHONE), "+86 13800000001")).isEqualTo("ok");
            assertThat(outcome(field(Type.PHONE), "0535-66100231")).isEqualTo("ok");
            assertThat(outcome(field(Type.PHONE), "053566100231")).isEqualTo("ok");
            assertThat(check(field(Type.PHONE), "12345")).extracting(Violation::code).containsExactly("form.phone");
            assertThat(outcome(field(Type.PHONE), "1380000000")).as("ten digits").isEqualTo("form.phone");
        }
    }

    @Nested
    class Choices {

        private final FormField delivery = with(field(Type.CHOICE), "options",
                List.of(new Option("WINDOW", "窗口领取"), new Option("MAIL", "邮寄送达")));
        private final FormField sex = with(field(Type.CHOICE), "dictionary", "shared.Sex");

        @Test
        void isOneOfTheFieldsOwnOptionsByCode() {
            assertThat(outcome(delivery, "MAIL")).isEqualTo("ok");
            assertThat(check(delivery, "邮寄送达")).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("form.choice", "“回答”请从给出的选项中选择"));
            assertThat(outcome(delivery, "mail")).isEqualTo("form.choice");
        }

        @Test
        void isOneOfASharedDictionarysOptions() {
            assertThat(sex.choices()).extracting(Option::code, Option::label)
                    .containsExactly(tuple("MALE", "男"), tuple("FEMALE", "女"));
            assertThat(outcome(sex, "FEMALE")).isEqualTo("ok");
            assertThat(outcome(sex, "F")).isEqualTo("form.choice");
        }

        @Test
        void yesOrNoIsTrueOrFalse() {
            assertThat(outcome(field(Type.YES_NO), "true")).isEqualTo("ok");
            assertThat(outcome(field(Type.YES_NO), "false")).isEqualTo("ok");
            assertThat(check(field(Type.YES_NO), "是")).extracting(Violation::code, Violation::defaultMessage)
                    .containsExactly(tuple("form.yes-no", "“回答”请选择“是”或“否”"));
        }
    }
}
