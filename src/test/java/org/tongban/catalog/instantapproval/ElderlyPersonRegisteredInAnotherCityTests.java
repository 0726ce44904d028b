package org.tongban.catalog.instantapproval;

import org.junit.jupiter.api.Test;
import org.tongban.catalog.ApprovalEvaluation;
import org.tongban.catalog.ApprovalEvaluation.Outcome;
import org.tongban.catalog.ApprovalEvaluation.State;
import org.tongban.catalog.form.IdNumbers;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An 85-year-old whose household is registered in 青岛 (370200) applies in 海川: the residence condition fails. 秒批
 * does not refuse; a person decides, and may still find that the allowance applies (a move of registration not yet
 * in the shared data).
 */
class ElderlyPersonRegisteredInAnotherCityTests {

    private final ApprovalEvaluation evaluation = Rules.ELDERLY_ALLOWANCE.evaluate(Rules.ELDERLY_FORM, Map.of(),
            Rules.verified(IdNumbers.of("377002", "19410512"), "370202"), Rules.SUBMITTED);

    @Test
    void goesToAPersonWithTheConditionThatFailed() {
        assertThat(evaluation.outcome()).isEqualTo(Outcome.TO_A_PERSON);
        assertThat(Rules.states(evaluation)).containsExactly(State.HOLDS, State.FAILS);
        assertThat(evaluation.conditions().get(1).explanation()).isEqualTo("申请人户籍在海川市");
    }

    @Test
    void theIdNumbersPlaceOfFirstRegistrationDoesNotCount() {
        // Born and first registered in 海川 (377002…), living in 青岛 since: only the household registration decides.
        assertThat(evaluation.approved()).isFalse();
    }
}
