package org.tongban.operations;

import org.tongban.shared.AuthorizedBy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
                    return IncompletePublication.of(rs.getObject("id", UUID.class), rs.getString("event_type"),
                            rs.getString("listener_id"), rs.getTimestamp("publication_date").toInstant(),
                            rs.getString("status"), rs.getInt("completion_attempts"),
                            resubmitted == null ? null : resubmitted.toInstant());
                })
                .list();
    }

    /**
     * Runs the listener of every stale publication again; returns how many were resubmitted.
     *
     * @see #resubmit(UUID)
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public int resubmitStale() {
        return resubmit(publication -> true);
    }

    /**
     * Runs the listener of one stale publication again; false when it is not (or no longer) stale, or when a
     * resubmission of it is still under way. What the registry does (Spring Modulith 2.1, JDBC): it marks the
     * publication RESUBMITTED and adds one completion attempt (refusing one that is RESUBMITTED already, which is
     * how two administrators or instances do not run it twice at once), then hands it to the listener, which runs
     * asynchronously, after this method has returned: PROCESSING while it runs, then COMPLETED, or FAILED again if
     * it still fails. A publication that still fails therefore stays incomplete and listed, FAILED once its run is
     * over, with one resubmission more; it can be resubmitted again.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public boolean resubmit(UUID id) {
        return resubmit(publication -> publication.getIdentifier().equals(id)) > 0;
    }

    private int resubmit(Predicate<EventPublication> which) {
        Instant before = staleBefore();
        Map<UUID, Integer> chosen = new ConcurrentHashMap<>();
        incomplete.resubmitIncompletePublications(publication -> {
            boolean stale = publication.getPublicationDate().isBefore(before) && which.test(publication);
            if (stale) {
                chosen.put(publication.getIdentifier(), publication.getCompletionAttempts());
            }
            return stale;
        });
        return resubmitted(chosen);
    }

    /**
     * How many of the chosen publications the registry actually resubmitted: it skips one it cannot mark
     * RESUBMITTED (another resubmission of it is under way), and each one it does mark has one attempt more.
     */
    private int resubmitted(Map<UUID, Integer> attemptsBefore) {
        if (attemptsBefore.isEmpty()) {
            return 0;
        }
        Map<UUID, Integer> attemptsNow = new HashMap<>();
        jdbc.sql("SELECT id, completion_attempts FROM event_publication WHERE id IN (:ids)")
                .param("ids", attemptsBefore.keySet())
                .query((RowCallbackHandler) rs -> attemptsNow.put(rs.getObject("id", UUID.class),
                        rs.getInt("completion_attempts")));
        // A row that is gone was completed (and deleted, in the registry's delete mode) by its new run.
        return (int) attemptsBefore.entrySet().stream()
                .filter(e -> attemptsNow.getOrDefault(e.getKey(), Integer.MAX_VALUE) > e.getValue())
                .count();
    }

    private Instant staleBefore() {
        return clock.instant().minus(staleAfter);
    }
}
