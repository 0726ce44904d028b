package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * The dates a case is due by, derived by {@link CaseClock} from its whole history whenever it changes, never
 * patched: the acceptance deadline (受理期限, 行政许可法 §32) while it waits to be accepted; the promised (承诺办结)
 * and statutory (法定办结) deadlines once accepted. A deadline is {@code null} where it does not apply (no such limit,
 * not accepted yet) or cannot be known (a special procedure is running and stops the clock).
 *
 * <p>{@code provisional}: a deadline runs into a year whose holiday schedule (节假日安排) is not yet published, so it
 * assumes ordinary weeks there; it is derived again once the year is published.
 */
public record Deadlines(@Nullable LocalDate acceptanceDue, @Nullable LocalDate promisedDue,
                        @Nullable LocalDate statutoryDue, boolean provisional) {

    public static final Deadlines NONE = new Deadlines(null, null, null, false);

    public Deadlines(@Nullable LocalDate acceptanceDue, @Nullable LocalDate promisedDue,
                     @Nullable LocalDate statutoryDue) {
        this(acceptanceDue, promisedDue, statutoryDue, false);
    }

    /** The date that comes first: the one staff must keep. */
    public @Nullable LocalDate earliest() {
        LocalDate first = acceptanceDue;
        for (LocalDate d : new LocalDate[] {promisedDue, statutoryDue}) {
            if (d != null && (first == null || d.isBefore(first))) {
                first = d;
            }
        }
        return first;
    }
}
