package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * acceptance and each due-soon or overdue alert happens once.
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

    @AfterEach
    void resetClock() {
        clock.reset();
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
}
