package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/**
 * 秒批 on the demo city's 城乡居民基本养老保险待遇申领 (age ≥ 60 from the verified ID number, 15 years of
 * contributions, no other pension): 王秋生, born 1958, is approved at submission with the rule named; with ten
 * years of contributions, or when a condition cannot be evaluated, the case waits for a person.
 */
@TongbanTest
class InstantApprovalCaseTests {

    static final String PENSION = "12377000HC0000294B2110004700000";
    static final String WANG = "13800000003";

    @Autowired CaseManagement cases;
    @Autowired SignedIn signedIn;

    private Case apply(String years) {
        Map<String, String> form = Map.of("applicantName", "王秋生", "applicantIdNumber", "37702119580308301X",
                "applicantPhone", "13800000003", "applicantAddress", "海川市东港区滨海大道 1 号",
                "contributionYears", years, "receivingOtherPension", "false");
        Application a = new Application(PENSION, null, form, List.of(),
                new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null));
        return signedIn.as(WANG, () -> cases.submit(a, "pension-" + UUID.randomUUID())).submitted();
    }

    @Test
    void anApplicantWhoMeetsEveryConditionIsApprovedAtSubmission() {
        Case c = apply("16");

        assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(c.decision()).isNotNull();
        assertThat(c.decision().outcome()).isEqualTo(Decision.Outcome.APPROVED);
        assertThat(c.decision().automaticRule()).contains("申请人年满60周岁", "累计缴费满15年");
        assertThat(signedIn.as(WANG, () -> cases.progress(c.number()))).extracting(CaseManagement.Progress::event)
                .containsExactly("CaseSubmitted", "CaseAccepted", "CaseApproved", "CaseCompleted");
    }

    @Test
    void aConditionThatFailsSendsTheCaseToAPerson() {
        Case c = apply("10");

        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.decision()).isNull();
    }
}
