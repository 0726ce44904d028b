package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.tongban.calendar.CalendarManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/**
 * The deadline watch as two application instances on one database would run it: at the same time, each deemed
 * acceptance and each due-soon or overdue alert happens once. And as a batch: a case it cannot handle (a stored
 * state it cannot read, terms the clock cannot count) is logged and tried again on the next pass, while the other
 * cases of the pass are handled as usual.
 */
@TongbanTest
class CaseDeadlineWatchTests {

    static final String ENTERPRISE = "91377002HC10000182";

    @Autowired CaseManagement cases;
    @Autowired Cases repository;
    @Autowired CaseAudit audit;
    @Autowired CatalogManagement catalog;
    @Autowired CalendarManagement calendars;
    @Autowired CasesProperties properties;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;
    @Autowired JdbcClient jdbc;

    String item;

    @BeforeEach
    void anItemOn28September() {
        clock.dayAt10("2026-09-28");
        item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2026, 9, 28));
    }

    /** The stored state of each case a test broke, to put back even when the test fails half-way. */
    private final Map<CaseNumber, String> broken = new HashMap<>();

    @AfterEach
    void resetClock() {
        clock.reset();
        List.copyOf(broken.keySet()).forEach(this::repair);
        jdbc.sql("DELETE FROM cases_case WHERE number LIKE 'BROKEN%'").update();
    }

    private CaseDeadlineWatch anInstance() {
        return new CaseDeadlineWatch(repository, cases, jdbc, clock, events, transactions);
    }

    private void bothInstancesAtOnce() {
        CaseDeadlineWatch one = anInstance();
        CaseDeadlineWatch two = anInstance();
        CompletableFuture.allOf(CompletableFuture.runAsync(one::run), CompletableFuture.runAsync(two::run)).join();
    }

    private CaseNumber submit() {
        return submit(item);
    }

    private CaseNumber submit(String item) {
        byte[] pdf = "%PDF-1.4\n% 申请书\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = signedIn.as(ENTERPRISE, () -> cases.upload("file", "申请书.pdf", pdf)).sha256();
        Application a = new Application(item, null, Map.of("contact", "陈示例"),
                List.of(new SubmittedMaterial(CaseTestItems.FORM, SubmittedMaterial.Provision.FILE, sha, "a.pdf"),
                        new SubmittedMaterial(CaseTestItems.FLOOR_PLAN, SubmittedMaterial.Provision.FILE, sha, "b.pdf")),
                new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null));
        return signedIn.as(ENTERPRISE, () -> cases.submit(a, "watch-" + UUID.randomUUID())).submitted().number();
    }

    private List<String> alerts(CaseNumber n) {
        CaseId id = repository.find(n).orElseThrow().id();
        return jdbc.sql("SELECT deadline || ' ' || due || ' ' || level FROM cases_deadline_alert WHERE case_id = ? ORDER BY raised_at")
                .param(id.value()).query(String.class).list();
    }

    private long entries(CaseNumber n, String event) {
        return audit.entries(repository.find(n).orElseThrow().id()).stream().filter(e -> e.event().equals(event)).count();
    }

    @Test
    void anApplicationLeftPastItsAcceptanceDeadlineIsDeemedAcceptedOnceFromTheDayItArrived() {
        CaseNumber n = submit();
        clock.dayAt10("2026-10-09");
        bothInstancesAtOnce();
        // Due 10-10 (a worked Saturday): two days before, it is due soon, not yet deemed accepted.
        assertThat(repository.find(n).orElseThrow().status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(alerts(n)).containsExactly("ACCEPTANCE 2026-10-10 DUE_SOON");

        clock.dayAt10("2026-10-12");
        bothInstancesAtOnce();

        Case c = repository.find(n).orElseThrow();
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.deemedAccepted()).isTrue();
        assertThat(c.acceptedOn()).isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(entries(n, "CaseAccepted")).isEqualTo(1);
        assertThat(audit.verify(c.id()).intact()).isTrue();
    }

    @Test
    void dueSoonAndOverdueAreRaisedOncePerDeadlineWhateverTheNumberOfInstances() {
        CaseNumber n = submit();
        clock.dayAt10("2026-09-30");
        signedIn.as("clerk", () -> cases.accept(n, Map.of()));
        // Promised 5 working days from 09-30: 10-08, 10-09, 10-10, 10-12, 10-13.
        clock.dayAt10("2026-10-12");
        bothInstancesAtOnce();
        bothInstancesAtOnce();
        assertThat(alerts(n)).containsExactly("PROMISED 2026-10-13 DUE_SOON");

        clock.dayAt10("2026-10-14");
        bothInstancesAtOnce();
        bothInstancesAtOnce();
        assertThat(alerts(n)).containsExactly("PROMISED 2026-10-13 DUE_SOON", "PROMISED 2026-10-13 OVERDUE");
    }

    // ---- one case the watch cannot handle does not stop the rest ----

    /** Keeps the case's state, then changes it with {@code jsonb_set(state, path, value)}. */
    private void breakState(CaseNumber n, String path, String value) {
        broken.putIfAbsent(n, jdbc.sql("SELECT state::text FROM cases_case WHERE number = ?").param(n.value())
                .query(String.class).single());
        jdbc.sql("UPDATE cases_case SET state = jsonb_set(state, CAST(? AS text[]), CAST(? AS jsonb)) WHERE number = ?")
                .params(path, value, n.value()).update();
    }

    private void repair(CaseNumber n) {
        String state = broken.remove(n);
        if (state != null) {
            jdbc.sql("UPDATE cases_case SET state = CAST(? AS jsonb) WHERE number = ?").params(state, n.value()).update();
        }
    }

    private UUID idOf(CaseNumber n) {
        return jdbc.sql("SELECT id FROM cases_case WHERE number = ?").param(n.value()).query(UUID.class).single();
    }

    /** The watch's recorded failures of the case: task and attempts. */
    private List<String> failures(CaseNumber n) {
        return jdbc.sql("SELECT task || ' ' || attempts FROM cases_watch_failure WHERE case_id = ? ORDER BY task")
                .param(idOf(n)).query(String.class).list();
    }

    private String statusColumn(CaseNumber n) {
        return jdbc.sql("SELECT status FROM cases_case WHERE number = ?").param(n.value()).query(String.class).single();
    }

    /**
     * Runs one pass of the watch and returns what it logged at WARN or above, each line with the exception whose
     * stack trace went with it.
     */
    private List<String> passLogging() {
        Logger logger = (Logger) LoggerFactory.getLogger(CaseDeadlineWatch.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            anInstance().run();
        }
        finally {
            logger.detachAppender(appender);
        }
        return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getFormattedMessage() + " | stack trace of "
                        + (e.getThrowableProxy() == null ? "nothing" : e.getThrowableProxy().getClassName()))
                .toList();
    }

    @Test
    void aCaseThatCannotBeDeemedAcceptedIsLoggedAndTriedAgainWhileTheOthersAreDeemedAccepted() {
        // Two cases that arrived on Thursday 09-24 (due 10-09, so first in the watch's batch) break: one's stored
        // state names a status that does not exist, the other's terms hold a statutory limit of 3650 working days,
        // which the clock refuses to count (more than ten years). Two that arrived on 09-28 (due 10-10) are sound.
        clock.dayAt10("2026-09-24");
        String earlier = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2026, 9, 24));
        CaseNumber unreadable = submit(earlier);
        CaseNumber uncountable = submit(earlier);
        clock.dayAt10("2026-09-28");
        CaseNumber first = submit();
        CaseNumber second = submit();
        breakState(unreadable, "{status}", "\"NO_SUCH_STATUS\"");
        breakState(uncountable, "{terms,statutory,days}", "3650");

        clock.dayAt10("2026-10-12");
        List<String> logged = passLogging();

        for (CaseNumber sound : List.of(first, second)) {
            Case c = repository.find(sound).orElseThrow();
            assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(c.deemedAccepted()).isTrue();
            assertThat(c.acceptedOn()).isEqualTo(LocalDate.of(2026, 9, 28));
        }
        assertThat(statusColumn(unreadable)).isEqualTo("SUBMITTED");
        assertThat(statusColumn(uncountable)).isEqualTo("SUBMITTED");
        assertThat(repository.find(uncountable).orElseThrow().deemedAccepted()).isFalse();
        assertThat(logged).anySatisfy(m -> assertThat(m).contains(idOf(unreadable).toString(),
                "could not be deemed accepted", "NO_SUCH_STATUS", "failed 1 time(s)", "tries again from 2026-10-12T02:10:00Z",
                "stack trace of tools.jackson"));
        assertThat(logged).anySatisfy(m -> assertThat(m).contains(idOf(uncountable).toString(),
                "could not be deemed accepted", "时限超过十年", "stack trace of java.lang.IllegalStateException"));
        assertThat(logged).anySatisfy(m -> assertThat(m).contains("2 case(s) it cannot handle", "cases_watch_failure"));

        // A pass before their retry leaves them alone; the first after it tries both again, and waits longer.
        assertThat(passLogging()).noneSatisfy(m -> assertThat(m).contains(idOf(unreadable).toString()));
        clock.advance(CaseDeadlineWatch.FIRST_RETRY);
        List<String> again = passLogging();
        assertThat(again).anySatisfy(m -> assertThat(m).contains(idOf(unreadable).toString(), "failed 2 time(s)",
                "tries again from 2026-10-12T02:30:00Z"));
        assertThat(again).anySatisfy(m -> assertThat(m).contains(idOf(uncountable).toString(), "failed 2 time(s)"));

        // Once they can be handled, the pass after their retry deems them accepted as of the day they arrived.
        repair(unreadable);
        repair(uncountable);
        clock.advance(CaseDeadlineWatch.FIRST_RETRY.multipliedBy(2));
        List<String> repaired = passLogging();
        for (CaseNumber n : List.of(unreadable, uncountable)) {
            Case c = repository.find(n).orElseThrow();
            assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(c.acceptedOn()).isEqualTo(LocalDate.of(2026, 9, 24));
            assertThat(entries(n, "CaseAccepted")).isEqualTo(1);
            assertThat(audit.verify(c.id()).intact()).isTrue();
            assertThat(repaired).noneSatisfy(m -> assertThat(m).contains(idOf(n).toString()));
            assertThat(failures(n)).isEmpty();
        }
    }

    @Test
    void aCaseWhoseAlertCannotBeRaisedIsLoggedAndTriedAgainWhileTheOthersAreAlerted() {
        CaseNumber before = submit();
        CaseNumber unreadable = submit();
        CaseNumber after = submit();
        clock.dayAt10("2026-09-30");
        for (CaseNumber n : List.of(before, unreadable, after)) {
            signedIn.as("clerk", () -> cases.accept(n, Map.of()));
        }
        // Promised 5 working days from 09-30: 10-08, 10-09, 10-10 (a Saturday worked), 10-12, 10-13.
        breakState(unreadable, "{status}", "\"NO_SUCH_STATUS\"");

        clock.dayAt10("2026-10-12");
        List<String> logged = passLogging();

        assertThat(alerts(before)).containsExactly("PROMISED 2026-10-13 DUE_SOON");
        assertThat(alerts(after)).containsExactly("PROMISED 2026-10-13 DUE_SOON");
        assertThat(jdbc.sql("SELECT count(*) FROM cases_deadline_alert WHERE case_id = ?").param(idOf(unreadable))
                .query(Long.class).single()).isZero();
        assertThat(logged).anySatisfy(m -> assertThat(m).contains("Deadline alert (DUE_SOON)", idOf(unreadable).toString(),
                "NO_SUCH_STATUS", "tries again from", "stack trace of tools.jackson"));
        assertThat(failures(unreadable)).containsExactly("DUE_SOON 1");

        clock.advance(CaseDeadlineWatch.FIRST_RETRY);
        assertThat(passLogging()).anySatisfy(m -> assertThat(m).contains(idOf(unreadable).toString()));
        assertThat(failures(unreadable)).containsExactly("DUE_SOON 2");

        repair(unreadable);
        clock.advance(CaseDeadlineWatch.FIRST_RETRY.multipliedBy(2));
        passLogging();
        assertThat(failures(unreadable)).isEmpty();
        assertThat(alerts(unreadable)).containsExactly("PROMISED 2026-10-13 DUE_SOON");
        assertThat(alerts(before)).containsExactly("PROMISED 2026-10-13 DUE_SOON");
    }

    /**
     * Copies the case {@code count} times (numbers {@code BROKEN…}), each with a stored status that does not exist,
     * the given status column and due dates: rows the watch selects and cannot read.
     */
    private void unreadableCopies(CaseNumber of, int count, String prefix, String status, LocalDate acceptanceDue,
                                  LocalDate due) {
        jdbc.sql("""
                INSERT INTO cases_case (id, number, item_code, item_version, item_name, department_id, accepting_centre,
                    applicant_id, applicant_name, status, step, step_role, step_name, assignee_id, received_on,
                    acceptance_due, promised_due, statutory_due, due, submitted_at, updated_at, mobile_tail, state, version)
                SELECT gen_random_uuid(), ? || lpad(g::text, 23 - length(?), '0'), item_code, item_version, item_name,
                    department_id, accepting_centre, applicant_id, applicant_name, ?, step, step_role, step_name,
                    assignee_id, received_on, ?, promised_due, statutory_due, ?, submitted_at, updated_at, mobile_tail,
                    jsonb_set(state, '{status}', '"NO_SUCH_STATUS"'), version
                FROM cases_case, generate_series(1, ?) g WHERE number = ?""")
                .params(prefix, prefix, status, Date.valueOf(acceptanceDue), Date.valueOf(due), count, of.value())
                .update();
    }

    private long failuresOfCopies(String prefix, String task, int attempts) {
        return jdbc.sql("SELECT count(*) FROM cases_watch_failure f JOIN cases_case c ON c.id = f.case_id "
                        + "WHERE c.number LIKE ? AND f.task = ? AND f.attempts = ?")
                .params(prefix + "%", task, attempts).query(Long.class).single();
    }

    @Test
    void moreFailingCasesThanABatchHoldsDoNotKeepTheWatchFromTheCasesBehindThem() {
        // Sound: one application that arrived on 09-28 (acceptance due 10-10), one accepted on 09-30 (promised 10-13).
        CaseNumber waiting = submit();
        CaseNumber accepted = submit();
        clock.dayAt10("2026-09-30");
        signedIn.as("clerk", () -> cases.accept(accepted, Map.of()));
        // Unreadable, more than a batch of each, and sorted first: applications due for acceptance on 10-09, and
        // cases in progress due on 10-12, before the sound ones in the watch's date order.
        int more = CaseDeadlineWatch.BATCH + 20;
        unreadableCopies(waiting, more, "BROKENA", "SUBMITTED", LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 9));
        unreadableCopies(accepted, more, "BROKENB", "IN_PROGRESS", LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 12));

        clock.dayAt10("2026-10-12");
        List<String> logged = passLogging();

        Case deemed = repository.find(waiting).orElseThrow();
        assertThat(deemed.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(deemed.deemedAccepted()).isTrue();
        assertThat(alerts(accepted)).containsExactly("PROMISED 2026-10-13 DUE_SOON");
        assertThat(failuresOfCopies("BROKENA", "DEEM_ACCEPTED", 1)).isEqualTo(more);
        assertThat(failuresOfCopies("BROKENA", "OVERDUE", 1)).isEqualTo(more);
        assertThat(failuresOfCopies("BROKENB", "DUE_SOON", 1)).isEqualTo(more);
        assertThat(logged).anySatisfy(m -> assertThat(m).contains((2 * more) + " case(s) it cannot handle ("
                + (3 * more) + " waiting to be retried)"));

        // Until their retry, the next passes do not try them again (and log no failure of theirs).
        clock.advance(Duration.ofMinutes(5));
        assertThat(passLogging()).noneSatisfy(m -> assertThat(m).contains("could not be deemed accepted"));
        assertThat(failuresOfCopies("BROKENA", "DEEM_ACCEPTED", 1)).isEqualTo(more);

        // A sound case that becomes due behind them is handled at once.
        CaseNumber later = submit();
        clock.dayAt10("2026-10-20");
        CaseDeadlineWatch.Pass pass = anInstance().run();
        assertThat(repository.find(later).orElseThrow().deemedAccepted()).isTrue();
        assertThat(pass.failed()).isEqualTo(3 * more);
        assertThat(failuresOfCopies("BROKENA", "DEEM_ACCEPTED", 2)).isEqualTo(more);
    }
}
