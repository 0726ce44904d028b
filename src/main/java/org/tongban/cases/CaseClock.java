package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.tongban.shared.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives a case's {@link Deadlines} from its history on the working-day calendar: the same function for working and
 * natural days, counting from the day after the start (民法典 §201), skipping the days a special procedure stopped
 * the clock and continuing through each extension. Nothing is added to a stored date; every deadline is computed
 * again from the whole history whenever the case changes.
 *
 * <p>The acceptance deadline is {@code acceptanceLimit} working days (5, 行政许可法 §32) after the day the application
 * (or the correction asked for) arrived. A natural-day deadline that falls on a day off moves to the next working
 * day when {@code naturalDeadlinesMoveOffDaysOff} is set (民法典 §203; whether it binds licensing is not settled, so
 * it is configuration).
 */
public final class CaseClock {

    /** Ten years of days: no limit a catalogue allows runs longer, and a wrong one cannot loop for ever. */
    private static final int MAX_DAYS_WALKED = 3660;

    private final WorkingDayCalendar calendar;
    private final int acceptanceLimit;
    private final boolean naturalDeadlinesMoveOffDaysOff;
    private final int commitmentCheckDays;
    private final java.time.ZoneId zone;

    /**
     * @param calendar            the published calendar; beyond its years ordinary weeks are assumed and the
     *                            deadlines are marked provisional ({@link #provisional})
     * @param commitmentCheckDays working days after an approval on a commitment to check it (事后核查)
     * @param zone                the city's time zone: the day an instant, such as a decision's, fell on
     */
    public CaseClock(WorkingDayCalendar calendar, int acceptanceLimit, boolean naturalDeadlinesMoveOffDaysOff,
                     int commitmentCheckDays, java.time.ZoneId zone) {
        this.calendar = calendar.assumingWeekdaysBeyondPublished();
        this.acceptanceLimit = acceptanceLimit;
        this.naturalDeadlinesMoveOffDaysOff = naturalDeadlinesMoveOffDaysOff;
        this.commitmentCheckDays = commitmentCheckDays;
        this.zone = zone;
    }

    /**
     * The last day to check the commitments of a decision made at {@code approvedAt} (告知承诺事后核查): so many working
     * days counted from the day after the approval, as every limit is. Beyond the published calendar ordinary weeks
     * are assumed; a closed case is not counted again when the year is published.
     */
    public LocalDate commitmentCheckDue(java.time.Instant approvedAt) {
        return calendar.addWorkingDays(LocalDate.ofInstant(approvedAt, zone), commitmentCheckDays);
    }

    /** The last day to accept, refuse or send the correction notice for an application that arrived on {@code arrived}. */
    public LocalDate acceptanceDue(LocalDate arrived) {
        return calendar.addWorkingDays(arrived, acceptanceLimit);
    }

    /**
     * The day a limit ends for a case accepted on {@code acceptedOn}, lengthened by the extensions, with the paused
     * days left out; {@code null} without a limit or while a pause is open (the end is not known until it ends).
     */
    public @Nullable LocalDate due(LocalDate acceptedOn, @Nullable Limit limit, List<Extension> extensions,
                                   List<Pause> pauses) {
        if (limit == null) {
            return null;
        }
        if (pauses.stream().anyMatch(Pause::open)) {
            return null;
        }
        List<Limit> segments = new ArrayList<>();
        segments.add(limit);
        extensions.forEach(e -> segments.add(e.limit()));
        LocalDate day = acceptedOn;
        int walked = 0;
        Limit.Unit lastUnit = limit.unit();
        for (Limit segment : segments) {
            int counted = 0;
            while (counted < segment.days()) {
                day = day.plusDays(1);
                if (++walked > MAX_DAYS_WALKED) {
                    throw new IllegalStateException("时限超过十年，无法计算");
                }
                if (stopped(day, pauses)) {
                    continue;
                }
                if (segment.unit() == Limit.Unit.WORKING_DAYS && !calendar.isWorkingDay(day)) {
                    continue;
                }
                counted++;
            }
            if (segment.days() > 0) {
                lastUnit = segment.unit();
            }
        }
        if (lastUnit == Limit.Unit.NATURAL_DAYS && naturalDeadlinesMoveOffDaysOff) {
            while (!calendar.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
        }
        return day;
    }

    /** Whether any of {@code deadlines} falls in a year whose holiday schedule is not published. */
    public Deadlines provisional(Deadlines d) {
        boolean provisional = false;
        for (LocalDate day : new LocalDate[] {d.acceptanceDue(), d.promisedDue(), d.statutoryDue()}) {
            provisional |= day != null && !calendar.isPublished(day);
        }
        return provisional == d.provisional() ? d
                : new Deadlines(d.acceptanceDue(), d.promisedDue(), d.statutoryDue(), provisional);
    }

    /** Working days from {@code today} (exclusive) to {@code due} (inclusive); negative once overdue. */
    public int workingDaysLeft(LocalDate today, LocalDate due) {
        if (due.isBefore(today)) {
            return -calendar.workingDaysBetween(due, today);
        }
        return calendar.workingDaysBetween(today, due);
    }

    private static boolean stopped(LocalDate day, List<Pause> pauses) {
        for (Pause p : pauses) {
            if (p.stops(day)) {
                return true;
            }
        }
        return false;
    }
}
