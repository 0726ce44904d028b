package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.cases.TestCases.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each transition of {@link Case}: the state before, the refusal, the state and events after, the deadlines. */
class CaseTransitionsTest {

    private static final LocalDate MON_0928 = LocalDate.of(2026, 9, 28);
    private static final LocalDate TUE_0929 = LocalDate.of(2026, 9, 29);
    private static final LocalDate WED_0930 = LocalDate.of(2026, 9, 30);

    @Test
    void aSubmissionWaitsForAcceptanceWithinFiveWorkingDays() {
        Case c = submitted(LICENSING, MON_0928, allFiles());

        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        // 09-29, 09-30, then 国庆 to 10-07, then 10-08, 10-09, 10-10 (worked Saturday).
        assertThat(c.deadlines()).isEqualTo(new Deadlines(LocalDate.of(2026, 10, 10), null, null));
        assertThat(c.takeChanges()).singleElement().satisfies(ch -> assertThat(ch.event()).isInstanceOf(CaseSubmitted.class));
    }

    @Test
    void acceptanceStartsThePromisedAndStatutoryDeadlinesFromTheNextDay() {
        Case c = submitted(LICENSING, MON_0928, allFiles());
        c.takeChanges();

        c.accept(on(WED_0930, CLERK), Map.of());

        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.acceptedOn()).isEqualTo(WED_0930);
        // 10 working days: 10-08, 09, 10 (a Saturday worked), 12 … 10-20; 20 working days: … 11-03.
        assertThat(c.deadlines()).isEqualTo(new Deadlines(null, LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 3)));
        CaseChange change = c.takeChanges().getFirst();
        assertThat(change.event()).isInstanceOfSatisfying(CaseAccepted.class, e -> {
            assertThat(e.deemed()).isFalse();
            assertThat(e.acceptanceNoticeNumber()).endsWith("-SL");
        });
        assertThat(change.before().acceptanceDue()).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(change.after().promisedDue()).isEqualTo(LocalDate.of(2026, 10, 20));
    }

    @Test
    void anApplicantCannotAcceptTheirOwnCase() {
        Case c = submitted(LICENSING, MON_0928, allFiles());
        c.takeChanges();

        assertThatThrownBy(() -> c.accept(on(WED_0930, APPLICANT), Map.of()))
                .isInstanceOf(CaseTransitionRefused.class).hasMessageContaining("综合窗口");
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.takeChanges()).isEmpty();
    }

    @Test
    void theCorrectionNoticeIsGivenOnceAndStopsTheClockUntilResubmission() {
        Case c = submitted(LICENSING, MON_0928, allFiles());
        c.requestCorrection(on(TUE_0929, CLERK), List.of(new Correction.Item("经营场所证明", "租赁合同已过期"),
                new Correction.Item("营业执照", "复印件不清晰")));

        assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_CORRECTION);
        assertThat(c.deadlines()).isEqualTo(Deadlines.NONE);

        c.resubmit(on(LocalDate.of(2026, 10, 12), APPLICANT), List.of(file("经营场所证明"), file("营业执照")));
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        // Five working days again from 10-12: 10-13 … 10-19.
        assertThat(c.deadlines().acceptanceDue()).isEqualTo(LocalDate.of(2026, 10, 19));

        assertThatThrownBy(() -> c.requestCorrection(on(LocalDate.of(2026, 10, 13), CLERK),
                List.of(new Correction.Item("营业执照", "again"))))
                .isInstanceOf(CaseTransitionRefused.class)
                .extracting(e -> ((CaseTransitionRefused) e).code()).isEqualTo("case.correction-already-requested");
    }

    @Test
    void aCaseNotDealtWithInTimeCountsAsAcceptedFromTheDayItArrived() {
        Case c = submitted(LICENSING, MON_0928, allFiles());

        assertThatThrownBy(() -> c.deemAccepted(on(LocalDate.of(2026, 10, 10), org.tongban.cases.Actor.platform())))
                .isInstanceOf(CaseTransitionRefused.class);

        c.deemAccepted(on(LocalDate.of(2026, 10, 12), Actor.platform()));

        assertThat(c.acceptedOn()).isEqualTo(MON_0928);
        assertThat(c.deemedAccepted()).isTrue();
        // 10 working days from 09-28: 09-29, 09-30, 10-08 … 10-16.
        assertThat(c.deadlines().promisedDue()).isEqualTo(LocalDate.of(2026, 10, 16));
    }

    @Test
    void aDeferredMaterialBlocksApprovalUntilItArrives() {
        Case c = acceptedWithDeferredPremises();
        c.completeStep(on(LocalDate.of(2026, 10, 8), REVIEWER), "材料齐全，符合条件");

        assertThatThrownBy(() -> c.approve(on(LocalDate.of(2026, 10, 9), HEAD), "同意"))
                .isInstanceOf(DeferredMaterialOutstanding.class).hasMessageContaining("经营场所证明");
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);

        c.receiveDeferredMaterial(on(LocalDate.of(2026, 10, 9), CLERK), "经营场所证明");
        c.approve(on(LocalDate.of(2026, 10, 9), HEAD), "同意");
        assertThat(c.status()).isEqualTo(CaseStatus.APPROVED);
    }

    @Test
    void onlyDeferrableMaterialsMayBeDeferredAndEachNeedsADueDate() {
        assertThatThrownBy(() -> submitted(LICENSING, MON_0928, List.of(deferred("营业执照"))))
                .isInstanceOf(org.tongban.shared.InvalidInputException.class).hasMessageContaining("不能容缺");
        Case c = submitted(LICENSING, MON_0928, List.of(file("营业执照"), deferred("经营场所证明")));
        assertThatThrownBy(() -> c.accept(on(WED_0930, CLERK), Map.of()))
                .isInstanceOf(org.tongban.shared.InvalidInputException.class).hasMessageContaining("补交日期");
    }

    @Test
    void aStepClaimedBySomeoneElseCannotBeWorked() {
        Case c = accepted();
        c.claim(on(LocalDate.of(2026, 10, 8), REVIEWER));

        assertThatThrownBy(() -> c.completeStep(on(LocalDate.of(2026, 10, 8), OTHER_REVIEWER), "同意"))
                .isInstanceOf(CaseTransitionRefused.class).hasMessageContaining("审批王五");
        assertThatThrownBy(() -> c.completeStep(on(LocalDate.of(2026, 10, 8), HEAD), "同意"))
                .isInstanceOf(CaseTransitionRefused.class).hasMessageContaining("审批人员");
        assertThat(c.step()).isZero();
    }

    @Test
    void stepsPassForwardAndBackAndOnlyTheLastDecides() {
        Case c = accepted();
        assertThatThrownBy(() -> c.approve(on(LocalDate.of(2026, 10, 8), REVIEWER), "同意"))
                .isInstanceOf(CaseTransitionRefused.class).extracting(e -> ((CaseTransitionRefused) e).code())
                .isEqualTo("case.not-deciding-step");

        c.completeStep(on(LocalDate.of(2026, 10, 8), REVIEWER), "符合条件");
        assertThat(c.step()).isEqualTo(1);
        c.returnToStep(on(LocalDate.of(2026, 10, 9), HEAD), 0, "请核实场所面积");
        assertThat(c.step()).isZero();
        assertThatThrownBy(() -> c.completeStep(on(LocalDate.of(2026, 10, 9), HEAD), "同意"))
                .isInstanceOf(CaseTransitionRefused.class);
    }

    @Test
    void onlyTheItemsSpecialProceduresStopTheClock() {
        Case c = accepted();
        assertThatThrownBy(() -> c.suspend(on(LocalDate.of(2026, 10, 8), REVIEWER), "听证", "申请人要求"))
                .isInstanceOf(CaseNotSuspendable.class).hasMessageContaining("现场勘验");

        c.suspend(on(LocalDate.of(2026, 10, 8), REVIEWER), "现场勘验", "核实经营场所");
        assertThat(c.status()).isEqualTo(CaseStatus.SUSPENDED);
        assertThat(c.deadlines().promisedDue()).isNull();

        c.resume(on(LocalDate.of(2026, 10, 14), REVIEWER), "场所符合要求");
        // Accepted 09-30; 10-08 counted (the start day), 10-09 to 10-14 stopped; nine more from 10-15: … 10-27.
        assertThat(c.deadlines().promisedDue()).isEqualTo(LocalDate.of(2026, 10, 27));
        assertThat(c.pauses()).singleElement().satisfies(p -> assertThat(p.to()).isEqualTo(LocalDate.of(2026, 10, 14)));
    }

    @Test
    void theHeadExtendsOnceWhereTheItemAllowsIt() {
        Case c = accepted();
        assertThatThrownBy(() -> c.extend(on(LocalDate.of(2026, 10, 8), REVIEWER), "情况复杂"))
                .isInstanceOf(CaseTransitionRefused.class).hasMessageContaining("部门负责人");

        c.extend(on(LocalDate.of(2026, 10, 8), HEAD), "情况复杂，需进一步核查");
        // Statutory 20 working days from 09-30 end 11-03; ten more end 11-17.
        assertThat(c.deadlines().statutoryDue()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThatThrownBy(() -> c.extend(on(LocalDate.of(2026, 10, 9), HEAD), "再延"))
                .isInstanceOf(ExtensionNotAllowed.class);
    }

    @Test
    void noExtensionWhereTheItemAllowsNone() {
        CaseTerms noExtension = new CaseTerms("x", DEPARTMENT, false, Limit.workingDays(20), Limit.workingDays(10),
                null, LICENSING.steps(), LICENSING.materials(), List.of(), null);
        Case c = submitted(noExtension, MON_0928, allFiles());
        c.accept(on(WED_0930, CLERK), Map.of());
        assertThatThrownBy(() -> c.extend(on(LocalDate.of(2026, 10, 8), HEAD), "情况复杂"))
                .isInstanceOf(ExtensionNotAllowed.class).hasMessageContaining("不允许");
    }

    @Test
    void aRejectionNeedsItsLegalBasisAndCompletesTheCase() {
        Case c = accepted();
        c.completeStep(on(LocalDate.of(2026, 10, 8), REVIEWER), "场所不符合要求");
        assertThatThrownBy(() -> c.reject(on(LocalDate.of(2026, 10, 9), HEAD), "场所不符合", " "))
                .isInstanceOf(org.tongban.shared.InvalidInputException.class).hasMessageContaining("法律依据");
        c.takeChanges();

        c.reject(on(LocalDate.of(2026, 10, 9), HEAD), "经营场所与住所未分离", "《食品经营许可和备案管理办法》第十二条");

        assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(c.takeChanges()).extracting(CaseChange::event)
                .hasExactlyElementsOfTypes(CaseRejected.class, CaseCompleted.class);
    }

    @Test
    void anImmediateItemIsCompletedAtAcceptance() {
        Case c = submitted(IMMEDIATE, WED_0930, List.of(file("营业执照")));
        c.takeChanges();
        c.accept(on(WED_0930, CLERK), Map.of());

        assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(c.completedOn()).isEqualTo(WED_0930);
        assertThat(c.takeChanges()).extracting(CaseChange::event)
                .hasExactlyElementsOfTypes(CaseAccepted.class, CaseApproved.class, CaseCompleted.class);
    }

    @Test
    void onlyAnApprovalWithACommitmentCanBeRevoked() {
        Case plain = approvedAndCompleted(allFiles());
        assertThatThrownBy(() -> plain.revoke(on(LocalDate.of(2026, 11, 2), HEAD), "虚假承诺"))
                .isInstanceOf(CaseTransitionRefused.class).extracting(e -> ((CaseTransitionRefused) e).code())
                .isEqualTo("case.no-commitment");

        Case promised = approvedAndCompleted(List.of(file("营业执照"), file("经营场所证明"), committed("食品安全管理制度")));
        promised.revoke(on(LocalDate.of(2026, 11, 2), HEAD), "核查发现未建立食品安全管理制度，承诺不实");
        assertThat(promised.status()).isEqualTo(CaseStatus.REVOKED);
    }

    @Test
    void anApprovalOnACommitmentIsVerifiedOnceByTheDepartment() {
        Case plain = approvedAndCompleted(allFiles());
        assertThat(plain.commitmentCheck()).isNull();
        assertThatThrownBy(() -> plain.checkCommitment(on(LocalDate.of(2026, 11, 2), REVIEWER), true, "属实"))
                .isInstanceOf(CaseTransitionRefused.class).extracting(e -> ((CaseTransitionRefused) e).code())
                .isEqualTo("case.no-commitment-check");

        Case promised = approvedAndCompleted(List.of(file("营业执照"), file("经营场所证明"), committed("食品安全管理制度")));
        assertThat(promised.commitmentCheck()).isNotNull();
        assertThat(promised.commitmentCheck().pending()).isTrue();
        assertThat(promised.commitmentCheck().materials()).containsExactly("食品安全管理制度");
        promised.takeChanges();
        assertThatThrownBy(() -> promised.checkCommitment(on(LocalDate.of(2026, 11, 2), CLERK), false, "不实"))
                .isInstanceOf(CaseTransitionRefused.class);
        assertThatThrownBy(() -> promised.checkCommitment(on(LocalDate.of(2026, 11, 2), REVIEWER), false, " "))
                .isInstanceOf(org.tongban.shared.InvalidInputException.class);

        promised.checkCommitment(on(LocalDate.of(2026, 11, 2), REVIEWER), false, "现场核查未见食品安全管理制度");
        assertThat(promised.commitmentCheck().truthful()).isFalse();
        assertThat(promised.commitmentCheck().checkedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(promised.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(promised.takeChanges()).extracting(CaseChange::event).singleElement()
                .isInstanceOfSatisfying(CommitmentChecked.class, e -> {
                    assertThat(e.truthful()).isFalse();
                    assertThat(e.materials()).containsExactly("食品安全管理制度");
                });
        assertThatThrownBy(() -> promised.checkCommitment(on(LocalDate.of(2026, 11, 3), HEAD), true, "再查"))
                .isInstanceOf(CaseTransitionRefused.class).extracting(e -> ((CaseTransitionRefused) e).code())
                .isEqualTo("case.commitment-checked");
    }

    @Test
    void aCommitmentOnlyWhereTheItemAllowsOne() {
        assertThatThrownBy(() -> submitted(LICENSING, MON_0928, List.of(committed("营业执照"))))
                .isInstanceOf(org.tongban.shared.InvalidInputException.class).hasMessageContaining("告知承诺");
    }

    @Test
    void theCompletionSaysWhetherItWasOnTimeAndWhatCommitmentsToVerify() {
        Case c = submitted(LICENSING, MON_0928, List.of(file("营业执照"), file("经营场所证明"), committed("食品安全管理制度")));
        c.accept(on(WED_0930, CLERK), Map.of());
        c.completeStep(on(LocalDate.of(2026, 10, 8), REVIEWER), "符合条件");
        c.approve(on(LocalDate.of(2026, 10, 21), HEAD), "同意");
        c.takeChanges();
        c.complete(on(LocalDate.of(2026, 10, 21), CLERK));

        assertThat(c.takeChanges().getFirst().event()).isInstanceOfSatisfying(CaseCompleted.class, e -> {
            assertThat(e.onTime()).isFalse(); // promised 10-20
            assertThat(e.commitmentsToVerify()).containsExactly("食品安全管理制度");
        });
    }

    @Test
    void theApplicantWithdrawsBeforeADecisionButNotAfter() {
        Case c = accepted();
        c.withdraw(on(LocalDate.of(2026, 10, 8), APPLICANT), "不再经营");
        assertThat(c.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(c.deadlines()).isEqualTo(Deadlines.NONE);

        Case done = approvedAndCompleted(allFiles());
        assertThatThrownBy(() -> done.withdraw(on(LocalDate.of(2026, 11, 2), APPLICANT), "不要了"))
                .isInstanceOf(CaseTransitionRefused.class).hasMessageContaining("已办结");
    }

    private static Case accepted() {
        Case c = submitted(LICENSING, MON_0928, allFiles());
        c.accept(on(WED_0930, CLERK), Map.of());
        return c;
    }

    private static Case acceptedWithDeferredPremises() {
        Case c = submitted(LICENSING, MON_0928, List.of(file("营业执照"), deferred("经营场所证明"), file("食品安全管理制度")));
        c.accept(on(WED_0930, CLERK), Map.of("经营场所证明", LocalDate.of(2026, 10, 15)));
        return c;
    }

    private static Case approvedAndCompleted(List<SubmittedMaterial> materials) {
        Case c = submitted(LICENSING, MON_0928, materials);
        c.accept(on(WED_0930, CLERK), Map.of());
        c.completeStep(on(LocalDate.of(2026, 10, 8), REVIEWER), "符合条件");
        c.approve(on(LocalDate.of(2026, 10, 9), HEAD), "同意");
        c.complete(on(LocalDate.of(2026, 10, 9), CLERK));
        return c;
    }
}
