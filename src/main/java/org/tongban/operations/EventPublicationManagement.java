package org.tongban.operations;

import org.tongban.shared.AuthorizedBy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The event publications whose reactions have been incomplete for longer than {@code tongban.events.stale-after}
 * (a reaction normally completes within a second of its commit; one that failed stays incomplete until it is
 * resubmitted, here or at the next start), and their resubmission. The listing reads the registry's table itself,
 * so that it shows even a publication whose event can no longer be read; resubmission goes through Spring Modulith
 * ({@link IncompleteEventPublications}), which runs the listener again as it would at a restart.
 */
@Service
public class EventPublicationManagement {

    /** More is not a page but a backlog to look at in the database. */
    static final int LISTED_AT_MOST = 500;

    private final JdbcClient jdbc;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration staleAfter;

    EventPublicationManagement(JdbcClient jdbc, IncompleteEventPublications incomplete, Clock clock,
                               @Value("${tongban.events.stale-after:5m}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.incomplete = incomplete;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** How long a publication may stay incomplete before it is listed. */
    @AuthorizedBy("anyone: a setting")
    public Duration staleAfter() {
        return staleAfter;
    }

    /** The stale publications, oldest first (at most {@value #LISTED_AT_MOST}). */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<IncompletePublication> stale() {
        return jdbc.sql("""
                        SELECT id, event_type, listener_id, publication_date, status, completion_attempts,
                               last_resubmission_date
                        FROM event_publication
                        WHERE completion_date IS NULL AND publication_date < ?
                        ORDER BY publication_date, id
                        LIMIT ?""")
                .params(Timestamp.from(staleBefore()), LISTED_AT_MOST)
                .query((rs, n) -> {
                    Timestamp resubmitted = rs.getTimestamp("last_resubmission_date");
                    return new IncompletePublication(rs.getObject("id", UUID.class), rs.getString("event_type"),
                            rs.getString("listener_id"), rs.getTimestamp("publication_date").toInstant(),
                            rs.getString("status"), rs.getInt("completion_attempts"),
                            resubmitted == null ? null : resubmitted.toInstant());
                })
                .list();
    }

    /** Runs the listener of every stale publication again; returns how many were resubmitted. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public int resubmitStale() {
        return resubmit(publication -> true);
    }

    /** Runs the listener of one stale publication again; false when it is not (or no longer) stale. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public boolean resubmit(UUID id) {
        return resubmit(publication -> publication.getIdentifier().equals(id)) > 0;
    }

    private int resubmit(Predicate<EventPublication> which) {
        Instant before = staleBefore();
        AtomicInteger count = new AtomicInteger();
        // The registry claims each publication before running it again, so that two administrators (or two
        // instances) do not run one twice at once; the listeners are idempotent besides.
        incomplete.resubmitIncompletePublications(publication -> {
            boolean chosen = publication.getPublicationDate().isBefore(before) && which.test(publication);
            if (chosen) {
                count.incrementAndGet();
            }
            return chosen;
        });
        return count.get();
    }

    private Instant staleBefore() {
        return clock.instant().minus(staleAfter);
    }
}
