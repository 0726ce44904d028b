package org.tongban.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Watches the deadlines of open cases, on every instance and safely so: an application not dealt with by its
 * acceptance deadline is deemed accepted (行政许可法 §32), through the case's own transition and version check, so
 * two instances cannot both do it; and {@link CaseDueSoon} and {@link CaseOverdue} are raised once per case,
 * deadline, date and level, by first claiming that row in {@code cases_deadline_alert} (a conflict means another
 * instance raised it) and publishing in the same transaction. One case that fails does not stop the others.
 */
@Component
class CaseDeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(CaseDeadlineWatch.class);
    private static final int BATCH = 500;

    private final Cases cases;
    private final CaseManagement management;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    CaseDeadlineWatch(Cases cases, CaseManagement management, JdbcClient jdbc, Clock clock,
                      ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.cases = cases;
        this.management = management;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What one pass did. */
    record Pass(int deemedAccepted, int dueSoon, int overdue) {
    }

    @Scheduled(initialDelayString = "${tongban.cases.watch-initial-delay:PT1M}",
            fixedDelayString = "${tongban.cases.watch-interval:PT10M}")
    void scheduled() {
        Pass pass = run();
        if (pass.deemedAccepted() + pass.dueSoon() + pass.overdue() > 0) {
            log.info("Deadline watch: {} deemed accepted, {} due soon, {} overdue", pass.deemedAccepted(),
                    pass.dueSoon(), pass.overdue());
        }
    }

    Pass run() {
        LocalDate today = LocalDate.now(clock);
        CaseClock caseClock = management.caseClock();
        int deemed = 0;
        for (UUID id : jdbc.sql("SELECT id FROM cases_case WHERE status = 'SUBMITTED' AND acceptance_due < ? "
                        + "ORDER BY acceptance_due LIMIT " + BATCH).param(Date.valueOf(today)).query(UUID.class).list()) {
            try {
                Boolean done = transaction.execute(s -> deemAccepted(new CaseId(id), today, caseClock));
                deemed += Boolean.TRUE.equals(done) ? 1 : 0;
            }
            catch (RuntimeException e) {
                // Rolled back and left awaiting acceptance, so the next pass selects it again.
                log.warn("Case {} could not be deemed accepted ({}); the next pass tries again", id, e.toString(), e);
            }
        }
        LocalDate soon = management.dueSoonUntil(today);
        int dueSoon = raise(today, "DUE_SOON", "due >= ? AND due <= ?", List.of(Date.valueOf(today), Date.valueOf(soon)), caseClock);
        int overdue = raise(today, "OVERDUE", "due < ?", List.of(Date.valueOf(today)), caseClock);
        return new Pass(deemed, dueSoon, overdue);
    }

    private boolean deemAccepted(CaseId id, LocalDate today, CaseClock caseClock) {
        Case c = cases.find(id).orElseThrow();
        if (c.status() != CaseStatus.SUBMITTED) {
            return false;
        }
        Instant now = clock.instant();
        c.deemAccepted(new Act(Actor.platform(), now, today, caseClock));
        management.save(c, now);
        return true;
    }

    private int raise(LocalDate today, String level, String condition, List<Object> params, CaseClock caseClock) {
        record Due(UUID id, LocalDate due) {
        }
        List<Due> rows = jdbc.sql("SELECT id, due FROM cases_case WHERE status IN "
                        + "('SUBMITTED', 'IN_PROGRESS', 'APPROVED') AND " + condition + " AND NOT EXISTS (SELECT 1 FROM "
                        + "cases_deadline_alert a WHERE a.case_id = cases_case.id AND a.due = cases_case.due AND a.level = '"
                        + level + "') ORDER BY due LIMIT " + BATCH)
                .params(params).query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate())).list();
        int raised = 0;
        for (Due row : rows) {
            try {
                Boolean done = transaction.execute(s -> raiseOne(row.id(), row.due(), level, today, caseClock));
                raised += Boolean.TRUE.equals(done) ? 1 : 0;
            }
            catch (RuntimeException e) {
                // The claimed alert row rolled back with it, so the next pass raises it again.
                log.warn("Deadline alert ({}) for case {} failed ({}); the next pass tries again", level, row.id(),
                        e.toString(), e);
            }
        }
        return raised;
    }

    private boolean raiseOne(UUID id, LocalDate due, String level, LocalDate today, CaseClock caseClock) {
        Case c = cases.find(new CaseId(id)).orElseThrow();
        Deadline which = c.status() == CaseStatus.SUBMITTED ? Deadline.ACCEPTANCE
                : due.equals(c.deadlines().promisedDue()) ? Deadline.PROMISED : Deadline.STATUTORY;
        int claimed = jdbc.sql("""
                INSERT INTO cases_deadline_alert (case_id, deadline, due, level, raised_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(id, which.name(), Date.valueOf(due), level, Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            return false;
        }
        Instant now = clock.instant();
        events.publishEvent("DUE_SOON".equals(level)
                ? new CaseDueSoon(c.ref(), now, Actor.platform(), which, due, caseClock.workingDaysLeft(today, due))
                : new CaseOverdue(c.ref(), now, Actor.platform(), which, due));
        return true;
    }
}
