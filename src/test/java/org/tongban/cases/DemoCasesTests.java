package org.tongban.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.tongban.calendar.CalendarManagement;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.identity.SystemActor;
import org.tongban.support.Browser;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/**
 * The demo city's cases, loaded at start as on a first {@code java -jar} (its own context: the shared one leaves
 * them out): every state, a plausible desk for the counter, the reviewer and the head and a list for each applicant,
 * every audit chain intact, every act in the past on a working day, nothing added by loading again, and the deadline
 * watch deeming none of the waiting applications accepted at once.
 */
@TongbanTest
@TestPropertySource(properties = "tongban.demo-cases=true")
class DemoCasesTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @LocalServerPort int port;
    @Autowired CaseManagement cases;
    @Autowired Cases repository;
    @Autowired CaseAudit audit;
    @Autowired CaseDeadlineWatch watch;
    @Autowired CalendarManagement calendars;
    @Autowired AccountManagement accounts;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;

    private List<Case> demoCases() {
        return jdbc.sql("SELECT case_id FROM cases_submission WHERE idempotency_key LIKE 'demo.%'")
                .query(UUID.class).list().stream().map(id -> repository.find(new CaseId(id)).orElseThrow()).toList();
    }

    private UUID accountId(String username) {
        return SystemActor.runAs("test", Set.of(Role.PLATFORM_ADMIN), () -> accounts.accountByUsername(username))
                .orElseThrow().id();
    }

    private List<CaseSummary> inbox(String user, Inbox.View view) {
        return signedIn.as(user, () -> cases.inbox(new Inbox(view, null), 1, 100)).cases();
    }

    private static Set<CaseStatus> statuses(List<CaseSummary> rows) {
        return rows.stream().map(CaseSummary::status).collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseStatus.class)));
    }

    @Test
    void everyStoryIsLoadedAndTogetherTheyHoldEveryState() {
        List<Case> all = demoCases();

        assertThat(all).hasSize(DemoCases.stories().size()).hasSizeBetween(40, 80);
        assertThat(all.stream().map(Case::status).collect(Collectors.toSet())).containsExactlyInAnyOrder(CaseStatus.values());
        long marketRegulation = all.stream().filter(c -> c.item().itemCode().startsWith("11377000HC00002511")).count();
        assertThat(marketRegulation).as("most cases are 市市场监管局's").isGreaterThan(all.size() / 2);
        assertThat(all).extracting(c -> c.intake().channel()).contains(Intake.Channel.COUNTER, Intake.Channel.WEB);
    }

    @Test
    void theHistoriesHoldWhatADeskShows() {
        List<Case> all = demoCases();
        UUID head = accountId("head.scj");

        assertThat(all).as("extended by head.scj").anyMatch(c -> c.status() == CaseStatus.IN_PROGRESS
                && !c.extensions().isEmpty() && c.extensions().getFirst().approvedBy().contains("孙丽"));
        assertThat(all).as("in a special procedure").anyMatch(c -> c.status() == CaseStatus.SUSPENDED
                && c.pauses().getLast().open() && c.deadlines().promisedDue() == null);
        assertThat(all).as("a special procedure ended").anyMatch(c -> !c.pauses().isEmpty() && !c.pauses().getLast().open());
        assertThat(all).as("accepted with a deferred material outstanding").anyMatch(c -> c.status() == CaseStatus.IN_PROGRESS
                && c.deferred().stream().anyMatch(DeferredMaterial::outstanding));
        assertThat(all).as("a deferred material received").anyMatch(c -> c.deferred().stream().anyMatch(d -> !d.outstanding()));
        assertThat(all).as("rejected with its legal basis").anyMatch(c -> c.status() == CaseStatus.COMPLETED
                && c.decision().outcome() == Decision.Outcome.REJECTED && c.decision().legalBasis().contains("第"));
        assertThat(all).as("revoked after a false commitment").anyMatch(c -> c.status() == CaseStatus.REVOKED
                && c.materials().stream().anyMatch(m -> m.provision() == SubmittedMaterial.Provision.COMMITMENT)
                && c.revocationReasons().contains("虚假承诺"));
        assertThat(all).as("秒批").anyMatch(c -> c.status() == CaseStatus.COMPLETED && c.decision().automatic()
                && c.decision().automaticRule().contains("申请人年满60周岁"));
        assertThat(all).as("resubmitted after a correction").anyMatch(c -> c.status() == CaseStatus.SUBMITTED
                && c.correction() != null && c.correction().resubmittedOn() != null);
        assertThat(all).as("approved, waiting to be handed over").anyMatch(c -> c.status() == CaseStatus.APPROVED
                && c.intake().delivery().method() == Intake.Delivery.Method.PICK_UP);
        assertThat(all).as("awaiting the head's decision").anyMatch(c -> c.status() == CaseStatus.IN_PROGRESS
                && c.step() == c.terms().lastStep() && c.terms().step(c.step()).role() == Role.DEPARTMENT_HEAD
                && c.assignee() == null);
        assertThat(all).as("claimed by the head").anyMatch(c -> c.assignee() != null && c.assignee().accountId().equals(head));
        assertThat(all).as("at step 2").anyMatch(c -> c.status() == CaseStatus.IN_PROGRESS && c.step() == 1);
        assertThat(all).as("completed late").anyMatch(c -> c.status() == CaseStatus.COMPLETED
                && c.deadlines().promisedDue() != null && c.completedOn().isAfter(c.deadlines().promisedDue()));
    }

    @Test
    void theCounterSeesApplicationsOfSeveralDepartmentsAndApprovalsToHandOverWithWarnings() {
        List<CaseSummary> all = inbox("clerk", Inbox.View.ALL);
        List<CaseSummary> dueSoon = inbox("clerk", Inbox.View.DUE_SOON);
        report("clerk", all, dueSoon, inbox("clerk", Inbox.View.OVERDUE), List.of(), List.of());

        assertThat(statuses(all)).containsExactlyInAnyOrder(CaseStatus.SUBMITTED, CaseStatus.APPROVED);
        assertThat(all).hasSizeGreaterThanOrEqualTo(8);
        assertThat(all.stream().map(s -> s.itemCode().substring(0, 18)).distinct().count())
                .as("departments on the counter").isGreaterThanOrEqualTo(5);
        assertThat(dueSoon).as("applications near their acceptance deadline").filteredOn(s -> s.status() == CaseStatus.SUBMITTED)
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch(s -> cases.urgency(s.acceptanceDue()) == CaseManagement.Urgency.DUE_SOON);
        assertThat(inbox("clerk", Inbox.View.OVERDUE)).as("nothing is past its acceptance deadline").isEmpty();
    }

    @Test
    void theReviewerHasUnclaimedAndOwnCasesSomeDueSoonAndSomeOverdue() {
        UUID reviewer = accountId("reviewer.scj");
        List<CaseSummary> all = inbox("reviewer.scj", Inbox.View.ALL);
        List<CaseSummary> unassigned = inbox("reviewer.scj", Inbox.View.UNASSIGNED);
        List<CaseSummary> mine = inbox("reviewer.scj", Inbox.View.MINE);
        List<CaseSummary> dueSoon = inbox("reviewer.scj", Inbox.View.DUE_SOON);
        List<CaseSummary> overdue = inbox("reviewer.scj", Inbox.View.OVERDUE);
        report("reviewer.scj", all, dueSoon, overdue, unassigned, mine);

        assertThat(statuses(all)).contains(CaseStatus.SUBMITTED, CaseStatus.AWAITING_CORRECTION, CaseStatus.IN_PROGRESS,
                CaseStatus.SUSPENDED, CaseStatus.APPROVED);
        assertThat(all).hasSizeGreaterThanOrEqualTo(12);
        assertThat(unassigned).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(s -> "DEPARTMENT_REVIEWER".equals(s.stepRole()) && s.assigneeId() == null);
        assertThat(mine).hasSizeGreaterThanOrEqualTo(3).allMatch(s -> reviewer.equals(s.assigneeId()));
        assertThat(statuses(mine)).contains(CaseStatus.IN_PROGRESS, CaseStatus.SUSPENDED);
        assertThat(dueSoon).isNotEmpty().allMatch(s -> cases.urgency(s.due()) == CaseManagement.Urgency.DUE_SOON);
        assertThat(overdue).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(s -> cases.urgency(s.due()) == CaseManagement.Urgency.OVERDUE);
        assertThat(overdue).as("one overdue case nobody has claimed, one the reviewer holds")
                .anyMatch(s -> s.assigneeId() == null).anyMatch(s -> reviewer.equals(s.assigneeId()));
    }

    @Test
    void theHeadHasDecisionsToTakeOneOverdueAndOneClaimed() {
        UUID head = accountId("head.scj");
        List<CaseSummary> awaitingDecision = inbox("head.scj", Inbox.View.UNASSIGNED);
        List<CaseSummary> mine = inbox("head.scj", Inbox.View.MINE);
        report("head.scj", inbox("head.scj", Inbox.View.ALL), inbox("head.scj", Inbox.View.DUE_SOON),
                inbox("head.scj", Inbox.View.OVERDUE), awaitingDecision, mine);

        assertThat(awaitingDecision).hasSizeGreaterThanOrEqualTo(2).allMatch(s -> "DEPARTMENT_HEAD".equals(s.stepRole()));
        assertThat(awaitingDecision).anyMatch(s -> cases.urgency(s.due()) == CaseManagement.Urgency.OVERDUE)
                .anyMatch(s -> cases.urgency(s.due()) == CaseManagement.Urgency.DUE_SOON);
        assertThat(mine).isNotEmpty().allMatch(s -> head.equals(s.assigneeId()));
    }

    @Test
    void eachApplicantSeesTheirOwnCasesInManyStates() {
        Map<String, Set<CaseStatus>> seen = new LinkedHashMap<>();
        for (String applicant : List.of("13800000001", "13800000002", "13800000003", "91377002HC10000182", "92377003HC10000268")) {
            List<CaseSummary> mine = signedIn.as(applicant, () -> cases.mine(1, 100)).cases();
            UUID id = accountId(applicant);
            assertThat(mine).as(applicant).hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(s -> repository.find(s.number()).orElseThrow().applicant().accountId().equals(id));
            seen.put(applicant, statuses(mine));
        }
        System.out.println("Demo applicants' lists by state: " + seen);

        assertThat(seen.get("13800000001")).contains(CaseStatus.SUBMITTED, CaseStatus.AWAITING_CORRECTION,
                CaseStatus.IN_PROGRESS, CaseStatus.COMPLETED, CaseStatus.WITHDRAWN);
        assertThat(seen.get("13800000003")).contains(CaseStatus.COMPLETED, CaseStatus.SUBMITTED);
        assertThat(seen.get("91377002HC10000182")).contains(CaseStatus.REVOKED, CaseStatus.NOT_ACCEPTED,
                CaseStatus.WITHDRAWN, CaseStatus.APPROVED, CaseStatus.IN_PROGRESS);
        assertThat(seen.get("92377003HC10000268")).contains(CaseStatus.SUSPENDED, CaseStatus.APPROVED, CaseStatus.COMPLETED);
    }

    @Test
    void everyAuditChainVerifiesAndEveryActHappenedOnAWorkingDayBeforeToday() {
        LocalDate today = LocalDate.now(CITY);
        var calendar = calendars.calendar().assumingWeekdaysBeyondPublished();
        for (Case c : demoCases()) {
            CaseAudit.Verification v = audit.verify(c.id());
            assertThat(v.intact()).as(c.number() + " " + c.terms().itemName()).isTrue();
            List<CaseAudit.Entry> entries = audit.entries(c.id());
            assertThat(entries).isNotEmpty();
            assertThat(entries.getFirst().event()).isEqualTo("CaseSubmitted");
            assertThat(entries.getLast().toStatus()).isEqualTo(c.status().name());
            Instant previous = Instant.MIN;
            for (CaseAudit.Entry e : entries) {
                LocalDate day = LocalDate.ofInstant(e.occurredAt(), CITY);
                assertThat(day).as(c.number() + " " + e.event()).isBefore(today);
                assertThat(calendar.isWorkingDay(day)).as(c.number() + " " + e.event() + " on " + day).isTrue();
                assertThat(e.occurredAt()).isAfterOrEqualTo(previous).isBefore(e.recordedAt());
                previous = e.occurredAt();
            }
            assertThat(c.number().receivedOn()).isEqualTo(c.receivedOn());
        }
    }

    @Test
    void everyDepartmentWithDemoCasesHasADemoReviewerAndHeadSoThatItsCasesCanMoveOn() {
        List<UUID> departments = jdbc.sql("SELECT DISTINCT c.department_id FROM cases_case c JOIN cases_submission s "
                + "ON s.case_id = c.id WHERE s.idempotency_key LIKE 'demo.%'").query(UUID.class).list();
        assertThat(departments).hasSizeGreaterThan(5);
        for (UUID department : departments) {
            for (String role : List.of("DEPARTMENT_REVIEWER", "DEPARTMENT_HEAD")) {
                assertThat(jdbc.sql("SELECT username FROM identity_account WHERE department_id = ? AND roles::text LIKE ?")
                        .params(department, "%" + role + "%").query(String.class).list())
                        .as("a %s of department %s", role, department).isNotEmpty();
            }
        }
        // Each demo case of another department at one of its steps is in the inbox of that department's demo account.
        record AtStep(String number, UUID department, String role) {
        }
        List<AtStep> atSteps = jdbc.sql("SELECT c.number, c.department_id, c.step_role FROM cases_case c JOIN cases_submission s "
                        + "ON s.case_id = c.id WHERE s.idempotency_key LIKE 'demo.%' AND c.status = 'IN_PROGRESS' "
                        + "AND c.step_role IN ('DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD') AND c.department_id <> "
                        + "(SELECT department_id FROM identity_account WHERE username = 'reviewer.scj')")
                .query((rs, n) -> new AtStep(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3))).list();
        assertThat(atSteps).isNotEmpty();
        for (AtStep c : atSteps) {
            String user = jdbc.sql("SELECT username FROM identity_account WHERE department_id = ? AND roles::text LIKE ? "
                    + "AND username LIKE '%.%' ORDER BY username LIMIT 1").params(c.department(), "%" + c.role() + "%")
                    .query(String.class).single();
            assertThat(inbox(user, Inbox.View.ALL)).as("%s's inbox", user)
                    .anySatisfy(inInbox -> assertThat(inInbox.number().value()).isEqualTo(c.number()));
        }
    }

    @Test
    void loadingAgainAddsNothing() {
        long casesBefore = jdbc.sql("SELECT count(*) FROM cases_case").query(Long.class).single();
        long entriesBefore = jdbc.sql("SELECT count(*) FROM cases_entry").query(Long.class).single();

        int created = SystemActor.runAs("demo-data", Set.of(Role.PLATFORM_ADMIN), () -> cases.loadDemoCases());

        assertThat(created).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM cases_case").query(Long.class).single()).isEqualTo(casesBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM cases_entry").query(Long.class).single()).isEqualTo(entriesBefore);
    }

    @Test
    void theDeadlineWatchDeemsNoWaitingApplicationAcceptedAtItsFirstPass() {
        long waiting = demoCases().stream().filter(c -> c.status() == CaseStatus.SUBMITTED).count();

        CaseDeadlineWatch.Pass pass = watch.run();

        assertThat(pass.deemedAccepted()).isZero();
        assertThat(demoCases().stream().filter(c -> c.status() == CaseStatus.SUBMITTED).count()).isEqualTo(waiting);
        System.out.println("Deadline watch over the demo cases: " + pass);
    }

    @Test
    void theCounterDeskAndTheReviewerInboxInABrowser() {
        Page clerk = browser.open(1280);
        signIn(clerk, "clerk");
        clerk.navigate(url("/staff/cases"));
        assertThat(clerk.locator("table")).containsText("待受理");
        assertThat(clerk.locator("table")).containsText("已准予");
        Browser.assertNoAxeViolations(clerk);
        Browser.screenshot(clerk, "target/docs/screenshots/demo-counter-desk-desktop.png");

        Page reviewer = browser.open(1280);
        signIn(reviewer, "reviewer.scj");
        reviewer.navigate(url("/staff/cases"));
        assertThat(reviewer.locator("table")).containsText("特别程序中");
        Browser.assertNoAxeViolations(reviewer);
        Browser.screenshot(reviewer, "target/docs/screenshots/demo-reviewer-inbox-desktop.png");
        Case extended = demoCases().stream().filter(c -> !c.extensions().isEmpty() && c.status().open()).findFirst().orElseThrow();
        reviewer.navigate(url("/staff/cases/" + extended.number().value()));
        assertThat(reviewer.locator("main")).containsText("延长");
        Browser.screenshot(reviewer, "target/docs/screenshots/demo-extended-case-desktop.png");
        SubmittedMaterial file = extended.materials().stream()
                .filter(m -> m.provision() == SubmittedMaterial.Provision.FILE).findFirst().orElseThrow();
        var material = reviewer.request().get(url("/staff/cases/" + extended.number().value() + "/files/" + file.reference()));
        org.assertj.core.api.Assertions.assertThat(material.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(material.headers().get("content-type")).isEqualTo("application/pdf");
        reviewer.navigate(url("/staff/cases?view=OVERDUE"));
        assertThat(reviewer.locator("table")).containsText("办理中");
        Browser.screenshot(reviewer, "target/docs/screenshots/demo-reviewer-overdue-desktop.png");

        Page head = browser.open(1280);
        signIn(head, "head.scj");
        head.navigate(url("/staff/cases?view=UNASSIGNED"));
        assertThat(head.locator("table")).containsText("决定");
        Browser.screenshot(head, "target/docs/screenshots/demo-head-decisions-desktop.png");

        Page citizen = browser.open(390);
        signIn(citizen, "13800000001");
        citizen.navigate(url("/cases"));
        assertThat(citizen.locator("main")).containsText("已撤回");
        Browser.assertNoAxeViolations(citizen);
        Browser.screenshot(citizen, "target/docs/screenshots/demo-my-cases-phone.png");

        Page pensioner = browser.open(390);
        signIn(pensioner, "13800000003");
        Case instant = demoCases().stream().filter(c -> c.decision() != null && c.decision().automatic()).findFirst().orElseThrow();
        pensioner.navigate(url("/cases/" + instant.number().value()));
        assertThat(pensioner.locator("main")).containsText("秒批");
        Browser.assertNoAxeViolations(pensioner);
        Browser.screenshot(pensioner, "target/docs/screenshots/demo-instant-approval-phone.png");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(Page page, String user) {
        page.navigate(url("/login"));
        page.getByLabel("账号").fill(user);
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("tongban2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    }

    private static void report(String who, List<CaseSummary> all, List<CaseSummary> dueSoon, List<CaseSummary> overdue,
                               List<CaseSummary> unassigned, List<CaseSummary> mine) {
        System.out.printf("Demo desk of %s: all %d %s, due soon %d, overdue %d, unassigned %d, mine %d%n", who,
                all.size(), all.stream().collect(Collectors.groupingBy(CaseSummary::status, Collectors.counting())),
                dueSoon.size(), overdue.size(), unassigned.size(), mine.size());
    }
}
