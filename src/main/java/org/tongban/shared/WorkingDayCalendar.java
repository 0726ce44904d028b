package org.tongban.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.tongban.shared.HolidaySchedule.DayOverride;

/**
 * 工作日历: which days are worked, so that statutory and committed time limits (法定/承诺办结时限) counted in
 * working days come out right across holidays and 调休 weekends.
 *
 * <p>Weekdays are worked and weekends are not, unless a published {@link HolidaySchedule} says otherwise. For a
 * year without a schedule the calendar either refuses ({@link CalendarYearNotPublished}) or, if so configured,
 * assumes an ordinary Monday-to-Friday week. Refusing is the safer default: a deadline computed without the
 * 调休 days can be wrong by a week around 春节 and 国庆.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class WorkingDayCalendar {

    private final NavigableMap<Integer, HolidaySchedule> schedules;
    private final boolean assumeWeekdaysBeyondPublished;

    public WorkingDayCalendar(Collection<HolidaySchedule> schedules, boolean assumeWeekdaysBeyondPublished) {
        NavigableMap<Integer, HolidaySchedule> byYear = new TreeMap<>();
        for (HolidaySchedule schedule : schedules) {
            if (byYear.putIfAbsent(schedule.year(), schedule) != null) {
                throw new InvalidValueException("working-day-calendar.duplicate-year",
                        schedule.year() + " 年的节假日安排出现了不止一份");
            }
        }
        this.schedules = Collections.unmodifiableNavigableMap(byYear);
        this.assumeWeekdaysBeyondPublished = assumeWeekdaysBeyondPublished;
    }

    /**
     * Loads every {@code calendar/<year>.json} on the classpath. Scanning, rather than an index of years, means
     * publishing a new year is one added file; the file name must match the year inside, so a file copied under
     * the wrong name cannot quietly stand in for another year.
     */
    public static WorkingDayCalendar fromClasspath(boolean assumeWeekdaysBeyondPublished) {
        return new WorkingDayCalendar(shippedSchedules(), assumeWeekdaysBeyondPublished);
    }

    /** The schedules shipped with the application ({@code calendar/<year>.json}). */
    public static List<HolidaySchedule> shippedSchedules() {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.json");
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException("无法列出 classpath 中的 calendar/*.json", unreadable);
        }
        if (resources.length == 0) {
            throw new IllegalStateException("classpath 中没有任何 calendar/*.json 节假日安排");
        }
        List<HolidaySchedule> schedules = new ArrayList<>();
        for (Resource resource : resources) {
            schedules.add(read(resource));
        }
        return schedules;
    }

    static HolidaySchedule read(Resource resource) {
        String fileName = String.valueOf(resource.getFilename());
        HolidaySchedule schedule;
        try {
            schedule = HolidaySchedule.parse(resource.getContentAsString(StandardCharsets.UTF_8));
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException("无法读取节假日安排 " + fileName, unreadable);
        }
        catch (InvalidValueException invalid) {
            throw new InvalidValueException(invalid.code(), fileName + "：" + invalid.getMessage(), invalid);
        }
        if (!fileName.equals(schedule.year() + ".json")) {
            throw new InvalidValueException("working-day-calendar.file-name",
                    fileName + " 中的年份是 " + schedule.year() + "，文件名应为 " + schedule.year() + ".json");
        }
        return schedule;
    }

    public boolean isWorkingDay(LocalDate date) {
        HolidaySchedule schedule = scheduleFor(date);
        if (schedule != null) {
            DayOverride day = schedule.days().get(date);
            if (day != null) {
                return !day.offDay();
            }
        }
        return !HolidaySchedule.isWeekend(date);
    }

    /**
     * The day on which a limit of {@code n} working days ends. Counting starts the day after {@code start}, the
     * usual reading of "within n working days of acceptance"; {@code n = 0} is {@code start} itself.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("工作日数不能为负数：" + n);
        }
        LocalDate day = start;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The number of working days {@code d} with {@code fromExclusive < d ≤ toInclusive}. */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromExclusive)) {
            throw new IllegalArgumentException("结束日期 " + toInclusive + " 早于开始日期 " + fromExclusive);
        }
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The holiday a day off belongs to, e.g. 春节. Empty for ordinary days, ordinary weekends and 调休 working days,
     * and for every day of a year assumed to be an ordinary one.
     */
    public Optional<String> holidayName(LocalDate date) {
        HolidaySchedule schedule = scheduleFor(date);
        if (schedule == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(schedule.days().get(date))
                .filter(DayOverride::offDay)
                .map(DayOverride::name);
    }

    /** The years with a published schedule, in ascending order. */
    public Set<Integer> publishedYears() {
        return schedules.navigableKeySet();
    }

    public boolean assumesWeekdaysBeyondPublished() {
        return assumeWeekdaysBeyondPublished;
    }

    /** The schedule for the date's year; {@code null} only when ordinary weeks may be assumed. */
    private @Nullable HolidaySchedule scheduleFor(LocalDate date) {
        HolidaySchedule schedule = schedules.get(date.getYear());
        if (schedule == null && !assumeWeekdaysBeyondPublished) {
            throw new CalendarYearNotPublished(date.getYear());
        }
        return schedule;
    }
}
