package org.tongban.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.calendar.CalendarYearImported;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * When a year's holiday schedule is published, every open case whose deadlines were counted on assumed ordinary
 * weeks (provisional) is counted again, each in its own transaction, through the aggregate (audited as
 * {@link CaseDeadlinesRecounted}). A case that fails is logged and the reaction fails after the others, so that the
 * event publication registry delivers it again; counting a case again that is already right changes nothing.
 */
@Component
class ProvisionalDeadlines {

    private static final Logger log = LoggerFactory.getLogger(ProvisionalDeadlines.class);

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CaseManagement management;
    private final Clock clock;
    private final TransactionTemplate eachCase;

    ProvisionalDeadlines(JdbcClient jdbc, Cases cases, CaseManagement management, Clock clock,
                         PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.management = management;
        this.clock = clock;
        this.eachCase = new TransactionTemplate(transactions);
        this.eachCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(CalendarYearImported imported) {
        List<UUID> provisional = jdbc.sql("SELECT id FROM cases_case WHERE status IN " + CaseLists.OPEN
                        + " AND (state -> 'deadlines' ->> 'provisional')::boolean")
                .query(UUID.class).list();
        int recounted = 0;
        int failed = 0;
        for (UUID id : provisional) {
            try {
                Boolean changed = eachCase.execute(status -> cases.find(new CaseId(id)).map(c -> {
                    Instant now = clock.instant();
                    Act act = new Act(Actor.platform(), now, LocalDate.ofInstant(now, clock.getZone()),
                            management.caseClock());
                    boolean moved = c.recount(act, imported.year());
                    if (moved) {
                        management.save(c, now);
                    }
                    return moved;
                }).orElse(false));
                recounted += Boolean.TRUE.equals(changed) ? 1 : 0;
            }
            catch (RuntimeException e) {
                failed++;
                log.warn("The deadlines of case {} could not be counted again on the {} calendar; the reaction will "
                        + "be delivered again", id, imported.year(), e);
            }
        }
        log.info("Calendar {} published: {} of {} provisional cases recounted", imported.year(), recounted,
                provisional.size());
        if (failed > 0) {
            throw new IllegalStateException(failed + " cases could not be recounted on the " + imported.year() + " calendar");
        }
    }
}
