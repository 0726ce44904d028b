package org.tongban.catalog.instantapproval;

import org.junit.jupiter.api.Test;
import org.tongban.catalog.ApprovalEvaluation;
import org.tongban.catalog.ApprovalEvaluation.Outcome;
import org.tongban.catalog.ApprovalEvaluation.State;
import org.tongban.catalog.form.IdNumbers;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone born on 1946-10-01 applies on 2026-09-30, the day before their 80th birthday: the age condition fails and
 * a person decides; applying on the birthday itself, it holds. Age is counted in whole years on the day of submission.
 */
class ApplicantTurningEightyTomorrowTests {

    private final String idNumber = IdNumbers.of("377002", "19461001");

    @Test
    void theDayBeforeTheBirthdayGoesToAPerson() {
        ApprovalEvaluation evaluation = Rules.ELDERLY_ALLOWANCE.evaluate(Rules.ELDERLY_FORM, Map.of(),
                Rules.verified(idNumber, "377002"), Rules.SUBMITTED);
        assertThat(evaluation.outcome()).isEqualTo(Outcome.TO_A_PERSON);
        assertThat(Rules.states(evaluation)).containsExactly(State.FAILS, State.HOLDS);
        assertThat(evaluation.conditions().getFirst().reason()).isNull();
    }

    @Test
    void onTheBirthdayItIsApproved() {
        ApprovalEvaluation evaluation = Rules.ELDERLY_ALLOWANCE.evaluate(Rules.ELDERLY_FORM, Map.of(),
                Rules.verified(idNumber, "377002"), Rules.SUBMITTED.plusDays(1));
        assertThat(evaluation.outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void someoneBornOnTheTwentyNinthOfFebruaryIsEightyOnTheFirstOfMarchOfACommonYear() {
        String leap = IdNumbers.of("377002", "19440229");
        assertThat(Rules.ELDERLY_ALLOWANCE.evaluate(Rules.ELDERLY_FORM, Map.of(), Rules.verified(leap, "377002"),
                java.time.LocalDate.of(2024, 2, 28)).approved()).isFalse();
        assertThat(Rules.ELDERLY_ALLOWANCE.evaluate(Rules.ELDERLY_FORM, Map.of(), Rules.verified(leap, "377002"),
                java.time.LocalDate.of(2024, 2, 29)).approved()).isTrue();
    }
}
