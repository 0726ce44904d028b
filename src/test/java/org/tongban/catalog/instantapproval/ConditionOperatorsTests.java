package org.tongban.catalog.instantapproval;

import org.junit.jupiter.api.Test;
import org.tongban.catalog.ApplicationForm;
import org.tongban.catalog.ApprovalCondition;
import org.tongban.catalog.ApprovalCondition.Operator;
import org.tongban.catalog.ApprovalEvaluation.State;
import org.tongban.catalog.FormField;
import org.tongban.catalog.FormField.Option;
import org.tongban.catalog.FormField.Type;
import org.tongban.catalog.InstantApproval;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each operator on the types it takes, one answer at a time: what holds, what fails, what cannot be read. */
class ConditionOperatorsTests {

    private static State state(Type type, Operator operator, String value, String answer) {
        FormField field = type == Type.CHOICE
                ? new FormField("answer", "回答", type, false, null, null, null, null, null, null, null, null,
                List.of(new Option("LOW", "低保家庭"), new Option("POOR", "特困供养人员"), new Option("EDGE", "低保边缘家庭")), null)
                : FormField.of("answer", "回答", type, false);
        return InstantApproval.of(new ApprovalCondition("answer", operator, value, "说明"))
                .evaluate(ApplicationForm.of(field), Map.of("answer", answer), Map.of(), Rules.SUBMITTED)
                .conditions().getFirst().state();
    }

    @Test
    void equalsComparesAsTheTypeReads() {
        assertThat(state(Type.NUMBER, Operator.EQUALS, "15", "15.0")).isEqualTo(State.HOLDS);
        assertThat(state(Type.DATE, Operator.EQUALS, "2026-09-30", "2026年9月30日")).isEqualTo(State.HOLDS);
        assertThat(state(Type.REGION, Operator.EQUALS, "377002", "377002000000")).isEqualTo(State.HOLDS);
        assertThat(state(Type.YES_NO, Operator.EQUALS, "false", "true")).isEqualTo(State.FAILS);
        assertThat(state(Type.TEXT, Operator.NOT_EQUALS, "无", "有")).isEqualTo(State.HOLDS);
        assertThat(state(Type.NUMBER, Operator.NOT_EQUALS, "0", "0.00")).isEqualTo(State.FAILS);
    }

    @Test
    void atLeastAndAtMostCompareNumbersAndDates() {
        assertThat(state(Type.NUMBER, Operator.AT_LEAST, "15", "15")).isEqualTo(State.HOLDS);
        assertThat(state(Type.NUMBER, Operator.AT_LEAST, "15", "14.9")).isEqualTo(State.FAILS);
        assertThat(state(Type.NUMBER, Operator.AT_MOST, "3500", "3499.99")).isEqualTo(State.HOLDS);
        assertThat(state(Type.DATE, Operator.AT_LEAST, "2025-01-01", "2024-12-31")).isEqualTo(State.FAILS);
        assertThat(state(Type.DATE, Operator.AT_MOST, "2025-01-01", "2025-01-01")).isEqualTo(State.HOLDS);
        assertThat(state(Type.NUMBER, Operator.AT_LEAST, "15", "很多")).isEqualTo(State.CANNOT_EVALUATE);
    }

    @Test
    void inIsAnyOfTheValuesGiven() {
        assertThat(state(Type.CHOICE, Operator.IN, "LOW, POOR", "POOR")).isEqualTo(State.HOLDS);
        assertThat(state(Type.CHOICE, Operator.IN, "LOW，POOR", "EDGE")).isEqualTo(State.FAILS);
    }

    @Test
    void ageAtLeastCountsWholeYearsFromADateToo() {
        assertThat(state(Type.DATE, Operator.AGE_AT_LEAST, "18", "2008-09-30")).isEqualTo(State.HOLDS);
        assertThat(state(Type.DATE, Operator.AGE_AT_LEAST, "18", "2008-10-01")).isEqualTo(State.FAILS);
        assertThat(state(Type.DATE, Operator.AGE_AT_LEAST, "18", "2030-01-01")).as("not born yet")
                .isEqualTo(State.CANNOT_EVALUATE);
        assertThat(state(Type.ID_NUMBER, Operator.AGE_AT_LEAST, "18", "377002200801013019"))
                .as("an invalid ID number").isEqualTo(State.CANNOT_EVALUATE);
    }

    @Test
    void regionWithinFollowsTheCodeHierarchy() {
        assertThat(state(Type.REGION, Operator.REGION_WITHIN, "377000", "377021")).isEqualTo(State.HOLDS);
        assertThat(state(Type.REGION, Operator.REGION_WITHIN, "377002", "377021")).isEqualTo(State.FAILS);
        assertThat(state(Type.REGION, Operator.REGION_WITHIN, "370000", "377021")).isEqualTo(State.HOLDS);
        assertThat(state(Type.REGION, Operator.REGION_WITHIN, "377000", "3770")).isEqualTo(State.CANNOT_EVALUATE);
    }

    @Test
    void aConditionOnAFieldTheFormDoesNotHaveCannotBeEvaluated() {
        assertThat(InstantApproval.of(new ApprovalCondition("gone", Operator.EQUALS, "x", "说明"))
                .evaluate(ApplicationForm.NONE, Map.of("gone", "x"), Map.of(), Rules.SUBMITTED).conditions().getFirst()
                .state()).isEqualTo(State.CANNOT_EVALUATE);
    }
}
