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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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
 * <p>Immutable and safe to share between threads (the spans of {@link #longestSpan} and {@link #shortestSpan} are
 * computed once per number of days and kept).
 */
public final class WorkingDayCalendar {

    private final NavigableMap<Integer, HolidaySchedule> schedules;
    private final boolean assumeWeekdaysBeyondPublished;
    private final ConcurrentMap<Integer, Spans> spans = new ConcurrentHashMap<>();
    private volatile @Nullable List<Run> runs;

    /** The longest and shortest natural span of one number of working days. */
    private record Spans(int longest, int shortest) {
    }

    /**
     * Consecutive published years: the first day, as an epoch day, and the working days in them, in order.
     */
    private record Run(long firstDay, long[] workingDays) {
    }

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

    /**
     * The most natural days that {@code workingDays} working days can take: the longest span from a start day to the
     * day {@link #addWorkingDays} gives, over every start day of the published years whose span ends in them too.
     * Around 春节 and 国庆 a few working days take two weeks or more, far beyond the 7/5 of a plain week.
     *
     * <p>A limit of that many working days never ends later than the same number of natural days from the same
     * start, on any day the published years contain; so "N working days ≤ L natural days" holds for every start
     * exactly when {@code longestSpan(N) ≤ L}.
     *
     * <p>A number too large for the published years to hold is bounded through {@code longest(a + b) ≤ longest(a) +
     * longest(b)} (the span of a + b working days is a span of a followed by one of b), which holds on any calendar.
     */
    public int longestSpan(int workingDays) {
        return spans(workingDays).longest();
    }

    /**
     * The fewest natural days that {@code workingDays} working days can take, over the same start days as
     * {@link #longestSpan}: where 调休 weekends make seven or more working days in a row, N working days take fewer
     * than the 7/5 of a plain week. So "L natural days ≤ N working days" holds for every start exactly when
     * {@code L ≤ shortestSpan(N)}. Large numbers are bounded through {@code shortest(a + b) ≥ shortest(a) +
     * shortest(b)}.
     */
    public int shortestSpan(int workingDays) {
        return spans(workingDays).shortest();
    }

    private Spans spans(int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("工作日数不能为负数：" + workingDays);
        }
        Spans known = spans.get(workingDays);
        if (known != null) {
            return known;
        }
        List<Run> published = runs();
        // Fewer than a run's working days, so that a start day before the first of them lies in the run too.
        int measurable = published.stream().mapToInt(run -> run.workingDays().length).max().orElse(0) - 1;
        Spans computed;
        if (workingDays == 0) {
            computed = new Spans(0, 0);
        } else if (workingDays <= measurable) {
            computed = measure(published, workingDays);
        } else {
            Spans whole = spans(measurable);
            Spans rest = spans(workingDays % measurable);
            int times = workingDays / measurable;
            computed = new Spans(times * whole.longest() + rest.longest(), times * whole.shortest() + rest.shortest());
        }
        spans.putIfAbsent(workingDays, computed);
        return computed;
    }

    /**
     * For the {@code n} working days that begin with the {@code p}-th of a run, the start days lie from the working
     * day before it (the longest span) to the day just before it (the shortest), as far as they lie in the run.
     */
    private static Spans measure(List<Run> runs, int n) {
        int longest = 0;
        int shortest = Integer.MAX_VALUE;
        for (Run run : runs) {
            long[] days = run.workingDays();
            for (int p = 0; p + n - 1 < days.length; p++) {
                if (p == 0 && days[0] == run.firstDay()) {
                    continue; // the day before lies outside the published years
                }
                long end = days[p + n - 1];
                long earliestStart = p == 0 ? run.firstDay() : days[p - 1];
                longest = Math.max(longest, (int) (end - earliestStart));
                shortest = Math.min(shortest, (int) (end - (days[p] - 1)));
            }
        }
        return new Spans(longest, shortest);
    }

    private List<Run> runs() {
        List<Run> known = runs;
        if (known != null) {
            return known;
        }
        if (schedules.isEmpty()) {
            throw new IllegalStateException("没有任何已发布的节假日安排，无法计算工作日跨度");
        }
        List<Run> found = new ArrayList<>();
        int first = schedules.firstKey();
        int previous = first;
        for (int year : schedules.keySet()) {
            if (year > previous + 1) {
                found.add(run(first, previous));
                first = year;
            }
            previous = year;
        }
        found.add(run(first, previous));
        known = List.copyOf(found);
        runs = known;
        return known;
    }

    private Run run(int firstYear, int lastYear) {
        LocalDate first = LocalDate.of(firstYear, 1, 1);
        LocalDate end = LocalDate.of(lastYear + 1, 1, 1);
        long[] working = first.datesUntil(end).filter(this::isWorkingDay).mapToLong(LocalDate::toEpochDay).toArray();
        return new Run(first.toEpochDay(), working);
    }

    /** The years with a published schedule, in ascending order. */
    public Set<Integer> publishedYears() {
        return schedules.navigableKeySet();
    }

    /**
     * The same published years, with ordinary Monday-to-Friday weeks assumed beyond them: for deadlines that must be
     * given now and are marked provisional until their year is published (see {@link #isPublished}).
     */
    public WorkingDayCalendar assumingWeekdaysBeyondPublished() {
        return assumeWeekdaysBeyondPublished ? this : new WorkingDayCalendar(schedules.values(), true);
    }

    /** Whether the holiday schedule of the year of {@code date} is published. */
    public boolean isPublished(LocalDate date) {
        return schedules.containsKey(date.getYear());
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
