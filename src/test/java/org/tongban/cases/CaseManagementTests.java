package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.tongban.cases.SubmittedMaterial.Provision;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.TestItems;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.shared.Refused;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/** Applying and handling through the module API, on PostgreSQL, as the demo accounts, on Monday 2026-09-28. */
@TongbanTest
class CaseManagementTests {

    static final String ENTERPRISE = "91377002HC10000182";
    static final String CITIZEN = "13800000001";

    @Autowired CaseManagement cases;
    @Autowired Cases repository;
    @Autowired CaseAudit audit;
    @Autowired CaseAccess access;
    @Autowired CatalogManagement catalog;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;
    @Autowired JdbcClient jdbc;

    String item;

    @BeforeEach
    void publishAnItemOnMonday28September() {
        clock.dayAt10("2026-09-28");
        item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2026, 9, 28));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Application application(SubmittedMaterial... materials) {
        return new Application(item, null, Map.of("contact", "陈示例"), List.of(materials),
                new Intake.Delivery(Intake.Delivery.Method.MAIL, "海川市东港区滨海大道 88 号"));
    }

    /** A small real PDF, uploaded by the enterprise, so that the application may attach it. */
    private SubmittedMaterial file(String name) {
        byte[] pdf = ("%PDF-1.4\n% " + name + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = signedIn.as(ENTERPRISE, () -> cases.upload("file", name + ".pdf", pdf)).sha256();
        return new SubmittedMaterial(name, Provision.FILE, sha, name + ".pdf");
    }

    private Application complete() {
        return application(file(CaseTestItems.FORM), file(CaseTestItems.FLOOR_PLAN));
    }

    private String key() {
        return "test-" + UUID.randomUUID();
    }

    private long caseCount() {
        return jdbc.sql("SELECT count(*) FROM cases_case").query(Long.class).single();
    }

    @Test
    void aSubmissionGetsANumberAndItsAcceptanceDeadline() {
        Case c = signedIn.as(ENTERPRISE, () -> cases.submit(complete(), key())).submitted();

        assertThat(c.number().value()).startsWith("37700020260928").hasSize(23);
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        // Five working days from Monday 09-28: 09-29, 09-30, then 国庆, then 10-08, 10-09, 10-10 (a Saturday worked).
        assertThat(c.deadlines().acceptanceDue()).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(c.applicant().mobileTail()).isEqualTo("0001");
        assertThat(c.terms().steps()).extracting(CaseTerms.StepTerm::name).containsExactly("审查", "决定");
    }

    @Test
    void theSameKeyReturnsTheFirstCaseAndADifferentBodyWithItIsRefused() {
        String key = key();
        Case first = signedIn.as(ENTERPRISE, () -> cases.submit(complete(), key)).submitted();
        long count = caseCount();

        CaseManagement.Submitted again = signedIn.as(ENTERPRISE, () -> cases.submit(complete(), key));
        assertThat(again.created()).isFalse();
        assertThat(again.submitted().number()).isEqualTo(first.number());

        Application other = application(file(CaseTestItems.FORM), new SubmittedMaterial(CaseTestItems.FLOOR_PLAN,
                Provision.DEFERRED, null, null));
        assertThatThrownBy(() -> signedIn.as(ENTERPRISE, () -> cases.submit(other, key)))
                .isInstanceOf(Refused.class).hasMessageContaining(key);
        assertThat(caseCount()).isEqualTo(count);
    }

    @Test
    void aMissingMaterialIsNamedAndNothingIsStored() {
        long count = caseCount();
        assertThatThrownBy(() -> signedIn.as(ENTERPRISE, () -> cases.submit(application(file(CaseTestItems.FORM)), key())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("materials." + CaseTestItems.FLOOR_PLAN));
        assertThat(caseCount()).isEqualTo(count);
    }

    @Test
    void anApplicationForASupersededVersionIsRefused() {
        Application stale = new Application(item, 2, Map.of(), complete().materials(), complete().delivery());
        assertThatThrownBy(() -> signedIn.as(ENTERPRISE, () -> cases.submit(stale, key())))
                .isInstanceOf(Refused.class).extracting(e -> ((Refused) e).code())
                .isEqualTo("case.item-version-superseded");
    }

    @Test
    void aFileAnotherAccountUploadedCannotBeAttached() {
        byte[] pdf = "%PDF-1.4\n% someone else's\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String theirs = signedIn.as(CITIZEN, () -> cases.upload("file", "x.pdf", pdf)).sha256();
        Application borrowed = application(new SubmittedMaterial(CaseTestItems.FORM, Provision.FILE, theirs, "x.pdf"),
                file(CaseTestItems.FLOOR_PLAN));
        assertThatThrownBy(() -> signedIn.as(ENTERPRISE, () -> cases.submit(borrowed, key())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("case.file-unknown"));
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysIsRefused() {
        byte[] exe = {0x4D, 0x5A, (byte) 0x90, 0x00};
        assertThatThrownBy(() -> signedIn.as(ENTERPRISE, () -> cases.upload("file", "营业执照.pdf", exe)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("case.file-content"));
        assertThatThrownBy(() -> signedIn.as(ENTERPRISE, () -> cases.upload("file", "a.exe", exe)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("case.file-type"));
        assertThatThrownBy(() -> signedIn.as(ENTERPRISE, () -> cases.upload("file", "证照.ofd", new byte[] {0x50, 0x4B, 0x03, 0x04, 0})))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void staffCannotApply() {
        assertThatThrownBy(() -> signedIn.as("clerk", () -> cases.submit(complete(), key())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anotherApplicantCannotSeeTheCaseAndTheAttemptIsLogged() {
        Case c = signedIn.as(ENTERPRISE, () -> cases.submit(complete(), key())).submitted();

        assertThatThrownBy(() -> signedIn.as(CITIZEN, () -> cases.view(c.number()))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> signedIn.as(CITIZEN, () -> cases.withdraw(c.number(), "不要了")))
                .isInstanceOf(NotFound.class);
        assertThat(access.refusals(c.number())).isEqualTo(2);
        assertThat(signedIn.as("clerk", () -> cases.view(c.number())).number()).isEqualTo(c.number());
        assertThat(signedIn.as("reviewer.scj", () -> cases.view(c.number())).status()).isEqualTo(CaseStatus.SUBMITTED);
    }

    @Test
    void aCaseIsHandledToCompletionWithEveryStepAudited() {
        CaseNumber n = signedIn.as(ENTERPRISE, () -> cases.submit(complete(), key())).submitted().number();

        clock.dayAt10("2026-09-30");
        Case accepted = signedIn.as("clerk", () -> cases.accept(n, Map.of()));
        // Committed 5 working days from 09-30: 10-08, 10-09, 10-10, 10-12, 10-13; statutory 20: … 11-03.
        assertThat(accepted.deadlines()).isEqualTo(new Deadlines(null, LocalDate.of(2026, 10, 13), LocalDate.of(2026, 11, 3)));

        clock.dayAt10("2026-10-08");
        signedIn.as("reviewer.scj", () -> cases.claim(n));
        assertThatThrownBy(() -> signedIn.as("reviewer.scj", () -> cases.completeStep(n, 1, "符合条件")))
                .isInstanceOf(CaseTransitionRefused.class).hasMessageContaining("审查");
        signedIn.as("reviewer.scj", () -> cases.completeStep(n, 0, "材料齐全，符合条件"));
        assertThatThrownBy(() -> signedIn.as("reviewer.scj", () -> cases.approve(n, "同意")))
                .isInstanceOf(CaseTransitionRefused.class);
        signedIn.as("head.scj", () -> cases.approve(n, "同意"));
        Case done = signedIn.as("clerk", () -> cases.complete(n));

        assertThat(done.status()).isEqualTo(CaseStatus.COMPLETED);
        AuditTrail trail = signedIn.as("reviewer.scj", () -> cases.audit(n));
        assertThat(trail.intact()).isTrue();
        assertThat(trail.entries()).extracting(AuditTrail.Entry::event).containsExactly("CaseSubmitted",
                "CaseAccepted", "CaseStepClaimed", "CaseStepCompleted", "CaseApproved", "CaseCompleted");
        assertThat(trail.entries().get(1).deadlinesAfter()).contains("2026-10-13");
    }

    @Test
    void aCaseChangedMeanwhileIsNotOverwritten() {
        CaseNumber n = signedIn.as(ENTERPRISE, () -> cases.submit(complete(), key())).submitted().number();
        Case stale = repository.find(n).orElseThrow();
        signedIn.as("clerk", () -> cases.accept(n, Map.of()));

        stale.refuseToAccept(new Act(new Actor(UUID.randomUUID(), "另一窗口", org.tongban.identity.Role.WINDOW_CLERK, null), clock.instant(), LocalDate.of(2026, 9, 28), cases.caseClock()),
                "重复申请");
        assertThatThrownBy(() -> repository.update(stale, clock.instant()))
                .isInstanceOf(CaseTransitionRefused.class).extracting(e -> ((CaseTransitionRefused) e).code())
                .isEqualTo("case.changed-meanwhile");
        assertThat(repository.find(n).orElseThrow().status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void theAuditRefusesChangesAndTheChainFindsOnesMadeBehindItsBack() {
        CaseNumber n = signedIn.as(ENTERPRISE, () -> cases.submit(complete(), key())).submitted().number();
        signedIn.as("clerk", () -> cases.requestCorrection(n, List.of(new Correction.Item(CaseTestItems.FLOOR_PLAN, "未标明面积"))));
        CaseId id = repository.find(n).orElseThrow().id();

        assertThatThrownBy(() -> jdbc.sql("UPDATE cases_entry SET opinion = 'x' WHERE case_id = ?").param(id.value()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM cases_entry WHERE case_id = ?").param(id.value()).update())
                .hasMessageContaining("append-only");

        CaseNumber other = signedIn.as(ENTERPRISE, () -> cases.submit(complete(), key())).submitted().number();
        signedIn.as("clerk", () -> cases.accept(other, Map.of()));
        CaseId otherId = repository.find(other).orElseThrow().id();
        assertThat(audit.verify(id).intact()).isTrue();
        assertThat(audit.verify(otherId).intact()).isTrue();

        jdbc.sql("ALTER TABLE cases_entry DISABLE TRIGGER cases_entry_no_update").update();
        try {
            jdbc.sql("UPDATE cases_entry SET actor_name = '别人' WHERE case_id = ? AND seq = 2").param(id.value()).update();
            jdbc.sql("DELETE FROM cases_entry WHERE case_id = ? AND seq = 2").param(otherId.value()).update();
        }
        finally {
            jdbc.sql("ALTER TABLE cases_entry ENABLE TRIGGER cases_entry_no_update").update();
        }
        assertThat(audit.verify(id)).isEqualTo(new CaseAudit.Verification(false, 2, 2));
        // The newest entry deleted: every remaining link holds, but the case's head no longer matches.
        assertThat(audit.verify(otherId).intact()).isFalse();
    }

    @Test
    void aCorrectionCannotAttachAnotherApplicantsFileNorPaperNorAnInventedLicence() {
        Case c = signedIn.as(ENTERPRISE, () -> cases.submit(complete(), key())).submitted();
        CaseNumber n = c.number();
        signedIn.as("clerk", () -> cases.requestCorrection(n, List.of(new Correction.Item(CaseTestItems.FLOOR_PLAN, "未标明面积"))));
        byte[] pdf = "%PDF-1.4\n% 别人的文件\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String theirs = signedIn.as(CITIZEN, () -> cases.upload("file", "别人的.pdf", pdf)).sha256();

        for (SubmittedMaterial wrong : List.of(
                new SubmittedMaterial(CaseTestItems.FLOOR_PLAN, Provision.FILE, theirs, "平面图.pdf"),
                new SubmittedMaterial(CaseTestItems.FLOOR_PLAN, Provision.PAPER, null, null),
                new SubmittedMaterial(CaseTestItems.FLOOR_PLAN, Provision.FILE, null, null),
                new SubmittedMaterial("营业执照", Provision.BY_REFERENCE, "demo:000000000000000000000000", null))) {
            assertThatThrownBy(() -> signedIn.as(ENTERPRISE, () -> cases.resubmit(n, List.of(wrong))))
                    .as(wrong.toString()).isInstanceOf(InvalidInputException.class);
        }
        assertThat(signedIn.as(ENTERPRISE, () -> cases.view(n)).status()).isEqualTo(CaseStatus.AWAITING_CORRECTION);
        assertThatThrownBy(() -> signedIn.as(ENTERPRISE, () -> cases.materialFile(n, theirs)))
                .isInstanceOf(NotFound.class);

        Case resubmitted = signedIn.as(ENTERPRISE, () -> cases.resubmit(n, List.of(file(CaseTestItems.FLOOR_PLAN))));
        assertThat(resubmitted.status()).isEqualTo(CaseStatus.SUBMITTED);
    }
}
