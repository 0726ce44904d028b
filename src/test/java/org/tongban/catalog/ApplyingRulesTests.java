package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.tongban.catalog.ApprovalCondition.Operator;
import org.tongban.catalog.FormField.DateBound;
import org.tongban.catalog.FormField.Option;
import org.tongban.catalog.FormField.RequiredWhen;
import org.tongban.catalog.FormField.Type;
import org.tongban.catalog.ItemContent.LimitUnit;
import org.tongban.catalog.ItemContent.TimeLimit;
import org.tongban.shared.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.catalog.TestItems.CALENDAR;
import static org.tongban.catalog.TestItems.DEPARTMENTS;
import static org.tongban.catalog.TestItems.THEMES;

/**
 * {@link ItemRules} for what applying needs: the application form, a commitment in place of a material, the
 * extension and the 秒批 rule. One change to a valid item per test, and the violation it expects by path and code.
 */
class ApplyingRulesTests {

    private final ItemContent valid = TestItems.valid("测试许可", "0002");

    private static final FormField NAME = FormField.of("applicantName", "申请人姓名", Type.TEXT, true);
    private static final FormField ID = FormField.of("applicantIdNumber", "申请人身份证号码", Type.ID_NUMBER, true);
    private static final FormField BY_AGENT = FormField.of("byAgent", "是否委托他人办理", Type.YES_NO, true);
    private static final FormField KIND = new FormField("applicantKind", "申请人类别", Type.CHOICE, true, null, null,
            null, null, null, null, null, null, List.of(new Option("PERSON", "个人"), new Option("ORGANISATION", "单位")),
            null);

    private static List<org.assertj.core.groups.Tuple> violations(ItemContent item) {
        return ItemRules.check(item, DEPARTMENTS, THEMES, CALENDAR).stream()
                .map(v -> tuple(v.field(), v.code())).toList();
    }

    private ItemContent withForm(FormField... fields) {
        return TestItems.with(valid, "applicationForm", ApplicationForm.of(fields));
    }

    private ItemContent withRule(ApplicationForm form, ApprovalCondition... conditions) {
        return TestItems.with(valid, "applicationForm", form, "instantApproval", InstantApproval.of(conditions));
    }

    private static FormField field(String key, Type type, Object... attributes) {
        FormField f = FormField.of(key, "问题", type, false);
        for (int i = 0; i < attributes.length; i += 2) {
            f = TestItems.with(f, (String) attributes[i], attributes[i + 1]);
        }
        return f;
    }

    @Test
    void aCompleteFormAndRuleAreAccepted() {
        FormField agent = field("agentName", Type.TEXT, "requiredWhen", new RequiredWhen("byAgent", "true"),
                "maxLength", 50);
        ItemContent item = withRule(ApplicationForm.of(NAME, ID, BY_AGENT, agent, KIND,
                        field("sex", Type.CHOICE, "dictionary", "shared.Sex"),
                        field("income", Type.NUMBER, "min", new BigDecimal("0"), "decimals", 2),
                        field("start", Type.DATE, "dateBound", DateBound.NOT_IN_PAST),
                        field("certificate", Type.TEXT, "pattern", "[A-Z][0-9]{9}")),
                new ApprovalCondition("verified.idNumber", Operator.AGE_AT_LEAST, "80", "申请人年满80周岁"),
                new ApprovalCondition("applicantKind", Operator.IN, "PERSON", "申请人为个人"));
        assertThat(ItemRules.check(item, DEPARTMENTS, THEMES, CALENDAR)).isEmpty();
    }

    @Test
    void aFormHasAtMostSixtyFields() {
        List<FormField> fields = new ArrayList<>(IntStream.range(0, 61)
                .mapToObj(i -> FormField.of("q" + i, "问题 " + i, Type.TEXT, false)).toList());
        assertThat(violations(TestItems.with(valid, "applicationForm", new ApplicationForm(fields))))
                .containsExactly(tuple("applicationForm.fields", "item.form.too-many-fields"));
        fields.removeLast();
        assertThat(violations(TestItems.with(valid, "applicationForm", new ApplicationForm(fields)))).isEmpty();
    }

    @Test
    void keysAreIdentifiersUniqueInTheForm() {
        assertThat(violations(withForm(NAME, FormField.of("ApplicantPhone", "电话", Type.PHONE, true),
                FormField.of("申请人", "申请人", Type.TEXT, true), FormField.of("applicantName", "姓名", Type.TEXT, true),
                FormField.of(" ", "地址", Type.ADDRESS, true))))
                .containsExactly(tuple("applicationForm.fields[1].key", "item.form.key.format"),
                        tuple("applicationForm.fields[2].key", "item.form.key.format"),
                        tuple("applicationForm.fields[3].key", "duplicate"),
                        tuple("applicationForm.fields[4].key", "required"));
    }

    @Test
    void labelsAndHelpAreShortPlainTextAndEachFieldHasAType() {
        FormField longLabel = TestItems.with(NAME, "label", "名".repeat(61));
        FormField markup = TestItems.with(ID, "label", "<b>身份证</b>");
        FormField longHelp = TestItems.with(BY_AGENT, "help", "说".repeat(301));
        FormField untyped = TestItems.with(FormField.of("other", "其他", Type.TEXT, false), "type", null);
        assertThat(violations(withForm(longLabel, markup, longHelp, untyped)))
                .containsExactly(tuple("applicationForm.fields[0].label", "too-long"),
                        tuple("applicationForm.fields[1].label", "markup"),
                        tuple("applicationForm.fields[2].help", "too-long"),
                        tuple("applicationForm.fields[3].type", "required"));
    }

    @Test
    void eachAttributeOnlyOnTheTypesItAppliesTo() {
        assertThat(violations(withForm(field("a", Type.NUMBER, "maxLength", 10), field("b", Type.ADDRESS, "pattern", "x+"),
                field("c", Type.TEXT, "min", BigDecimal.ONE), field("d", Type.TEXT, "dateBound", DateBound.NOT_IN_FUTURE),
                field("e", Type.TEXT, "dictionary", "shared.Sex"),
                field("f", Type.YES_NO, "options", List.of(new Option("Y", "是"))))))
                .containsExactly(tuple("applicationForm.fields[0].maxLength", "item.form.max-length.type"),
                        tuple("applicationForm.fields[1].pattern", "item.form.pattern.type"),
                        tuple("applicationForm.fields[2].min", "item.form.number.type"),
                        tuple("applicationForm.fields[3].dateBound", "item.form.date-bound.type"),
                        tuple("applicationForm.fields[4].dictionary", "item.form.options.type"),
                        tuple("applicationForm.fields[5].options", "item.form.options.type"));
    }

    @Test
    void boundsOfTextsAndNumbersMakeSense() {
        assertThat(violations(withForm(field("a", Type.TEXT, "maxLength", 0), field("b", Type.TEXT, "maxLength", 2001),
                field("c", Type.TEXT, "pattern", "[A-Z"), field("d", Type.NUMBER, "min", BigDecimal.TEN, "max", BigDecimal.ONE),
                field("e", Type.NUMBER, "decimals", 7), field("f", Type.NUMBER, "max", new BigDecimal("1E+20")))))
                .containsExactly(tuple("applicationForm.fields[0].maxLength", "item.form.max-length.range"),
                        tuple("applicationForm.fields[1].maxLength", "item.form.max-length.range"),
                        tuple("applicationForm.fields[2].pattern", "item.form.pattern.invalid"),
                        tuple("applicationForm.fields[3].max", "item.form.number.min-above-max"),
                        tuple("applicationForm.fields[4].decimals", "item.form.decimals.range"),
                        tuple("applicationForm.fields[5].max", "item.form.number.bound"));
    }

    @Test
    void aChoiceHasItsOptionsListedOrASharedDictionaryNotBothNorNeither() {
        List<Option> options = List.of(new Option("A", "甲"));
        assertThat(violations(withForm(field("a", Type.CHOICE), field("b", Type.CHOICE, "options", options, "dictionary",
                "shared.Sex"), field("c", Type.CHOICE, "dictionary", "shared.Nation"))))
                .containsExactly(tuple("applicationForm.fields[0].options", "item.form.options.one-source"),
                        tuple("applicationForm.fields[1].options", "item.form.options.one-source"),
                        tuple("applicationForm.fields[2].dictionary", "item.form.dictionary.unknown"));
    }

    @Test
    void optionsHaveCodesUniqueInTheFieldAndNamesAndThereAreAtMostTwoHundred() {
        assertThat(violations(withForm(field("a", Type.CHOICE, "options", List.of(new Option("A", "甲"),
                new Option("A", "乙"), new Option("一", "丙"), new Option("B", " "), new Option("C", "<i>丁</i>"))))))
                .containsExactly(tuple("applicationForm.fields[0].options[1].code", "duplicate"),
                        tuple("applicationForm.fields[0].options[2].code", "item.form.option.code"),
                        tuple("applicationForm.fields[0].options[3].label", "item.form.option.label"),
                        tuple("applicationForm.fields[0].options[4].label", "markup"));
        List<Option> many = IntStream.range(0, 201).mapToObj(i -> new Option("O" + i, "选项" + i)).toList();
        assertThat(violations(withForm(field("a", Type.CHOICE, "options", many))))
                .containsExactly(tuple("applicationForm.fields[0].options", "item.form.options.too-many"));
        assertThat(violations(withForm(field("a", Type.CHOICE, "options", many.subList(0, 200))))).isEmpty();
    }

    @Test
    void aConditionalFieldDependsOnAnotherFieldOfTheFormWithAValueItCanTake() {
        assertThat(violations(withForm(BY_AGENT, KIND,
                field("a", Type.TEXT, "requiredWhen", new RequiredWhen("nobody", "true")),
                field("b", Type.TEXT, "requiredWhen", new RequiredWhen("b", "x")),
                field("c", Type.TEXT, "requiredWhen", new RequiredWhen("byAgent", "是")),
                field("d", Type.TEXT, "requiredWhen", new RequiredWhen("applicantKind", "个人")),
                field("e", Type.TEXT, "required", true, "requiredWhen", new RequiredWhen("byAgent", "true")),
                field("f", Type.TEXT, "requiredWhen", new RequiredWhen("byAgent", " ")))))
                .containsExactly(tuple("applicationForm.fields[2].requiredWhen.field", "item.form.required-when.field"),
                        tuple("applicationForm.fields[3].requiredWhen.field", "item.form.required-when.field"),
                        tuple("applicationForm.fields[4].requiredWhen.value", "item.form.required-when.value"),
                        tuple("applicationForm.fields[5].requiredWhen.value", "item.form.required-when.value"),
                        tuple("applicationForm.fields[6].requiredWhen", "item.form.required-when.required"),
                        tuple("applicationForm.fields[7].requiredWhen.value", "required"));
    }

    @Test
    void anExtensionNeedsAStatutoryLimitToExtendAndACaseThatWaits() {
        TimeLimit tenDays = new TimeLimit(10, LimitUnit.WORKING_DAYS);
        assertThat(violations(TestItems.with(valid, "extension", tenDays))).isEmpty();
        assertThat(violations(TestItems.with(valid, "extension", tenDays, "statutoryLimit", null)))
                .containsExactly(tuple("extension", "item.extension.no-statutory-limit"));
        assertThat(violations(TestItems.with(valid, "extension", tenDays, "caseType", ItemContent.CaseType.IMMEDIATE,
                "committedLimit", new TimeLimit(0, LimitUnit.WORKING_DAYS), "steps", List.of(
                        new ItemContent.Step("受理并办结", ItemContent.StepRole.WINDOW_CLERK, new TimeLimit(0, LimitUnit.WORKING_DAYS))))))
                .containsExactly(tuple("extension", "item.extension.immediate"));
        assertThat(violations(TestItems.with(valid, "extension", new TimeLimit(0, LimitUnit.WORKING_DAYS))))
                .containsExactly(tuple("extension.value", "item.extension.zero"));
        assertThat(violations(TestItems.with(valid, "extension", new TimeLimit(5, null))))
                .containsExactly(tuple("extension.unit", "required"));
    }

    @Test
    void aMaterialThatIsNotNeededCannotBeReplacedByACommitment() {
        ItemContent.Material license = valid.materials().get(1);  // replaced by the electronic 营业执照
        ItemContent.Material committed = TestItems.with(license, "commitmentAllowed", true);
        assertThat(violations(TestItems.with(valid, "materials", List.of(valid.materials().getFirst(), committed))))
                .containsExactly(tuple("materials[1].commitmentAllowed", "item.material.commitment.replaced"));
        ItemContent.Material applicantsOwn = TestItems.with(valid.materials().getFirst(), "commitmentAllowed", true);
        assertThat(violations(TestItems.with(valid, "materials", List.of(applicantsOwn, license)))).isEmpty();
    }

    @Test
    void instantApprovalIsForPromisedItemsOnly() {
        ItemContent immediate = TestItems.with(withRule(ApplicationForm.NONE,
                        new ApprovalCondition("verified.idNumber", Operator.AGE_AT_LEAST, "80", "申请人年满80周岁")),
                "caseType", ItemContent.CaseType.IMMEDIATE, "committedLimit", new TimeLimit(0, LimitUnit.WORKING_DAYS),
                "steps", List.of(new ItemContent.Step("受理并办结", ItemContent.StepRole.WINDOW_CLERK,
                        new TimeLimit(0, LimitUnit.WORKING_DAYS))));
        assertThat(violations(immediate)).containsExactly(tuple("instantApproval", "item.instant-approval.immediate"));
    }

    @Test
    void aConditionRefersToAFieldOfTheFormOrAVerifiedFact() {
        assertThat(violations(withRule(ApplicationForm.of(NAME),
                new ApprovalCondition("applicantAge", Operator.AT_LEAST, "80", "年满80周岁"),
                new ApprovalCondition("verified.income", Operator.AT_LEAST, "0", "有收入"),
                new ApprovalCondition("applicantName", null, "张三", "申请人是张三"))))
                .containsExactly(tuple("instantApproval.conditions[0].field", "item.instant-approval.field"),
                        tuple("instantApproval.conditions[1].field", "item.instant-approval.field"),
                        tuple("instantApproval.conditions[2].operator", "required"));
    }

    @Test
    void anOperatorTakesOnlyTheTypesItFits() {
        FormField address = FormField.of("address", "地址", Type.ADDRESS, true);
        assertThat(violations(withRule(ApplicationForm.of(NAME, ID, address),
                new ApprovalCondition("applicantName", Operator.AT_LEAST, "3", "姓名够长"),
                new ApprovalCondition("applicantIdNumber", Operator.REGION_WITHIN, "377000", "身份证是本市的"),
                new ApprovalCondition("address", Operator.EQUALS, "滨海大道88号", "住在中心"),
                new ApprovalCondition("verified.householdRegion", Operator.AGE_AT_LEAST, "60", "户籍满60年"),
                new ApprovalCondition("applicantIdNumber", Operator.AGE_AT_LEAST, "60", "申请人年满60周岁"))))
                .containsExactly(tuple("instantApproval.conditions[0].operator", "item.instant-approval.operator-type"),
                        tuple("instantApproval.conditions[1].operator", "item.instant-approval.operator-type"),
                        tuple("instantApproval.conditions[2].operator", "item.instant-approval.operator-type"),
                        tuple("instantApproval.conditions[3].operator", "item.instant-approval.operator-type"));
    }

    @Test
    void aConditionsValueIsOfTheTypeTheOperatorAndFieldNeed() {
        FormField years = FormField.of("years", "累计缴费年限", Type.NUMBER, true);
        FormField start = FormField.of("start", "开工日期", Type.DATE, true);
        assertThat(violations(withRule(ApplicationForm.of(years, start, BY_AGENT, KIND),
                new ApprovalCondition("verified.idNumber", Operator.AGE_AT_LEAST, "八十", "年满80周岁"),
                new ApprovalCondition("verified.idNumber", Operator.AGE_AT_LEAST, "151", "年满151周岁"),
                new ApprovalCondition("verified.householdRegion", Operator.REGION_WITHIN, "3770", "户籍在本市"),
                new ApprovalCondition("years", Operator.AT_LEAST, "十五", "缴满15年"),
                new ApprovalCondition("start", Operator.AT_MOST, "明年", "今年开工"),
                new ApprovalCondition("byAgent", Operator.EQUALS, "否", "本人办理"),
                new ApprovalCondition("applicantKind", Operator.IN, "PERSON, 个人", "个人申请"),
                new ApprovalCondition("years", Operator.AT_LEAST, " ", "缴满15年"))))
                .containsExactly(tuple("instantApproval.conditions[0].value", "item.instant-approval.value.age"),
                        tuple("instantApproval.conditions[1].value", "item.instant-approval.value.age"),
                        tuple("instantApproval.conditions[2].value", "item.instant-approval.value.region"),
                        tuple("instantApproval.conditions[3].value", "item.instant-approval.value.number"),
                        tuple("instantApproval.conditions[4].value", "item.instant-approval.value.date"),
                        tuple("instantApproval.conditions[5].value", "item.instant-approval.value.yes-no"),
                        tuple("instantApproval.conditions[6].value", "item.instant-approval.value.choice"),
                        tuple("instantApproval.conditions[7].value", "required"));
    }

    @Test
    void everyConditionIsExplainedToTheApplicantAndThereAreAtMostTwenty() {
        ApprovalCondition unexplained = new ApprovalCondition("verified.idNumber", Operator.AGE_AT_LEAST, "80", " ");
        assertThat(violations(withRule(ApplicationForm.NONE, unexplained)))
                .containsExactly(tuple("instantApproval.conditions[0].explanation", "required"));
        ApprovalCondition fine = new ApprovalCondition("verified.idNumber", Operator.AGE_AT_LEAST, "80", "申请人年满80周岁");
        assertThat(violations(withRule(ApplicationForm.NONE, java.util.Collections.nCopies(21, fine)
                .toArray(ApprovalCondition[]::new))))
                .containsExactly(tuple("instantApproval.conditions", "item.instant-approval.too-many"));
    }

    @Test
    void theMessagesSayWhatToDoInChinese() {
        List<Violation> violations = ItemRules.check(withForm(field("a", Type.NUMBER, "maxLength", 10)), DEPARTMENTS,
                THEMES, CALENDAR);
        assertThat(violations).extracting(Violation::defaultMessage).containsExactly("最多字数只适用于文本和地址");
    }
}
