package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tongban.shared.HolidaySchedule.DayOverride;

/**
 * The natural spans of N working days on the published 2025 and 2026 notices. The figures were found by counting
 * from every start day, as {@link #agreesWithCountingFromEveryStartDay} does with {@code addWorkingDays}; taking
 * a working day as 7/5 of a natural day gets every one of them wrong.
 */
class WorkingDaySpansTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 12, 31);

    private final WorkingDayCalendar published = WorkingDayCalendar.fromClasspath(false);

    @ParameterizedTest(name = "{0} working days take at most {1} natural days")
    @CsvSource({
            // 2026-02-14 (a Saturday worked, 调休) to 02-24: nine days off of 春节 between two working days.
            "1, 10",
            // 2025-01-24 to 02-05: the worked Sunday 01-26 and Monday 01-27, then 春节 01-28 to 02-04.
            "3, 12",
            // 2026-09-23 to 10-08: 中秋 09-25 to 27 and 国庆 10-01 to 07 in one working week.
            "5, 15",
            "10, 21",
            // 2025-01-01 to 02-05: 元旦 and the whole of 春节 2025.
            "20, 35",
    })
    void theLongestSpansComeFromTheGoldenWeeks(int workingDays, int naturalDays) {
        assertThat(published.longestSpan(workingDays)).isEqualTo(naturalDays);
        assertThat(naturalDays).as("far beyond 7/5 of a week").isGreaterThan((int) Math.ceil(workingDays * 7 / 5.0));
    }

    @ParameterizedTest(name = "{0} working days take at least {1} natural days")
    @CsvSource({
            "5, 5",
            // 2025-01-19 (Sunday) to 01-27: Monday 01-20 to the worked Sunday 01-26 and Monday 01-27.
            "7, 8",
            // 2026-02-23 (last day of 春节) to 03-20: the worked Saturday 02-28 saves a day.
            "20, 25",
    })
    void theShortestSpansComeFromTheWorkedWeekends(int workingDays, int naturalDays) {
        assertThat(published.shortestSpan(workingDays)).isEqualTo(naturalDays);
        assertThat(naturalDays).as("less than 7/5 of a week").isLessThan((int) Math.floor(workingDays * 7 / 5.0));
    }

    @Test
    void agreesWithCountingFromEveryStartDay() {
        for (int n = 1; n <= 40; n++) {
            int longest = 0;
            int shortest = Integer.MAX_VALUE;
            for (LocalDate start = FIRST; ; start = start.plusDays(1)) {
                LocalDate end;
                try {
                    end = published.addWorkingDays(start, n);
                } catch (CalendarYearNotPublished beyond) {
                    break;
                }
                int span = (int) (end.toEpochDay() - start.toEpochDay());
                longest = Math.max(longest, span);
                shortest = Math.min(shortest, span);
            }
            assertThat(published.longestSpan(n)).as("longest span of %d", n).isEqualTo(longest);
            assertThat(published.shortestSpan(n)).as("shortest span of %d", n).isEqualTo(shortest);
        }
    }

    @Test
    void noWorkingDaysTakeNoTime() {
        assertThat(published.longestSpan(0)).isZero();
        assertThat(published.shortestSpan(0)).isZero();
        assertThatThrownBy(() -> published.longestSpan(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moreWorkingDaysThanThePublishedYearsHoldAreBoundedByTheirParts() {
        // 2025 and 2026 hold 496 working days: ten years of limit cannot be counted on them, only bounded, and the
        // bounds must keep what holds on any calendar.
        int longest = published.longestSpan(3650);
        int shortest = published.shortestSpan(3650);
        assertThat(longest).isLessThanOrEqualTo(published.longestSpan(1000) + published.longestSpan(2650))
                .isGreaterThanOrEqualTo(3650 * 7 / 5);
        assertThat(shortest).isGreaterThanOrEqualTo(published.shortestSpan(1000) + published.shortestSpan(2650))
                .isGreaterThanOrEqualTo(3650).isLessThanOrEqualTo(longest);
    }

    @Test
    void spansNeverReachIntoAYearMissingBetweenTwoPublishedOnes() {
        // 2026 and 2028 published, 2027 not: a span across 2027 would need days nobody has published.
        HolidaySchedule year2028 = new HolidaySchedule(2028, List.of(URI.create("https://www.gov.cn/example-2028")),
                new TreeMap<>(Map.of(LocalDate.of(2028, 1, 3), DayOverride.off("元旦"))));
        HolidaySchedule year2026 = WorkingDayCalendar.shippedSchedules().stream().filter(s -> s.year() == 2026)
                .findFirst().orElseThrow();
        WorkingDayCalendar gap = new WorkingDayCalendar(List.of(year2026, year2028), false);

        assertThat(gap.longestSpan(5)).isEqualTo(15);
        assertThat(gap.longestSpan(300)).isPositive();
    }
}
