package org.tongban.cases;

import java.time.Instant;

/**
 * The deadlines of an open case counted again because the holiday schedule of {@code year} was published: they had
 * been counted on assumed ordinary weeks (provisional) and may now fall later or earlier.
 */
public record CaseDeadlinesRecounted(CaseRef ref, Instant at, Actor by, int year, Deadlines before, Deadlines after)
        implements CaseEvent {
}
