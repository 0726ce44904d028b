package org.tongban.catalog.instantapproval;

import org.junit.jupiter.api.Test;
import org.tongban.catalog.ApprovalEvaluation;
import org.tongban.catalog.ApprovalEvaluation.ConditionResult;
import org.tongban.catalog.ApprovalEvaluation.Outcome;
import org.tongban.catalog.ApprovalEvaluation.State;
import org.tongban.catalog.form.IdNumbers;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** An 82-year-old registered in 东港区 applies for the 高龄津贴: approved at once, and told why. */
class ElderlyResidentApplyingForAllowanceTests {

    private final ApprovalEvaluation evaluation = Rules.ELDERLY_ALLOWANCE.evaluate(Rules.ELDERLY_FORM,
            Map.of("applicantName", "王秋生", "applicantIdNumber", IdNumbers.of("377002", "19440308")),
            Rules.verified(IdNumbers.of("377002", "19440308"), "377002"), Rules.SUBMITTED);

    @Test
    void isApprovedAutomatically() {
        assertThat(evaluation.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(evaluation.approved()).isTrue();
    }

    @Test
    void readsEachConditionItHeldInThePlainWordsOfTheRule() {
        assertThat(evaluation.conditions()).extracting(ConditionResult::explanation, ConditionResult::state,
                        ConditionResult::reason)
                .containsExactly(tuple("申请人年满80周岁", State.HOLDS, null), tuple("申请人户籍在海川市", State.HOLDS, null));
    }

    @Test
    void aTownshipOfTheCityIsWithinTheCity() {
        ApprovalEvaluation township = Rules.ELDERLY_ALLOWANCE.evaluate(Rules.ELDERLY_FORM, Map.of(),
                Rules.verified(IdNumbers.of("377002", "19440308"), "377002101000"), Rules.SUBMITTED);
        assertThat(township.approved()).isTrue();
    }
}
