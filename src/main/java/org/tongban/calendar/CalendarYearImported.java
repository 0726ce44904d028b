package org.tongban.calendar;

import java.time.Instant;

/**
 * A year's holiday schedule was published on the platform (imported or replaced): deadlines counted into it on
 * assumed ordinary weeks can now be counted for real.
 */
public record CalendarYearImported(int year, Instant at) {
}
