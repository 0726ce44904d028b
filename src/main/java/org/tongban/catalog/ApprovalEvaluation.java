package org.tongban.catalog;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What an item's 秒批 rule says about one application: each condition with whether it holds, and the outcome.
 * Only approval is automatic: a condition that fails or cannot be evaluated sends the case to a person, who may
 * still approve it, and who alone may refuse it with reasons (行政许可法 §38).
 *
 * @param outcome    APPROVE when every condition holds (and there is at least one), TO_A_PERSON otherwise
 * @param conditions every condition of the rule, in its order, with its result
 */
public record ApprovalEvaluation(Outcome outcome, List<ConditionResult> conditions) {

    public ApprovalEvaluation {
        conditions = List.copyOf(conditions);
    }

    public boolean approved() {
        return outcome == Outcome.APPROVE;
    }

    public enum Outcome { APPROVE, TO_A_PERSON }

    public enum State { HOLDS, FAILS, CANNOT_EVALUATE }

    /**
     * @param reason why the condition could not be evaluated ("未填写“申请人身份证号码”"), for the person who takes
     *               the case over; null when it holds or fails
     */
    public record ConditionResult(ApprovalCondition condition, State state, @Nullable String reason) {

        /** The condition as the applicant reads it: 申请人年满80周岁. */
        public String explanation() {
            return condition.explanation();
        }
    }
}
