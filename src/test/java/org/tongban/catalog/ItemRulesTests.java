package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.tongban.catalog.ItemContent.LimitUnit;
import org.tongban.catalog.ItemContent.TimeLimit;
import org.tongban.shared.Violation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.catalog.TestItems.CALENDAR;
import static org.tongban.catalog.TestItems.DEPARTMENTS;
import static org.tongban.catalog.TestItems.THEMES;

class ItemRulesTests {

    private final ItemContent valid = TestItems.valid("测试许可", "0001");

    private static List<String> fields(ItemContent item) {
        return ItemRules.check(item, DEPARTMENTS, THEMES, CALENDAR).stream().map(Violation::field).toList();
    }

    private static List<org.assertj.core.groups.Tuple> violations(ItemContent item) {
        return ItemRules.check(item, DEPARTMENTS, THEMES, CALENDAR).stream()
                .map(v -> tuple(v.field(), v.code(), v.arguments())).toList();
    }

    private static ItemContent with(ItemContent i, TimeLimit statutory, TimeLimit committed) {
        return TestItems.with(i, "statutoryLimit", statutory, "committedLimit", committed);
    }

    private static ItemContent named(ItemContent i, String name, String department, String code) {
        return TestItems.with(i, "name", name, "departmentCreditCode", department, "implementationCode", code);
    }

    @Test
    void acceptsACompleteItem() {
        assertThat(ItemRules.check(valid, DEPARTMENTS, THEMES, CALENDAR)).isEmpty();
    }

    @Test
    void refusesACommittedLimitAboveTheStatutoryOne() {
        ItemContent item = with(valid, new TimeLimit(5, LimitUnit.WORKING_DAYS), new TimeLimit(6, LimitUnit.WORKING_DAYS));
        List<Violation> violations = ItemRules.check(item, DEPARTMENTS, THEMES, CALENDAR);
        assertThat(violations).extracting(Violation::field).contains("committedLimit");
        assertThat(violations).extracting(Violation::code).contains("item.committed-exceeds-statutory");
    }

    @Test
    void aPromiseInWorkingDaysFitsANaturalDayLimitOnlyIfItDoesAroundEveryHoliday() {
        // Five working days before 国庆 2026 take 15 natural days (09-23 to 10-08); 7/5 of a week would say 7.
        assertThat(violations(with(valid, new TimeLimit(14, LimitUnit.NATURAL_DAYS), new TimeLimit(5, LimitUnit.WORKING_DAYS))))
                .containsExactly(tuple("committedLimit", "item.committed-exceeds-statutory.working-days", List.of(5, 15, 14)));
        assertThat(fields(with(valid, new TimeLimit(15, LimitUnit.NATURAL_DAYS), new TimeLimit(5, LimitUnit.WORKING_DAYS))))
                .doesNotContain("committedLimit");
        // 20 working days take up to 35 natural days across 元旦 and 春节 2025; 7/5 would allow 28.
        assertThat(fields(with(valid, new TimeLimit(28, LimitUnit.NATURAL_DAYS), new TimeLimit(20, LimitUnit.WORKING_DAYS))))
                .contains("committedLimit");
        assertThat(fields(with(valid, new TimeLimit(35, LimitUnit.NATURAL_DAYS), new TimeLimit(20, LimitUnit.WORKING_DAYS))))
                .doesNotContain("committedLimit");
    }

    @Test
    void aPromiseInNaturalDaysFitsAWorkingDayLimitOnlyIfItDoesWhenWeekendsAreWorked() {
        // 20 working days can take as few as 25 natural days (from 2026-02-23, with the worked Saturday 02-28), so
        // a promise of 28 natural days, 7/5 of the 20, can end after the statutory deadline.
        assertThat(violations(with(valid, new TimeLimit(20, LimitUnit.WORKING_DAYS), new TimeLimit(28, LimitUnit.NATURAL_DAYS))))
                .containsExactly(tuple("committedLimit", "item.committed-exceeds-statutory.natural-days", List.of(20, 25, 28)));
        assertThat(fields(with(valid, new TimeLimit(20, LimitUnit.WORKING_DAYS), new TimeLimit(26, LimitUnit.NATURAL_DAYS))))
                .contains("committedLimit");
        assertThat(fields(with(valid, new TimeLimit(20, LimitUnit.WORKING_DAYS), new TimeLimit(25, LimitUnit.NATURAL_DAYS))))
                .doesNotContain("committedLimit");
    }

    @Test
    void allowsItemsWithoutAStatutoryLimit() {
        assertThat(fields(with(valid, null, new TimeLimit(5, LimitUnit.WORKING_DAYS)))).isEmpty();
    }

    @Test
    void refusesALimitWithoutUnit() {
        assertThat(fields(with(valid, new TimeLimit(20, null), new TimeLimit(5, LimitUnit.WORKING_DAYS))))
                .contains("statutoryLimit.unit");
    }

    @Test
    void refusesAnUnknownDepartment() {
        String unknown = "11377000HC0000032N"; // a valid credit code, but not in the list of departments
        assertThat(fields(named(valid, valid.name(), unknown, unknown + valid.basicCode() + "0")))
                .contains("departmentCreditCode");
    }

    @Test
    void refusesAnImplementationCodeOfAnotherDepartment() {
        String other = "11377000HC0000032N" + valid.basicCode() + "0";
        assertThat(fields(named(valid, valid.name(), valid.departmentCreditCode(), other)))
                .containsExactly("implementationCode");
    }

    @Test
    void refusesAnImplementationCodeWithoutAValidCreditCode() {
        String broken = "11377000HC00002512" + valid.basicCode() + "0";
        assertThat(ItemRules.check(named(valid, valid.name(), valid.departmentCreditCode(), broken), DEPARTMENTS, THEMES, CALENDAR))
                .extracting(Violation::code).containsExactly("item.implementation-code.credit-code");
    }

    @Test
    void refusesMarkupInTextFieldsNamingTheField() {
        List<Violation> violations = ItemRules.check(
                named(valid, "<script>alert(1)</script>", valid.departmentCreditCode(), valid.implementationCode()),
                DEPARTMENTS, THEMES, CALENDAR);
        assertThat(violations).extracting(Violation::field).containsExactly("name");
        assertThat(violations).extracting(Violation::code).containsExactly("markup");
    }

    @Test
    void refusesAMissingName() {
        assertThat(fields(named(valid, " ", valid.departmentCreditCode(), valid.implementationCode())))
                .containsExactly("name");
    }

    @Test
    void refusesAnImmediateItemWithAPromisedLimit() {
        ItemContent immediate = TestItems.with(valid, "caseType", ItemContent.CaseType.IMMEDIATE);
        assertThat(ItemRules.check(immediate, DEPARTMENTS, THEMES, CALENDAR)).extracting(Violation::code)
                .contains("item.immediate.limit");
    }

    @Test
    void refusesStepsThatTakeLongerThanTheCommittedLimit() {
        assertThat(ItemRules.check(with(valid, new TimeLimit(20, LimitUnit.WORKING_DAYS),
                new TimeLimit(3, LimitUnit.WORKING_DAYS)), DEPARTMENTS, THEMES, CALENDAR))
                .extracting(Violation::code).containsExactly("item.steps.exceed-committed");
    }

    @Test
    void refusesAThemeOfTheOtherAudience() {
        ItemContent birth = TestItems.with(valid, "themes", java.util.List.of("BIRTH", "NOPE"));
        assertThat(fields(birth)).containsExactly("themes[0]", "themes[1]");
    }

    @Test
    void anEntrustedPowerNamesTheEntrustingDepartmentAndOnlyAnEntrustedOne() {
        ItemContent entrusted = TestItems.with(valid, "powerSource", ItemContent.PowerSource.ENTRUSTED_BY_HIGHER);
        assertThat(ItemRules.check(entrusted, DEPARTMENTS, THEMES, CALENDAR)).extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("entrustingDepartment", "required"));
        assertThat(fields(TestItems.with(entrusted, "entrustingDepartment", "省市场监督管理局"))).isEmpty();

        ItemContent statutory = TestItems.with(valid, "entrustingDepartment", "省市场监督管理局");
        assertThat(ItemRules.check(statutory, DEPARTMENTS, THEMES, CALENDAR)).extracting(Violation::code)
                .containsExactly("item.entrusting-department.not-entrusted");
    }

    @Test
    void refusesAnExerciseLevelListedTwice() {
        // Kept in one order (the set's), so the second CITY is the second entry.
        assertThat(fields(TestItems.with(valid, "exerciseLevels", List.of("CITY", "COUNTY", "CITY"))))
                .containsExactly("exerciseLevels[1]");
    }

    @Test
    void theOrderInWhichChoicesWereTickedIsNotAChange() {
        ItemContent reordered = TestItems.with(valid, "handlingForms", List.of("COUNTER", "ONLINE"),
                "exerciseLevels", List.of("COUNTY", "CITY"));
        ItemContent inEnumOrder = TestItems.with(valid, "handlingForms", List.of("ONLINE", "COUNTER"),
                "exerciseLevels", List.of("CITY", "COUNTY"));
        assertThat(reordered).isEqualTo(inEnumOrder);
        assertThat(reordered.handlingForms()).containsExactly(ItemContent.HandlingForm.COUNTER, ItemContent.HandlingForm.ONLINE);
    }

    @Test
    void anOnlineAddressIsAWebAddressOfAnItemHandledOnline() {
        assertThat(fields(TestItems.with(valid, "onlineAddress", "https://zwfw.haichuan.example/apply?item=1"))).isEmpty();
        for (String bad : List.of("javascript:alert(1)", "ftp://files.example/x", "https://", "www.example.gov.cn",
                "https://a.example/\"><script>", "https://a.example/" + "x".repeat(500))) {
            assertThat(ItemRules.check(TestItems.with(valid, "onlineAddress", bad), DEPARTMENTS, THEMES, CALENDAR))
                    .as(bad).extracting(Violation::field, Violation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("onlineAddress", "item.online-address.format"));
        }
        ItemContent counterOnly = TestItems.with(valid, "onlineDepth", "PRE_REVIEW", "handlingForms", List.of("COUNTER"),
                "onlineAddress", "https://zwfw.haichuan.example/apply");
        assertThat(ItemRules.check(counterOnly, DEPARTMENTS, THEMES, CALENDAR)).extracting(Violation::code)
                .containsExactly("item.online-address.not-online");
    }

    @Test
    void refusesAMalformedHandleItemCode() {
        assertThat(fields(TestItems.with(valid, "handleItemCode", valid.implementationCode() + "01"))).isEmpty();
        assertThat(fields(TestItems.with(valid, "handleItemCode", "办理项 01"))).containsExactly("handleItemCode");
        assertThat(fields(TestItems.with(valid, "handleItemCode", "A".repeat(51)))).containsExactly("handleItemCode");
    }

    @Test
    void aSpecialProcedureIsNamedAndItsLimitValid() {
        ItemContent item = TestItems.with(valid, "specialProcedures", List.of(
                new ItemContent.SpecialProcedure("专家评审", new TimeLimit(10, LimitUnit.WORKING_DAYS), "由专家组评审"),
                new ItemContent.SpecialProcedure(" ", new TimeLimit(5000, LimitUnit.WORKING_DAYS), null),
                new ItemContent.SpecialProcedure("听证", new TimeLimit(5, null), "<b>公开</b>")));
        assertThat(fields(item)).containsExactly("specialProcedures[1].name", "specialProcedures[1].limit.value",
                "specialProcedures[2].limit.unit", "specialProcedures[2].note");
    }

    @Test
    void intermediaryServicesArePlainNames() {
        assertThat(fields(TestItems.with(valid, "intermediaryServices", List.of("房屋安全鉴定", "<i>测绘</i>"))))
                .containsExactly("intermediaryServices[1]");
    }

    @Test
    void aWaiverBasisBelongsToAWaivableFee() {
        ItemContent.Fee fee = new ItemContent.Fee("工本费", "每证 20 元", null, false, "低保对象免收");
        assertThat(ItemRules.check(TestItems.with(valid, "fees", List.of(fee)), DEPARTMENTS, THEMES, CALENDAR))
                .extracting(Violation::field, Violation::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fees[0].waiverBasis", "item.fee.waiver-basis.not-waivable"));
        ItemContent.Fee waivable = new ItemContent.Fee("工本费", "每证 20 元", null, true, "低保对象免收");
        assertThat(fields(TestItems.with(valid, "fees", List.of(waivable)))).isEmpty();
    }

    @Test
    void aMaterialsAcceptanceStandardAndBasisArePlainText() {
        ItemContent.Material m = valid.materials().getFirst();
        ItemContent.Material marked = new ItemContent.Material(m.name(), m.requirement(), null, m.form(), 1, 0,
                "A4".repeat(101), m.source(), null, false, false, null, null, null, "<b>完整</b>", "《条例》第三条", null, null);
        assertThat(fields(TestItems.with(valid, "materials", List.of(marked))))
                .containsExactly("materials[0].paperSpec", "materials[0].acceptanceStandard");
    }

    @Test
    void aKindOfApplicantBelongsToAnAudienceOfTheItem() {
        assertThat(fields(TestItems.with(valid, "serviceObjects", List.of("UNINCORPORATED_ENTERPRISE", "ENTERPRISE"))))
                .isEmpty();
        assertThat(ItemRules.check(TestItems.with(valid, "serviceObjects", List.of("ENTERPRISE", "NATURAL_PERSON")),
                DEPARTMENTS, THEMES, CALENDAR)).extracting(Violation::field, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("serviceObjects[0]", "item.service-object.audience"));
        assertThat(ItemContent.ServiceObject.SOCIAL_ORGANISATION.nationalCode()).isEqualTo("4");
    }
}
