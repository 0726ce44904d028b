package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.tongban.catalog.ItemContent.LimitUnit;
import org.tongban.catalog.ItemContent.TimeLimit;
import org.tongban.shared.Violation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.catalog.TestItems.DEPARTMENTS;
import static org.tongban.catalog.TestItems.THEMES;

class ItemRulesTests {

    private final ItemContent valid = TestItems.valid("测试许可", "0001");

    private static List<String> fields(ItemContent item) {
        return ItemRules.check(item, DEPARTMENTS, THEMES).stream().map(Violation::field).toList();
    }

    private static ItemContent with(ItemContent i, TimeLimit statutory, TimeLimit committed) {
        return TestItems.with(i, "statutoryLimit", statutory, "committedLimit", committed);
    }

    private static ItemContent named(ItemContent i, String name, String department, String code) {
        return TestItems.with(i, "name", name, "departmentCreditCode", department, "implementationCode", code);
    }

    @Test
    void acceptsACompleteItem() {
        assertThat(ItemRules.check(valid, DEPARTMENTS, THEMES)).isEmpty();
    }

    @Test
    void refusesACommittedLimitAboveTheStatutoryOne() {
        ItemContent item = with(valid, new TimeLimit(5, LimitUnit.WORKING_DAYS), new TimeLimit(6, LimitUnit.WORKING_DAYS));
        List<Violation> violations = ItemRules.check(item, DEPARTMENTS, THEMES);
        assertThat(violations).extracting(Violation::field).contains("committedLimit");
        assertThat(violations).extracting(Violation::code).contains("item.committed-exceeds-statutory");
    }

    @Test
    void comparesLimitsAcrossUnitsAtTheNominalLengthOfAWorkingWeek() {
        // 15 working days are three weeks, 21 natural days: more than 20 natural days, less than 30.
        assertThat(fields(with(valid, new TimeLimit(20, LimitUnit.NATURAL_DAYS), new TimeLimit(15, LimitUnit.WORKING_DAYS))))
                .contains("committedLimit");
        assertThat(fields(with(valid, new TimeLimit(30, LimitUnit.NATURAL_DAYS), new TimeLimit(15, LimitUnit.WORKING_DAYS))))
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
        assertThat(ItemRules.check(named(valid, valid.name(), valid.departmentCreditCode(), broken), DEPARTMENTS, THEMES))
                .extracting(Violation::code).containsExactly("item.implementation-code.credit-code");
    }

    @Test
    void refusesMarkupInTextFieldsNamingTheField() {
        List<Violation> violations = ItemRules.check(
                named(valid, "<script>alert(1)</script>", valid.departmentCreditCode(), valid.implementationCode()),
                DEPARTMENTS, THEMES);
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
        assertThat(ItemRules.check(immediate, DEPARTMENTS, THEMES)).extracting(Violation::code)
                .contains("item.immediate.limit");
    }

    @Test
    void refusesStepsThatTakeLongerThanTheCommittedLimit() {
        assertThat(ItemRules.check(with(valid, new TimeLimit(20, LimitUnit.WORKING_DAYS),
                new TimeLimit(3, LimitUnit.WORKING_DAYS)), DEPARTMENTS, THEMES))
                .extracting(Violation::code).containsExactly("item.steps.exceed-committed");
    }

    @Test
    void refusesAThemeOfTheOtherAudience() {
        ItemContent birth = TestItems.with(valid, "themes", java.util.List.of("BIRTH", "NOPE"));
        assertThat(fields(birth)).containsExactly("themes[0]", "themes[1]");
    }
}
