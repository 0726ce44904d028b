package org.tongban.catalog.instantapproval;

import org.junit.jupiter.api.Test;
import org.tongban.catalog.ApprovalEvaluation;
import org.tongban.catalog.ApprovalEvaluation.ConditionResult;
import org.tongban.catalog.ApprovalEvaluation.Outcome;
import org.tongban.catalog.ApprovalEvaluation.State;
import org.tongban.catalog.VerifiedFact;
import org.tongban.catalog.form.IdNumbers;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The household registration could not be fetched from the shared data (the exchange was down, or the applicant
 * is not in it): the condition cannot be evaluated, and the case goes to a person with the reason, not refused and
 * not approved on what the applicant typed.
 */
class HouseholdRegistrationNotVerifiedTests {

    @Test
    void aMissingVerifiedFactCannotBeEvaluatedAndGoesToAPerson() {
        ApprovalEvaluation evaluation = Rules.ELDERLY_ALLOWANCE.evaluate(Rules.ELDERLY_FORM, Map.of(),
                Map.of(VerifiedFact.ID_NUMBER.key(), IdNumbers.of("377002", "19380101")), Rules.SUBMITTED);
        assertThat(evaluation.outcome()).isEqualTo(Outcome.TO_A_PERSON);
        assertThat(evaluation.conditions()).extracting(ConditionResult::state, ConditionResult::reason)
                .containsExactly(tuple(State.HOLDS, null),
                        tuple(State.CANNOT_EVALUATE, "未取得核验信息：户籍所在地（户籍信息核验）"));
    }

    @Test
    void aVerifiedFactThatIsNotARegionCodeCannotBeEvaluatedEither() {
        ApprovalEvaluation evaluation = Rules.ELDERLY_ALLOWANCE.evaluate(Rules.ELDERLY_FORM, Map.of(),
                Rules.verified(IdNumbers.of("377002", "19380101"), "海川市东港区"), Rules.SUBMITTED);
        assertThat(Rules.states(evaluation)).containsExactly(State.HOLDS, State.CANNOT_EVALUATE);
        assertThat(evaluation.approved()).isFalse();
    }
}
