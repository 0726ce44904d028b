package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** The special procedure ended with its result: the clock runs again from the day after. */
public record CaseResumed(CaseRef ref, Instant at, Actor by, Pause pause, String result, @Nullable LocalDate promisedDue, @Nullable LocalDate statutoryDue) implements CaseEvent {
}
