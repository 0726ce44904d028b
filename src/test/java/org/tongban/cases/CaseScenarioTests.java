package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.security.access.AccessDeniedException;
import org.tongban.cases.SubmittedMaterial.Provision;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemContent.Material;
import org.tongban.catalog.ItemContent.MaterialForm;
import org.tongban.catalog.ItemContent.MaterialSource;
import org.tongban.catalog.ItemContent.Requirement;
import org.tongban.catalog.TestItems;
import org.tongban.identity.Role;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's scenarios, end to end through {@link CaseManagement} on PostgreSQL, signed in as the demo accounts
 * (the enterprise, clerk, reviewer.scj, head.scj, the citizens), with the platform clock moved across real days of
 * the published 2026 calendar. Every deadline asserted here is a date literal worked out by hand from
 * {@code calendar/2026.json}, never asked of {@link CaseClock}:
 *
 * <pre>
 * September 2026           October 2026             November 2026
 * Mo Tu We Th Fr Sa Su   Mo Tu We Th Fr Sa Su   Mo Tu We Th Fr Sa Su
 *     1  2  3  4  5  6             1  2  3  4                      1
 *  7  8  9 10 11 12 13    5  6  7  8  9 10 11    2  3  4  5  6  7  8
 * 14 15 16 17 18 19 20   12 13 14 15 16 17 18    9 10 11 12 13 14 15
 * 21 22 23 24 25 26 27   19 20 21 22 23 24 25   16 17 18 19 20 21 22
 * 28 29 30               26 27 28 29 30 31      23 24 25 26 27 28 29
 *                                               30
 * </pre>
 * 09-20 (a Sunday) is worked (国庆 调休); 09-25..27 are off (中秋); 10-01..07 are off (国庆); 10-10 (a Saturday) is
 * worked (国庆 调休). Every other Saturday and Sunday is off, every other weekday worked.
 */
@TongbanTest
@ExtendWith(PublishedEventsExtension.class)
class CaseScenarioTests {

    static final String ENTERPRISE = "91377002HC10000182";
    static final String ZHANG = "13800000001";
    static final String WANG = "13800000003";
    /** 高龄津贴申领 in the demo catalogue: 秒批 when the verified ID number says 80 or older and the household is in the city. */
    static final String ELDERLY_ALLOWANCE = "11377000HC000007540510004900000";
    static final String PREMISES = "经营场所使用证明";

    @Autowired CaseManagement cases;
    @Autowired Cases repository;
    @Autowired CaseAudit audit;
    @Autowired CaseDeadlineWatch watch;
    @Autowired CatalogManagement catalog;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- a. apply → correction → resubmit → accept with a deferred material → … → complete ----

    /**
     * The licensing test item: statutory 20 and promised 5 working days, steps 审查 (reviewer) and 决定 (head)
     * after the counter's acceptance, 经营场所平面图 deferrable (容缺), 现场核查 as special procedure.
     */
    @Test
    void aLicenceFromApplicationToCompletionKeepsEveryDeadlineOnThe2026Calendar(PublishedEvents events) {
        day("2026-09-17");
        String item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2026, 9, 17));

        // Thursday 09-17: the application arrives with the floor plan declared deferred (容缺).
        Case submitted = signedIn.as(ENTERPRISE, () -> cases.submit(application(item, upload(ENTERPRISE, CaseTestItems.FORM),
                deferred(CaseTestItems.FLOOR_PLAN)), key())).submitted();
        CaseNumber n = submitted.number();
        // Acceptance: 5 working days from the day after arrival. 09-18 Fri (1), 09-19 Sat off, 09-20 Sun worked (2),
        // 09-21 Mon (3), 09-22 Tue (4), 09-23 Wed (5).
        assertThat(submitted.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertDeadlines(n, submitted, d("2026-09-23"), null, null);

        // Tuesday 09-22, within the acceptance deadline: one correction notice (一次性告知补正).
        day("2026-09-22");
        Case correcting = signedIn.as("clerk", () -> cases.requestCorrection(n,
                List.of(new Correction.Item(CaseTestItems.FORM, "申请书未由法定代表人签字"))));
        assertThat(correcting.status()).isEqualTo(CaseStatus.AWAITING_CORRECTION);
        assertThat(correcting.correction().noticeNumber()).isEqualTo(n.value() + "-BZ");
        assertThat(correcting.correction().notifiedOn()).isEqualTo(d("2026-09-22"));
        // While the applicant corrects, no deadline runs at all.
        assertDeadlines(n, correcting, null, null, null);

        // Monday 09-28: the original acceptance deadline (09-23) and 中秋 have passed while the case awaited the
        // correction. The watch must not deem it accepted, nor raise any alert for it.
        day("2026-09-28");
        watch.run();
        Case stillCorrecting = repository.find(n).orElseThrow();
        assertThat(stillCorrecting.status()).isEqualTo(CaseStatus.AWAITING_CORRECTION);
        assertThat(stillCorrecting.acceptedOn()).isNull();
        assertThat(alerts(stillCorrecting.id())).isZero();

        // Tuesday 09-29: the corrected form arrives; the acceptance deadline runs again from this day.
        day("2026-09-29");
        Case resubmitted = signedIn.as(ENTERPRISE, () -> cases.resubmit(n, List.of(upload(ENTERPRISE, CaseTestItems.FORM))));
        assertThat(resubmitted.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(resubmitted.correction().resubmittedOn()).isEqualTo(d("2026-09-29"));
        // 09-30 Wed (1), 10-01..07 国庆 off, 10-08 Thu (2), 10-09 Fri (3), 10-10 Sat worked (4), 10-11 Sun off,
        // 10-12 Mon (5).
        assertDeadlines(n, resubmitted, d("2026-10-12"), null, null);

        // Friday 10-09: accepted, the floor plan deferred until 10-16.
        day("2026-10-09");
        Case accepted = signedIn.as("clerk", () -> cases.accept(n, Map.of(CaseTestItems.FLOOR_PLAN, d("2026-10-16"))));
        assertThat(accepted.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(accepted.acceptedOn()).isEqualTo(d("2026-10-09"));
        assertThat(accepted.deemedAccepted()).isFalse();
        assertThat(accepted.deferred()).containsExactly(new DeferredMaterial(CaseTestItems.FLOOR_PLAN, d("2026-10-16"), null));
        // From the day after acceptance. Promised 5: 10-10 Sat worked (1), 10-12 Mon (2), 10-13 (3), 10-14 (4),
        // 10-15 Thu (5). Statutory 20: 10-10 (1), 10-12..16 (2-6), 10-19..23 (7-11), 10-26..30 (12-16),
        // 11-02..05 (17-20): Thursday 11-05.
        assertDeadlines(n, accepted, null, d("2026-10-15"), d("2026-11-05"));

        // Monday 10-12: the floor plan arrives at the counter; the deadlines do not move.
        day("2026-10-12");
        Case complete = signedIn.as("clerk", () -> cases.receiveDeferredMaterial(n, CaseTestItems.FLOOR_PLAN));
        assertThat(complete.deferred()).containsExactly(
                new DeferredMaterial(CaseTestItems.FLOOR_PLAN, d("2026-10-16"), d("2026-10-12")));
        assertDeadlines(n, complete, null, d("2026-10-15"), d("2026-11-05"));

        // Step 1 of 2, 审查: the reviewer claims it on 10-12 and completes it on Tuesday 10-13.
        Case claimed = signedIn.as("reviewer.scj", () -> cases.claim(n));
        assertThat(claimed.assignee().name()).contains("周杰");
        day("2026-10-13");
        Case reviewed = signedIn.as("reviewer.scj", () -> cases.completeStep(n, 0, "材料齐全，拟准予，需现场核查"));
        assertThat(reviewed.step()).isEqualTo(1);
        assertThat(reviewed.terms().step(1).name()).isEqualTo("决定");
        assertDeadlines(n, reviewed, null, d("2026-10-15"), d("2026-11-05"));

        // Step 2 of 2, 决定: the head claims it, and on Wednesday 10-14 starts the site inspection (现场核查).
        signedIn.as("head.scj", () -> cases.claim(n));
        day("2026-10-14");
        Case suspended = signedIn.as("head.scj", () -> cases.suspend(n, "现场核查", "核查经营场所与平面图是否一致"));
        assertThat(suspended.status()).isEqualTo(CaseStatus.SUSPENDED);
        // The clock is stopped: while the procedure runs, neither deadline is known.
        assertDeadlines(n, suspended, null, null, null);
        assertThatThrownBy(() -> signedIn.as("head.scj", () -> cases.approve(n, "同意")))
                .isInstanceOfSatisfying(CaseTransitionRefused.class,
                        e -> assertThat(e.code()).isEqualTo("case.not-in-progress"));

        // Tuesday 10-20: the inspection's result is in. 10-14 (the day it started) counted; 10-15..10-20 do not.
        day("2026-10-20");
        Case resumed = signedIn.as("head.scj", () -> cases.resume(n, "现场与平面图一致"));
        assertThat(resumed.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(resumed.pauses()).containsExactly(
                new Pause("现场核查", "核查经营场所与平面图是否一致", d("2026-10-14"), d("2026-10-20")));
        // Promised: 10-10 (1), 10-12 (2), 10-13 (3), 10-14 (4), [10-15..20 stopped], 10-21 Wed (5).
        // Statutory: 4 counted up to 10-14, then 10-21..23 (5-7), 10-26..30 (8-12), 11-02..06 (13-17),
        // 11-09 (18), 11-10 (19), 11-11 Wed (20): the four stopped working days 10-15, 16, 19, 20 moved 11-05 to 11-11.
        assertDeadlines(n, resumed, null, d("2026-10-21"), d("2026-11-11"));

        // Wednesday 10-21, the promised day: approved by the head, completed (the result handed over) by the counter.
        day("2026-10-21");
        Case approved = signedIn.as("head.scj", () -> cases.approve(n, "准予许可"));
        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(approved.decision().outcome()).isEqualTo(Decision.Outcome.APPROVED);
        assertThat(approved.decision().by().role()).isEqualTo(Role.DEPARTMENT_HEAD);
        assertDeadlines(n, approved, null, d("2026-10-21"), d("2026-11-11"));
        Case done = signedIn.as("clerk", () -> cases.complete(n));
        assertThat(done.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(done.completedOn()).isEqualTo(d("2026-10-21"));
        assertDeadlines(n, done, null, d("2026-10-21"), d("2026-11-11"));

        // The audit: every transition, in order, by whom, between which states, with the deadlines around it.
        AuditTrail trail = signedIn.as("supervisor", () -> cases.audit(n));
        assertThat(trail.intact()).isTrue();
        assertThat(trail.entries()).extracting(AuditTrail.Entry::event, AuditTrail.Entry::actorRole,
                        AuditTrail.Entry::from, AuditTrail.Entry::to)
                .containsExactly(
                        tuple("CaseSubmitted", null, CaseStatus.SUBMITTED, CaseStatus.SUBMITTED),
                        tuple("CaseCorrectionRequested", "WINDOW_CLERK", CaseStatus.SUBMITTED, CaseStatus.AWAITING_CORRECTION),
                        tuple("CaseResubmitted", null, CaseStatus.AWAITING_CORRECTION, CaseStatus.SUBMITTED),
                        tuple("CaseAccepted", "WINDOW_CLERK", CaseStatus.SUBMITTED, CaseStatus.IN_PROGRESS),
                        tuple("DeferredMaterialReceived", "WINDOW_CLERK", CaseStatus.IN_PROGRESS, CaseStatus.IN_PROGRESS),
                        tuple("CaseStepClaimed", "DEPARTMENT_REVIEWER", CaseStatus.IN_PROGRESS, CaseStatus.IN_PROGRESS),
                        tuple("CaseStepCompleted", "DEPARTMENT_REVIEWER", CaseStatus.IN_PROGRESS, CaseStatus.IN_PROGRESS),
                        tuple("CaseStepClaimed", "DEPARTMENT_HEAD", CaseStatus.IN_PROGRESS, CaseStatus.IN_PROGRESS),
                        tuple("CaseSuspended", "DEPARTMENT_HEAD", CaseStatus.IN_PROGRESS, CaseStatus.SUSPENDED),
                        tuple("CaseResumed", "DEPARTMENT_HEAD", CaseStatus.SUSPENDED, CaseStatus.IN_PROGRESS),
                        tuple("CaseApproved", "DEPARTMENT_HEAD", CaseStatus.IN_PROGRESS, CaseStatus.APPROVED),
                        tuple("CaseCompleted", "WINDOW_CLERK", CaseStatus.APPROVED, CaseStatus.COMPLETED));
        assertThat(trail.entries()).extracting(e -> deadlines(e.deadlinesAfter())).containsExactly(
                new Deadlines(d("2026-09-23"), null, null),
                Deadlines.NONE,
                new Deadlines(d("2026-10-12"), null, null),
                new Deadlines(null, d("2026-10-15"), d("2026-11-05")),
                new Deadlines(null, d("2026-10-15"), d("2026-11-05")),
                new Deadlines(null, d("2026-10-15"), d("2026-11-05")),
                new Deadlines(null, d("2026-10-15"), d("2026-11-05")),
                new Deadlines(null, d("2026-10-15"), d("2026-11-05")),
                Deadlines.NONE,
                new Deadlines(null, d("2026-10-21"), d("2026-11-11")),
                new Deadlines(null, d("2026-10-21"), d("2026-11-11")),
                new Deadlines(null, d("2026-10-21"), d("2026-11-11")));
        // Each entry's "before" is the previous entry's "after": nothing moved a deadline between two transitions.
        for (int i = 1; i < trail.entries().size(); i++) {
            assertThat(deadlines(trail.entries().get(i).deadlinesBefore()))
                    .as("deadlines before entry %d", i + 1).isEqualTo(deadlines(trail.entries().get(i - 1).deadlinesAfter()));
        }
        assertThat(trail.entries()).filteredOn(e -> e.event().equals("CaseSuspended")).extracting(AuditTrail.Entry::opinion)
                .containsExactly("核查经营场所与平面图是否一致");

        // The events published for the case, in order, with what listeners need of each.
        List<CaseEvent> published = eventsOf(events, n);
        assertThat(published).extracting(e -> e.getClass().getSimpleName()).containsExactly("CaseSubmitted",
                "CaseCorrectionRequested", "CaseResubmitted", "CaseAccepted", "DeferredMaterialReceived",
                "CaseStepClaimed", "CaseStepCompleted", "CaseStepClaimed", "CaseSuspended", "CaseResumed",
                "CaseApproved", "CaseCompleted");
        assertThat(only(published, CaseSubmitted.class).acceptanceDue()).isEqualTo(d("2026-09-23"));
        assertThat(only(published, CaseResubmitted.class).acceptanceDue()).isEqualTo(d("2026-10-12"));
        CaseAccepted acceptance = only(published, CaseAccepted.class);
        assertThat(acceptance.acceptanceNoticeNumber()).isEqualTo(n.value() + "-SL");
        assertThat(List.of(acceptance.promisedDue(), acceptance.statutoryDue()))
                .containsExactly(d("2026-10-15"), d("2026-11-05"));
        assertThat(acceptance.deferred()).extracting(DeferredMaterial::name).containsExactly(CaseTestItems.FLOOR_PLAN);
        assertThat(only(published, CaseSuspended.class).pause().from()).isEqualTo(d("2026-10-14"));
        CaseResumed resumption = only(published, CaseResumed.class);
        assertThat(List.of(resumption.promisedDue(), resumption.statutoryDue()))
                .containsExactly(d("2026-10-21"), d("2026-11-11"));
        CaseCompleted completion = only(published, CaseCompleted.class);
        assertThat(completion.onTime()).as("completed on the promised day").isTrue();
        assertThat(completion.completedOn()).isEqualTo(d("2026-10-21"));
        assertThat(published).allSatisfy(e -> assertThat(e.ref().handlingDepartmentId())
                .isEqualTo(done.terms().handlingDepartmentId()));
    }

    // ---- b. 告知承诺 through to a revoked decision ----

    @Test
    void anApprovalObtainedByACommitmentIsRevokedByTheHead(PublishedEvents events) {
        String item = publishItemWithACommitment("2026-09-24");

        // Thursday 09-24: the premises certificate replaced by a signed commitment.
        Case submitted = signedIn.as(ENTERPRISE, () -> cases.submit(application(item, upload(ENTERPRISE, CaseTestItems.FORM),
                upload(ENTERPRISE, CaseTestItems.FLOOR_PLAN), committed(PREMISES)), key())).submitted();
        CaseNumber n = submitted.number();
        // 09-25..27 中秋 off, 09-28 Mon (1), 09-29 (2), 09-30 (3), 10-01..07 国庆 off, 10-08 (4), 10-09 Fri (5).
        assertDeadlines(n, submitted, d("2026-10-09"), null, null);

        // Monday 09-28: accepted. Promised 5: 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 Sat worked (5).
        // Statutory 20: 09-29, 09-30 (2), 10-08, 10-09, 10-10 (5), 10-12..16 (10), 10-19..23 (15), 10-26..30 (20).
        day("2026-09-28");
        Case accepted = signedIn.as("clerk", () -> cases.accept(n, Map.of()));
        assertDeadlines(n, accepted, null, d("2026-10-10"), d("2026-10-30"));
        day("2026-09-30");
        decideAndComplete(n);
        // The check is due 20 working days after the approval: 10-08, 10-09, 10-10 (3), 10-12..16 (8), 10-19..23 (13),
        // 10-26..30 (18), 11-02 (19), 11-03 (20).
        assertThat(signedIn.as("reviewer.scj", () -> cases.view(n)).commitmentCheck().dueOn()).isEqualTo(d("2026-11-03"));

        // Monday 11-16: the verification after the decision (事后核查), from the department's list of checks to do,
        // finds the commitment false; the counter neither sees that list nor checks.
        day("2026-11-16");
        assertThat(signedIn.as("reviewer.scj", () -> cases.inbox(new Inbox(Inbox.View.COMMITMENTS, item), 1, 20)).cases())
                .extracting(CaseSummary::number).containsExactly(n);
        assertThat(signedIn.as("clerk", () -> cases.inbox(new Inbox(Inbox.View.COMMITMENTS, item), 1, 20)).cases()).isEmpty();
        assertThatThrownBy(() -> signedIn.as("clerk", () -> cases.checkCommitment(n, false, "不实")))
                .isInstanceOf(AccessDeniedException.class);
        Case checked = signedIn.as("reviewer.scj", () -> cases.checkCommitment(n, false,
                "现场核查：经营场所无使用证明，承诺不实"));
        assertThat(checked.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(checked.commitmentCheck().truthful()).isFalse();
        assertThat(signedIn.as("reviewer.scj", () -> cases.inbox(new Inbox(Inbox.View.COMMITMENTS, item), 1, 20)).cases())
                .as("checked: off the list").isEmpty();
        assertThatThrownBy(() -> signedIn.as("reviewer.scj", () -> cases.revoke(n, "承诺不实")))
                .as("only the head revokes").isInstanceOf(AccessDeniedException.class);
        Case revoked = signedIn.as("head.scj", () -> cases.revoke(n, "核查发现经营场所使用证明的承诺与事实不符"));

        assertThat(revoked.status()).isEqualTo(CaseStatus.REVOKED);
        assertThat(revoked.revocationReasons()).isEqualTo("核查发现经营场所使用证明的承诺与事实不符");
        assertThat(signedIn.as(ENTERPRISE, () -> cases.view(n)).status()).as("as the applicant sees it")
                .isEqualTo(CaseStatus.REVOKED);
        AuditTrail trail = signedIn.as("head.scj", () -> cases.audit(n));
        assertThat(trail.intact()).isTrue();
        assertThat(trail.entries()).extracting(AuditTrail.Entry::event).containsExactly("CaseSubmitted",
                "CaseAccepted", "CaseStepCompleted", "CaseApproved", "CaseCompleted", "CommitmentChecked", "CaseRevoked");
        assertThat(trail.entries().getLast()).extracting(AuditTrail.Entry::actorRole, AuditTrail.Entry::from,
                        AuditTrail.Entry::to, AuditTrail.Entry::opinion)
                .containsExactly("DEPARTMENT_HEAD", CaseStatus.COMPLETED, CaseStatus.REVOKED, "核查发现经营场所使用证明的承诺与事实不符");

        List<CaseEvent> published = eventsOf(events, n);
        assertThat(only(published, CaseSubmitted.class).commitmentSigned()).isTrue();
        assertThat(only(published, CaseAccepted.class).committedMaterials()).containsExactly(PREMISES);
        assertThat(only(published, CaseCompleted.class).commitmentsToVerify()).containsExactly(PREMISES);
        assertThat(only(published, CommitmentChecked.class).truthful()).isFalse();
        CaseRevoked revocation = only(published, CaseRevoked.class);
        assertThat(revocation.reasons()).isEqualTo("核查发现经营场所使用证明的承诺与事实不符");
        assertThat(revocation.by().role()).isEqualTo(Role.DEPARTMENT_HEAD);

        assertThatThrownBy(() -> signedIn.as("head.scj", () -> cases.revoke(n, "再次撤销")))
                .isInstanceOfSatisfying(CaseTransitionRefused.class, e -> {
                    assertThat(e.code()).isEqualTo("case.not-revocable");
                    assertThat(e.status()).isEqualTo(CaseStatus.REVOKED);
                });
    }

    /** The API answers a {@link CaseTransitionRefused} with 409, its code and the case's status (ApiProblems). */
    @Test
    void aDecisionTakenWithoutACommitmentCannotBeRevokedForAFalseOne(PublishedEvents events) {
        String item = publishItemWithACommitment("2026-09-28");
        CaseNumber n = signedIn.as(ENTERPRISE, () -> cases.submit(application(item, upload(ENTERPRISE, CaseTestItems.FORM),
                upload(ENTERPRISE, CaseTestItems.FLOOR_PLAN), upload(ENTERPRISE, PREMISES)), key())).submitted().number();
        signedIn.as("clerk", () -> cases.accept(n, Map.of()));
        decideAndComplete(n);
        int entries = signedIn.as("head.scj", () -> cases.audit(n)).entries().size();

        assertThatThrownBy(() -> signedIn.as("head.scj", () -> cases.revoke(n, "承诺不实")))
                .isInstanceOfSatisfying(CaseTransitionRefused.class, e -> {
                    assertThat(e.code()).isEqualTo("case.no-commitment");
                    assertThat(e.status()).isEqualTo(CaseStatus.COMPLETED);
                    assertThat(e.getMessage()).contains("没有告知承诺");
                });

        assertThat(repository.find(n).orElseThrow().status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(signedIn.as("head.scj", () -> cases.audit(n)).entries()).hasSize(entries);
        assertThat(events.ofType(CaseRevoked.class).matching(e -> e.ref().number().equals(n))).isEmpty();
    }

    // ---- c. 秒批 ----

    /**
     * 秒批 on the demo catalogue's 高龄津贴申领: its rule wants 80 or older by the verified ID number and a household in
     * the city. 王秋生 (13800000003) was born on 1958-03-08, so in 2026 he is 68 and would wait for a person like
     * anyone else. The demo catalogue is in force from the day the demo data is loaded (the real today), so the clock
     * goes forward, never back, to his 80th birthday: on Sunday 2038-03-07 he is 79 and the case waits; on Monday
     * 2038-03-08 it is approved and completed at submission, the decision naming the rule, and he reads why.
     * ({@link InstantApprovalCaseTests} covers the pension item, whose age limit is 60, on today's date.)
     */
    @Test
    void theElderlyAllowanceIsGrantedAtSubmissionOnceTheApplicantTurnsEighty(PublishedEvents events) {
        day("2038-03-07");
        Case dayBefore = applyForTheAllowance(WANG, "王秋生", "37702119580308301X");
        assertThat(dayBefore.status()).as("79 until the day of the birthday").isEqualTo(CaseStatus.SUBMITTED);
        assertThat(dayBefore.decision()).isNull();

        day("2038-03-08");
        Case at80 = applyForTheAllowance(WANG, "王秋生", "37702119580308301X");
        CaseNumber n = at80.number();

        assertThat(at80.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(at80.acceptedOn()).isEqualTo(d("2038-03-08"));
        assertThat(at80.completedOn()).isEqualTo(d("2038-03-08"));
        assertThat(at80.decision().outcome()).isEqualTo(Decision.Outcome.APPROVED);
        assertThat(at80.decision().automatic()).isTrue();
        assertThat(at80.decision().automaticRule()).contains("申请人年满80周岁", "申请人户籍在海川市");
        // 2038 has no published holiday schedule: the promised deadline assumes ordinary weeks and says so.
        assertThat(at80.deadlines().provisional()).isTrue();

        // What the applicant reads: the case, its decision with the rule, and the progress that names no person.
        Case seen = signedIn.as(WANG, () -> cases.view(n));
        assertThat(seen.decision().opinion()).startsWith("符合秒批条件，系统自动准予：").contains("申请人年满80周岁");
        List<CaseManagement.Progress> progress = signedIn.as(WANG, () -> cases.progress(n));
        assertThat(progress).extracting(CaseManagement.Progress::event, CaseManagement.Progress::status)
                .containsExactly(tuple("CaseSubmitted", CaseStatus.SUBMITTED), tuple("CaseAccepted", CaseStatus.IN_PROGRESS),
                        tuple("CaseApproved", CaseStatus.APPROVED), tuple("CaseCompleted", CaseStatus.COMPLETED));
        assertThat(progress).extracting(CaseManagement.Progress::actorName).containsOnlyNulls();
        assertThat(progress).filteredOn(p -> p.event().equals("CaseApproved")).extracting(CaseManagement.Progress::opinion)
                .singleElement().asString().contains("申请人年满80周岁", "申请人户籍在海川市");
        byte[] decision = signedIn.as(WANG, () -> cases.notice(n, NoticeKind.DECISION));
        assertThat(new String(decision, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        List<CaseEvent> published = eventsOf(events, n);
        assertThat(published).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CaseSubmitted", "CaseAccepted", "CaseApproved", "CaseCompleted");
        assertThat(published.subList(1, 4)).extracting(e -> e.by().name()).containsOnly("通办平台");
        assertThat(signedIn.as("supervisor", () -> cases.audit(n)).intact()).isTrue();
    }

    @Test
    void anApplicantWhoFailsAConditionOfTheElderlyAllowanceWaitsForAPerson(PublishedEvents events) {
        // 张海川, born 1990-01-01, household in 东港区: 48 on Monday 2038-03-08, not 80.
        day("2038-03-08");
        Case c = applyForTheAllowance(ZHANG, "张海川", "377002199001011232");

        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.decision()).isNull();
        // Waiting for the counter like any application. 2038 has no published schedule, so ordinary weeks are
        // assumed and the deadline is marked provisional: 03-09 Tue (1), 03-10 (2), 03-11 (3), 03-12 Fri (4),
        // 03-13/14 weekend, 03-15 Mon (5).
        assertThat(c.deadlines()).isEqualTo(new Deadlines(d("2038-03-15"), null, null, true));
        assertThat(repository.find(c.number()).orElseThrow().deadlines()).isEqualTo(c.deadlines());
        assertThat(eventsOf(events, c.number())).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CaseSubmitted");
        assertThat(signedIn.as("clerk", () -> cases.inbox(new Inbox(Inbox.View.ALL, ELDERLY_ALLOWANCE), 1, 100)).cases())
                .as("in the counter's inbox").extracting(CaseSummary::number).contains(c.number());
    }

    // ---- helpers ----

    private void day(String isoDate) {
        clock.dayAt10(isoDate);
    }

    private static LocalDate d(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    private static String key() {
        return "scenario-" + UUID.randomUUID();
    }

    private static Application application(String item, SubmittedMaterial... materials) {
        return new Application(item, null, Map.of("contact", "陈示例"), List.of(materials),
                new Intake.Delivery(Intake.Delivery.Method.MAIL, "海川市东港区滨海大道 88 号"));
    }

    private SubmittedMaterial upload(String login, String name) {
        byte[] pdf = ("%PDF-1.4\n% " + name + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        String sha = signedIn.as(login, () -> cases.upload("file", name + ".pdf", pdf)).sha256();
        return new SubmittedMaterial(name, Provision.FILE, sha, name + ".pdf");
    }

    private static SubmittedMaterial deferred(String name) {
        return new SubmittedMaterial(name, Provision.DEFERRED, null, null);
    }

    private static SubmittedMaterial committed(String name) {
        return new SubmittedMaterial(name, Provision.COMMITMENT, null, null);
    }

    /**
     * The deadlines of the case as the transition returned it, as read back from its stored state, and in the
     * columns the inbox and the deadline watch query ({@code due} being the earliest of the three).
     */
    private void assertDeadlines(CaseNumber n, Case returned, @Nullable LocalDate acceptance,
                                 @Nullable LocalDate promised, @Nullable LocalDate statutory) {
        Deadlines expected = new Deadlines(acceptance, promised, statutory);
        assertThat(returned.deadlines()).as("deadlines returned").isEqualTo(expected);
        assertThat(repository.find(n).orElseThrow().deadlines()).as("deadlines stored").isEqualTo(expected);
        record Columns(@Nullable LocalDate acceptance, @Nullable LocalDate promised, @Nullable LocalDate statutory,
                       @Nullable LocalDate due) {
        }
        Columns columns = jdbc.sql("SELECT acceptance_due, promised_due, statutory_due, due FROM cases_case WHERE number = ?")
                .param(n.value())
                .query((rs, i) -> new Columns(date(rs.getDate(1)), date(rs.getDate(2)), date(rs.getDate(3)),
                        date(rs.getDate(4))))
                .single();
        assertThat(columns).as("deadline columns")
                .isEqualTo(new Columns(acceptance, promised, statutory, expected.earliest()));
    }

    private static @Nullable LocalDate date(java.sql.@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private Deadlines deadlines(String stored) {
        return json.readValue(stored, Deadlines.class);
    }

    private long alerts(CaseId id) {
        return jdbc.sql("SELECT count(*) FROM cases_deadline_alert WHERE case_id = ?").param(id.value())
                .query(Long.class).single();
    }

    /** The case events published on this thread during the test for case {@code n}, in order. */
    private static List<CaseEvent> eventsOf(PublishedEvents events, CaseNumber n) {
        List<CaseEvent> mine = new ArrayList<>();
        events.ofType(CaseEvent.class).matching(e -> e.ref().number().equals(n)).forEach(mine::add);
        return mine;
    }

    private static <T extends CaseEvent> T only(List<CaseEvent> events, Class<T> type) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as("%s events", type.getSimpleName()).hasSize(1);
        return found.getFirst();
    }

    /** The licensing test item with one more material, which a signed commitment may replace (告知承诺). */
    private String publishItemWithACommitment(String isoDate) {
        day(isoDate);
        ItemContent base = CaseTestItems.licensing();
        List<Material> materials = new ArrayList<>(base.materials());
        materials.add(new Material(PREMISES, Requirement.REQUIRED, null, MaterialForm.ELECTRONIC, 1, 0, null,
                MaterialSource.APPLICANT, null, false, true, null, null, "可以告知承诺方式代替", "产权证明或租赁合同",
                null, null, null));
        return CaseTestItems.publish(signedIn, catalog, TestItems.with(base, "materials", materials), d(isoDate));
    }

    /** 审查 by the reviewer, 准予 by the head, 办结 by the counter, all on the clock's day. */
    private void decideAndComplete(CaseNumber n) {
        signedIn.as("reviewer.scj", () -> cases.completeStep(n, 0, "材料齐全"));
        signedIn.as("head.scj", () -> cases.approve(n, "准予许可"));
        Case done = signedIn.as("clerk", () -> cases.complete(n));
        assertThat(done.status()).isEqualTo(CaseStatus.COMPLETED);
    }

    private Case applyForTheAllowance(String login, String name, String idNumber) {
        SubmittedMaterial account = upload(login, "本人银行账户信息");
        Map<String, String> form = Map.of("applicantName", name, "applicantIdNumber", idNumber,
                "applicantPhone", login, "applicantAddress", "海川市东港区滨海大道 1 号", "byAgent", "false",
                "bankName", "中国工商银行海川分行", "bankAccount", "6222020200112233445");
        Application a = new Application(ELDERLY_ALLOWANCE, null, form, List.of(account),
                new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null));
        return signedIn.as(login, () -> cases.submit(a, key())).submitted();
    }
}
