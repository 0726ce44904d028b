package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.cases.SubmittedMaterial.Provision;
import org.tongban.catalog.CatalogManagement;
import org.tongban.support.Http;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/**
 * 告知承诺事后核查 has a due date: {@code tongban.cases.commitment-check-days} (20 in tests) working days after the
 * approval on the 2026 calendar, kept in the check, and the department's 承诺待核查 view is sorted by it and colours it
 * like every other deadline.
 */
@TongbanTest
class CommitmentCheckDueTests {

    static final String ENTERPRISE = "91377002HC10000182";

    @LocalServerPort int port;
    @Autowired CaseManagement cases;
    @Autowired CatalogManagement catalog;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;
    @Autowired JdbcClient jdbc;

    String item;

    @BeforeEach
    void anItemWithACommitment() {
        clock.dayAt10("2026-09-28");
        item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.withCommitment(), LocalDate.of(2026, 9, 28));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private SubmittedMaterial upload(String name) {
        byte[] pdf = ("%PDF-1.4\n% " + name + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        String sha = signedIn.as(ENTERPRISE, () -> cases.upload("file", name + ".pdf", pdf)).sha256();
        return new SubmittedMaterial(name, Provision.FILE, sha, name + ".pdf");
    }

    /** Applied and accepted on 09-28 with the premises certificate replaced by a commitment, approved and handed over. */
    private CaseNumber approvedOn(String approved, String handedOver) {
        clock.dayAt10("2026-09-28");
        Application a = new Application(item, null, Map.of("contact", "陈示例"), List.of(upload(CaseTestItems.FORM),
                upload(CaseTestItems.FLOOR_PLAN), new SubmittedMaterial(CaseTestItems.PREMISES, Provision.COMMITMENT, null, null)),
                new Intake.Delivery(Intake.Delivery.Method.PICK_UP, null));
        CaseNumber n = signedIn.as(ENTERPRISE, () -> cases.submit(a, "check-" + UUID.randomUUID())).submitted().number();
        signedIn.as("clerk", () -> cases.accept(n, Map.of()));
        signedIn.as("reviewer.scj", () -> cases.completeStep(n, 0, "材料齐全"));
        clock.dayAt10(approved);
        signedIn.as("head.scj", () -> cases.approve(n, "准予许可"));
        clock.dayAt10(handedOver);
        assertThat(signedIn.as("clerk", () -> cases.complete(n)).status()).isEqualTo(CaseStatus.COMPLETED);
        return n;
    }

    private List<CaseSummary> checksToDo() {
        return signedIn.as("reviewer.scj", () -> cases.inbox(new Inbox(Inbox.View.COMMITMENTS, item), 1, 20)).cases();
    }

    @Test
    void theCheckIsDueTwentyWorkingDaysAfterTheApprovalNotTheHandOver() {
        // Approved 09-30, handed over 10-09. From 09-30: 10-08, 10-09, 10-10 (3), 10-12..16 (8), 10-19..23 (13),
        // 10-26..30 (18), 11-02 (19), 11-03 (20); from the hand-over it would have been 11-05.
        CaseNumber n = approvedOn("2026-09-30", "2026-10-09");

        Case c = signedIn.as("reviewer.scj", () -> cases.view(n));
        assertThat(c.commitmentCheck().pendingFrom()).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(c.commitmentCheck().dueOn()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(checksToDo()).singleElement().satisfies(s -> {
            assertThat(s.number()).isEqualTo(n);
            assertThat(s.commitmentCheckDue()).isEqualTo(LocalDate.of(2026, 11, 3));
        });

        clock.dayAt10("2026-11-02");
        Case checked = signedIn.as("reviewer.scj", () -> cases.checkCommitment(n, true, "现场核查：租赁合同在有效期内"));
        assertThat(checked.commitmentCheck().dueOn()).as("kept with the finding").isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(checksToDo()).isEmpty();
    }

    @Test
    void theChecksToDoAreSortedByTheirDueDateUndatedFirstAndColouredYellowThenRed() {
        // 10-12 approved: 10-13..16 (4), 10-19..23 (9), 10-26..30 (14), 11-02..06 (19), 11-09 (20).
        CaseNumber later = approvedOn("2026-10-12", "2026-10-12");
        CaseNumber sooner = approvedOn("2026-09-30", "2026-09-30");
        CaseNumber undated = approvedOn("2026-10-14", "2026-10-14");
        // As a check pending before checks had a due date is after the migration (V24).
        jdbc.sql("UPDATE cases_case SET commitment_check_due = NULL WHERE number = ?").param(undated.value()).update();

        assertThat(checksToDo()).extracting(CaseSummary::number).containsExactly(undated, sooner, later);
        assertThat(checksToDo()).extracting(CaseSummary::commitmentCheckDue)
                .containsExactly(null, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 9));

        Http reviewer = new Http(port);
        assertThat(reviewer.login("reviewer.scj", "tongban2026").statusCode()).isEqualTo(302);
        clock.dayAt10("2026-11-02");
        String yellow = reviewer.get("/staff/cases?view=COMMITMENTS&item=" + item).body();
        assertThat(yellow).contains("核查期限");
        assertThat(rowOf(yellow, sooner)).contains("deadline--warn", "剩余 1 个工作日");
        assertThat(rowOf(yellow, later)).contains("deadline--ok", "剩余 5 个工作日");
        assertThat(rowOf(yellow, undated)).doesNotContain("deadline--");

        clock.dayAt10("2026-11-04");
        String red = reviewer.get("/staff/cases?view=COMMITMENTS&item=" + item).body();
        assertThat(rowOf(red, sooner)).contains("deadline--danger", "已超期 1 个工作日");
        assertThat(reviewer.get("/staff/cases/" + sooner.value()).body()).contains("核查期限", "2026-11-03", "deadline--danger");
    }

    /** The table row of one case on the inbox page. */
    private static String rowOf(String page, CaseNumber n) {
        int at = page.indexOf(n.value());
        assertThat(at).as("row of " + n.value()).isPositive();
        int start = page.lastIndexOf("<tr", at);
        return page.substring(start, page.indexOf("</tr>", at));
    }
}
