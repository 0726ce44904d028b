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

/** A 61-year-old applies for the residents' pension with conditions over the form's answers as well as verified data. */
class ResidentApplyingForPensionTests {

    private final Map<String, String> verified = Rules.verified(IdNumbers.of("377021", "19650720"), "377021");

    private ApprovalEvaluation evaluate(String years, String otherPension) {
        return Rules.RESIDENT_PENSION.evaluate(Rules.PENSION_FORM,
                Map.of("contributionYears", years, "receivingOtherPension", otherPension), verified, Rules.SUBMITTED);
    }

    @Test
    void fifteenYearsOfContributionsAndNoOtherPensionAreApproved() {
        ApprovalEvaluation evaluation = evaluate("15", "false");
        assertThat(evaluation.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(evaluation.conditions()).extracting(ConditionResult::explanation)
                .containsExactly("申请人年满60周岁", "累计缴费满15年", "未领取其他基本养老保障待遇");
    }

    @Test
    void fourteenYearsGoToAPerson() {
        assertThat(Rules.states(evaluate("14", "false"))).containsExactly(State.HOLDS, State.FAILS, State.HOLDS);
    }

    @Test
    void anotherPensionAlreadyDrawnGoesToAPerson() {
        assertThat(evaluate("20", "true").outcome()).isEqualTo(Outcome.TO_A_PERSON);
    }

    @Test
    void anAnswerThatIsNotANumberCannotBeEvaluated() {
        ApprovalEvaluation evaluation = evaluate("十五年", "false");
        assertThat(evaluation.conditions()).extracting(ConditionResult::state, ConditionResult::reason)
                .contains(tuple(State.CANNOT_EVALUATE, "“累计缴费年限”无法按条件判断"));
        assertThat(evaluation.approved()).isFalse();
    }

    @Test
    void anUnansweredQuestionCannotBeEvaluated() {
        ApprovalEvaluation evaluation = Rules.RESIDENT_PENSION.evaluate(Rules.PENSION_FORM,
                Map.of("receivingOtherPension", "false"), verified, Rules.SUBMITTED);
        assertThat(evaluation.conditions().get(1)).extracting(ConditionResult::state, ConditionResult::reason)
                .containsExactly(State.CANNOT_EVALUATE, "未填写“累计缴费年限”");
    }
}
