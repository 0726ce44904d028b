package org.tongban.catalog.instantapproval;

import org.tongban.catalog.ApplicationForm;
import org.tongban.catalog.ApprovalCondition;
import org.tongban.catalog.ApprovalCondition.Operator;
import org.tongban.catalog.ApprovalEvaluation;
import org.tongban.catalog.ApprovalEvaluation.ConditionResult;
import org.tongban.catalog.ApprovalEvaluation.State;
import org.tongban.catalog.FormField;
import org.tongban.catalog.FormField.Type;
import org.tongban.catalog.InstantApproval;
import org.tongban.catalog.VerifiedFact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The 秒批 rules of the demo city's allowances, as the situations below meet them. */
final class Rules {

    /** The day of submission in every situation. */
    static final LocalDate SUBMITTED = LocalDate.of(2026, 9, 30);

    /** 高龄津贴申领: 本市户籍、年满80周岁, both from verified data. */
    static final InstantApproval ELDERLY_ALLOWANCE = InstantApproval.of(
            new ApprovalCondition(VerifiedFact.ID_NUMBER.key(), Operator.AGE_AT_LEAST, "80", "申请人年满80周岁"),
            new ApprovalCondition(VerifiedFact.HOUSEHOLD_REGION.key(), Operator.REGION_WITHIN, "377000",
                    "申请人户籍在海川市"));

    static final ApplicationForm ELDERLY_FORM = ApplicationForm.of(
            FormField.of("applicantName", "申请人姓名", Type.TEXT, true),
            FormField.of("applicantIdNumber", "申请人身份证号码", Type.ID_NUMBER, true));

    /** 城乡居民基本养老保险待遇申领: age verified, contribution years and other pensions as the applicant states them. */
    static final InstantApproval RESIDENT_PENSION = InstantApproval.of(
            new ApprovalCondition(VerifiedFact.ID_NUMBER.key(), Operator.AGE_AT_LEAST, "60", "申请人年满60周岁"),
            new ApprovalCondition("contributionYears", Operator.AT_LEAST, "15", "累计缴费满15年"),
            new ApprovalCondition("receivingOtherPension", Operator.EQUALS, FormField.NO, "未领取其他基本养老保障待遇"));

    static final ApplicationForm PENSION_FORM = ApplicationForm.of(
            FormField.of("contributionYears", "累计缴费年限", Type.NUMBER, true),
            FormField.of("receivingOtherPension", "是否已领取其他基本养老保障待遇", Type.YES_NO, true));

    private Rules() {
    }

    static Map<String, String> verified(String idNumber, String householdRegion) {
        return Map.of(VerifiedFact.ID_NUMBER.key(), idNumber, VerifiedFact.HOUSEHOLD_REGION.key(), householdRegion);
    }

    static List<State> states(ApprovalEvaluation evaluation) {
        return evaluation.conditions().stream().map(ConditionResult::state).toList();
    }
}
