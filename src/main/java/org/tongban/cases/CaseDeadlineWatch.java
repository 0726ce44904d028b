package org.tongban.cases;

import org.jspecify.annotations.Nullable;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Watches the deadlines of open cases, on every instance and safely so: an application not dealt with by its
 * acceptance deadline is deemed accepted (行政许可法 §32), through the case's own transition and version check, so
 * two instances cannot both do it; and {@link CaseDueSoon} and {@link CaseOverdue} are raised once per case,
 * deadline, date and level, by first claiming that row in {@code cases_deadline_alert} (a conflict means another
 * instance raised it) and publishing in the same transaction.
 *
 * <p>One case that fails does not stop the others, nor do many: a pass reads the due cases batch by batch in
 * due-date order (keyset, never the same batch twice), so it reaches every one of them however many fail before
 * them. A failure is recorded in {@code cases_watch_failure} with its attempts; the case is left out of the passes
 * until its {@code retry_after}, 10 minutes after the first failure and twice as long after each further one, at
 * most a day. Each failure is logged with its stack trace, and each pass that leaves failures behind says how many
 * there are, for operations to look at.
 */
@Component
class CaseDeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(CaseDeadlineWatch.class);
    static final int BATCH = 500;
    static final Duration FIRST_RETRY = Duration.ofMinutes(10);
    static final Duration LAST_RETRY = Duration.ofDays(1);
    private static final UUID NO_ID = new UUID(0, 0);
    private static final LocalDate BEFORE_ANY = LocalDate.of(1970, 1, 1);

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

    /** What one pass did: cases handled, and failures (one per case and task) it recorded. */
    record Pass(int deemedAccepted, int dueSoon, int overdue, int failed) {
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

    /** A due case as a batch reads it: its id and the date it is ordered by. */
    private record Due(UUID id, LocalDate due) {
    }

    Pass run() {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        CaseClock caseClock = management.caseClock();
        int[] failed = {0};
        int deemed = each("DEEM_ACCEPTED", "acceptance_due", "status = 'SUBMITTED' AND acceptance_due < ?",
                List.of(Date.valueOf(today)), now, failed,
                row -> deemAccepted(new CaseId(row.id()), today, caseClock),
                (row, e) -> "Case " + row.id() + " could not be deemed accepted (" + e + ")");
        LocalDate soon = management.dueSoonUntil(today);
        int dueSoon = raise(today, "DUE_SOON", "due >= ? AND due <= ?",
                List.of(Date.valueOf(today), Date.valueOf(soon)), now, caseClock, failed);
        int overdue = raise(today, "OVERDUE", "due < ?", List.of(Date.valueOf(today)), now, caseClock, failed);
        reportFailures(now);
        return new Pass(deemed, dueSoon, overdue, failed[0]);
    }

    /**
     * Handles every open case matching {@code condition} that is not waiting to be retried for {@code task}, each in
     * its own transaction, reading them {@link #BATCH} at a time after the last one read; returns how many were done.
     */
    private int each(String task, String orderColumn, String condition, List<Object> params, Instant now, int[] failed,
                     Function<Due, Boolean> handle, BiFunction<Due, RuntimeException, String> failure) {
        int done = 0;
        LocalDate afterDue = BEFORE_ANY;
        UUID afterId = NO_ID;
        while (true) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(List.of(Date.valueOf(afterDue), afterId, task, Timestamp.from(now)));
            List<Due> rows = jdbc.sql("SELECT id, " + orderColumn + " FROM cases_case c WHERE " + condition
                            + " AND (" + orderColumn + ", id) > (?, ?) AND NOT EXISTS (SELECT 1 FROM cases_watch_failure f"
                            + " WHERE f.case_id = c.id AND f.task = ? AND f.retry_after > ?)"
                            + " ORDER BY " + orderColumn + ", id LIMIT " + BATCH)
                    .params(all).query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate()))
                    .list();
            for (Due row : rows) {
                try {
                    Boolean handled = transaction.execute(s -> {
                        boolean yes = handle.apply(row);
                        jdbc.sql("DELETE FROM cases_watch_failure WHERE case_id = ? AND task = ?")
                                .params(row.id(), task).update();
                        return yes;
                    });
                    done += Boolean.TRUE.equals(handled) ? 1 : 0;
                }
                catch (RuntimeException e) {
                    // Rolled back: the case is as it was, and waits for its retry.
                    failed[0]++;
                    Failure f = recordFailure(row.id(), task, e, now);
                    log.warn("{}; failed {} time(s) since {}, the watch tries again from {}",
                            failure.apply(row, e), f.attempts(), f.firstFailedAt(), f.retryAfter(), e);
                }
            }
            if (rows.size() < BATCH) {
                return done;
            }
            Due last = rows.getLast();
            afterDue = last.due();
            afterId = last.id();
        }
    }

    private record Failure(int attempts, Instant firstFailedAt, Instant retryAfter) {
    }

    /** Counts the failure and sets its retry: {@link #FIRST_RETRY}, doubled each further time, at most {@link #LAST_RETRY}. */
    private Failure recordFailure(UUID id, String task, RuntimeException e, Instant now) {
        return jdbc.sql("""
                INSERT INTO cases_watch_failure (case_id, task, attempts, first_failed_at, last_failed_at, retry_after, error)
                VALUES (:id, :task, 1, :now, :now, CAST(:now AS timestamptz) + CAST(:first AS interval), :error)
                ON CONFLICT (case_id, task) DO UPDATE SET attempts = cases_watch_failure.attempts + 1,
                    last_failed_at = :now, error = :error,
                    retry_after = CAST(:now AS timestamptz) + LEAST(CAST(:first AS interval) * power(2, cases_watch_failure.attempts),
                                               CAST(:last AS interval))
                RETURNING attempts, first_failed_at, retry_after""")
                .param("id", id).param("task", task).param("now", Timestamp.from(now))
                .param("first", FIRST_RETRY.toSeconds() + " seconds").param("last", LAST_RETRY.toSeconds() + " seconds")
                .param("error", String.valueOf(e))
                .query((rs, n) -> new Failure(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                .single();
    }

    private void reportFailures(Instant now) {
        record Open(long cases, long waiting, @Nullable Timestamp since) {
        }
        Open open = jdbc.sql("SELECT count(DISTINCT case_id), count(*) FILTER (WHERE retry_after > ?), "
                        + "min(first_failed_at) FROM cases_watch_failure")
                .param(Timestamp.from(now)).query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3)))
                .single();
        if (open.cases() > 0) {
            log.warn("Deadline watch: {} case(s) it cannot handle ({} waiting to be retried), failing since {}: "
                    + "see cases_watch_failure", open.cases(), open.waiting(), open.since().toInstant());
        }
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

    private int raise(LocalDate today, String level, String condition, List<Object> params, Instant now,
                      CaseClock caseClock, int[] failed) {
        return each(level, "due", "status IN ('SUBMITTED', 'IN_PROGRESS', 'APPROVED') AND " + condition
                        + " AND NOT EXISTS (SELECT 1 FROM cases_deadline_alert a WHERE a.case_id = c.id AND a.due = c.due"
                        + " AND a.level = '" + level + "')", params, now, failed,
                row -> raiseOne(row.id(), row.due(), level, today, caseClock),
                (row, e) -> "Deadline alert (" + level + ") for case " + row.id() + " failed (" + e + ")");
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
