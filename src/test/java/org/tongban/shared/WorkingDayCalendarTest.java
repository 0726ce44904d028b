package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.FileSystemResource;

import org.tongban.shared.HolidaySchedule.DayOverride;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar published = WorkingDayCalendar.fromClasspath(false);
    private final WorkingDayCalendar assuming = WorkingDayCalendar.fromClasspath(true);

    /** Each block and 调休 day of the two notices (REFERENCE §7.2, §7.3), with the ordinary days around them. */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            // 2025
            "2025-01-01, 三, false",
            "2025-01-02, 四, true",
            "2025-01-26, 日, true",
            "2025-01-27, 一, true",
            "2025-01-28, 二, false",
            "2025-02-01, 六, false",
            "2025-02-04, 二, false",
            "2025-02-05, 三, true",
            "2025-02-08, 六, true",
            "2025-02-09, 日, false",
            "2025-04-03, 四, true",
            "2025-04-04, 五, false",
            "2025-04-06, 日, false",
            "2025-04-07, 一, true",
            "2025-04-27, 日, true",
            "2025-05-01, 四, false",
            "2025-05-05, 一, false",
            "2025-05-06, 二, true",
            "2025-05-31, 六, false",
            "2025-06-02, 一, false",
            "2025-06-03, 二, true",
            "2025-09-28, 日, true",
            "2025-09-30, 二, true",
            "2025-10-01, 三, false",
            "2025-10-08, 三, false",
            "2025-10-09, 四, true",
            "2025-10-11, 六, true",
            "2025-10-12, 日, false",
            // 2026
            "2026-01-01, 四, false",
            "2026-01-02, 五, false",
            "2026-01-03, 六, false",
            "2026-01-04, 日, true",
            "2026-01-05, 一, true",
            "2026-02-13, 五, true",
            "2026-02-14, 六, true",
            "2026-02-15, 日, false",
            "2026-02-16, 一, false",
            "2026-02-23, 一, false",
            "2026-02-24, 二, true",
            "2026-02-28, 六, true",
            "2026-03-01, 日, false",
            "2026-04-04, 六, false",
            "2026-04-06, 一, false",
            "2026-04-07, 二, true",
            "2026-05-01, 五, false",
            "2026-05-05, 二, false",
            "2026-05-06, 三, true",
            "2026-05-09, 六, true",
            "2026-05-10, 日, false",
            "2026-06-19, 五, false",
            "2026-06-21, 日, false",
            "2026-06-22, 一, true",
            "2026-09-20, 日, true",
            "2026-09-25, 五, false",
            "2026-09-27, 日, false",
            "2026-09-28, 一, true",
            "2026-09-30, 三, true",
            "2026-10-01, 四, false",
            "2026-10-07, 三, false",
            "2026-10-08, 四, true",
            "2026-10-10, 六, true",
            "2026-10-11, 日, false",
            "2026-12-31, 四, true"
    })
    void followsThePublishedNotices(LocalDate date, String weekday, boolean working) {
        assertThat("一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1)).as("weekday of %s", date)
                .isEqualTo(weekday.charAt(0));
        assertThat(published.isWorkingDay(date)).isEqualTo(working);
    }

    @Test
    void namesTheHolidayOfADayOffOnly() {
        assertThat(published.holidayName(LocalDate.of(2026, 2, 16))).contains("春节");
        assertThat(published.holidayName(LocalDate.of(2025, 10, 6))).contains("国庆节、中秋节");
        assertThat(published.holidayName(LocalDate.of(2026, 2, 14))).isEmpty();
        assertThat(published.holidayName(LocalDate.of(2026, 3, 7))).isEmpty();
        assertThat(published.holidayName(LocalDate.of(2026, 3, 9))).isEmpty();
    }

    @Test
    void aLimitStartingBeforeTheNationalDayEndsAfterIt() {
        assertThat(published.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void aLimitCanEndOnAnAdjustedSaturday() {
        assertThat(published.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
    }

    @Test
    void countsFromTheDayAfterAcceptance() {
        // Accepted on Monday 2026-03-02: day 1 is Tuesday, day 5 the next Monday.
        assertThat(published.addWorkingDays(LocalDate.of(2026, 3, 2), 1)).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(published.addWorkingDays(LocalDate.of(2026, 3, 2), 5)).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void addingZeroWorkingDaysKeepsTheStartEvenOnAHoliday() {
        assertThat(published.addWorkingDays(LocalDate.of(2026, 2, 17), 0)).isEqualTo(LocalDate.of(2026, 2, 17));
    }

    @Test
    void aTwentyDayLimitAcrossTheSpringFestival() {
        // After 2026-02-10: 02-11..13 (3), 02-14 调休 (4), 02-24..27 (8), 02-28 调休 (9), then 11 more plain days.
        assertThat(published.addWorkingDays(LocalDate.of(2026, 2, 10), 20)).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void countsTheWorkingDaysAcrossTheSpringFestival() {
        // 02-14 (调休), 02-24, 25, 26, 27, 02-28 (调休); 02-15 to 02-23 are all off.
        assertThat(published.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 28))).isEqualTo(6);
        assertThat(published.workingDaysBetween(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 23))).isZero();
    }

    @Test
    void noWorkingDaysLieBetweenADayAndItself() {
        assertThat(published.workingDaysBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2))).isZero();
    }

    @Test
    void countsAWholePublishedYear() {
        // 2026: 261 weekdays, minus 19 of them off, plus 6 worked weekend days.
        assertThat(published.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)))
                .isEqualTo(261 - 19 + 6);
    }

    @Test
    void rejectsNegativeCountsAndReversedRanges() {
        assertThatThrownBy(() -> published.addWorkingDays(LocalDate.of(2026, 3, 2), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> published.workingDaysBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAYearWhoseNoticeIsNotPublished() {
        assertThatThrownBy(() -> published.isWorkingDay(LocalDate.of(2027, 1, 4)))
                .isInstanceOfSatisfying(CalendarYearNotPublished.class, e -> assertThat(e.year()).isEqualTo(2027))
                .hasMessage("2027 年的节假日安排尚未发布，无法计算工作日。请管理员导入该年度日历，或配置按周一至周五计算。");
        assertThatThrownBy(() -> published.holidayName(LocalDate.of(2027, 1, 1)))
                .isInstanceOf(CalendarYearNotPublished.class);
    }

    @Test
    void refusesALimitThatRunsIntoAnUnpublishedYear() {
        assertThatThrownBy(() -> published.addWorkingDays(LocalDate.of(2026, 12, 28), 5))
                .isInstanceOf(CalendarYearNotPublished.class);
        assertThatThrownBy(() -> published.workingDaysBetween(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 8)))
                .isInstanceOf(CalendarYearNotPublished.class);
    }

    @Test
    void refusesYearsBeforeTheFirstPublishedOne() {
        assertThatThrownBy(() -> published.isWorkingDay(LocalDate.of(2024, 12, 31)))
                .isInstanceOfSatisfying(CalendarYearNotPublished.class, e -> assertThat(e.year()).isEqualTo(2024));
    }

    @Test
    void assumesAPlainWeekOnlyWhenToldTo() {
        // 2027-01-01 will surely be 元旦, but without the notice the calendar can only follow the week.
        assertThat(assuming.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(assuming.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse();
        assertThat(assuming.isWorkingDay(LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(assuming.holidayName(LocalDate.of(2027, 1, 1))).isEmpty();
        assertThat(assuming.addWorkingDays(LocalDate.of(2026, 12, 28), 5)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void publishedYearsStillFollowTheirNoticesWhenAssuming() {
        assertThat(assuming.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(assuming.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    }

    @Test
    void listsThePublishedYearsInOrder() {
        assertThat(published.publishedYears()).containsExactly(2025, 2026);
        assertThat(published.assumesWeekdaysBeyondPublished()).isFalse();
        assertThat(assuming.assumesWeekdaysBeyondPublished()).isTrue();
    }

    @Test
    void addingAndCountingWorkingDaysAreInverses() {
        Random random = new Random(20261122L);
        LocalDate first = LocalDate.of(2025, 1, 1);
        int days = (int) (LocalDate.of(2026, 12, 31).toEpochDay() - first.toEpochDay()) + 1;
        for (int i = 0; i < 2_000; i++) {
            LocalDate start = first.plusDays(random.nextInt(days));
            int n = random.nextInt(31);

            LocalDate end = assuming.addWorkingDays(start, n);

            assertThat(assuming.workingDaysBetween(start, end)).as("%s + %d", start, n).isEqualTo(n);
            assertThat(n == 0 || assuming.isWorkingDay(end)).as("%s + %d ends on a working day", start, n).isTrue();
        }
    }

    @Test
    void refusesTwoSchedulesForTheSameYear() {
        HolidaySchedule schedule = new HolidaySchedule(2026,
                List.of(URI.create("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm")),
                new TreeMap<>(Map.of(LocalDate.of(2026, 1, 1), DayOverride.off("元旦"))));

        assertThatThrownBy(() -> new WorkingDayCalendar(List.of(schedule, schedule), false))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("working-day-calendar.duplicate-year"));
    }

    @Test
    void refusesACalendarFileNamedAfterAnotherYear(@TempDir Path directory) throws IOException {
        Path misnamed = directory.resolve("2025.json");
        try (InputStream in = getClass().getResourceAsStream("/calendar/2026.json")) {
            Files.copy(Objects.requireNonNull(in), misnamed);
        }

        assertThatThrownBy(() -> WorkingDayCalendar.read(new FileSystemResource(misnamed)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("working-day-calendar.file-name"))
                .hasMessageContaining("2026.json");
    }

    @Test
    void namesTheFileWhenACalendarFileIsInvalid(@TempDir Path directory) throws IOException {
        Path broken = Files.writeString(directory.resolve("2026.json"), "{\"year\": 2026}");

        assertThatThrownBy(() -> WorkingDayCalendar.read(new FileSystemResource(broken)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("2026.json：");
    }

    @Test
    void worksFromSchedulesBuiltInCode() {
        HolidaySchedule schedule = new HolidaySchedule(2026,
                List.of(URI.create("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm")),
                new TreeMap<>(Map.of(LocalDate.of(2026, 1, 1), DayOverride.off("元旦"))));
        WorkingDayCalendar calendar = new WorkingDayCalendar(List.of(schedule), false);

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isTrue();
    }
}
