package org.tongban.calendar;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuthorizedBy;
import org.tongban.shared.HolidaySchedule;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.Violation;
import org.tongban.shared.WorkingDayCalendar;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working-day calendar in force: the years shipped with Tongban plus the years administrators import when
 * the State Council publishes its notice (usually in November). An imported year replaces a shipped one.
 *
 * <p>Reading the calendar is open to every module (deadlines are computed on it); importing a year is a platform
 * administrator's act, checked here and recorded under the signed-in account.
 */
@Service
public class CalendarManagement {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean assumeWeekdays;
    private volatile @Nullable WorkingDayCalendar calendar;

    private final org.springframework.context.ApplicationEventPublisher events;

    CalendarManagement(JdbcClient jdbc, Clock clock,
                       @Value("${tongban.calendar.assume-weekdays-beyond-published:false}") boolean assumeWeekdays,
                       org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.assumeWeekdays = assumeWeekdays;
    }

    /** The calendar every deadline is computed on. */
    @AuthorizedBy("anyone: the published calendar is public")
    public WorkingDayCalendar calendar() {
        WorkingDayCalendar current = calendar;
        if (current == null) {
            current = build();
            calendar = current;
        }
        return current;
    }

    /** One published year: where it came from and how many days differ from a plain week. */
    public record PublishedYear(int year, int overrides, boolean imported, List<URI> papers) {
    }

    @AuthorizedBy("anyone: the published calendar is public")
    public List<PublishedYear> years() {
        Map<Integer, PublishedYear> years = new LinkedHashMap<>();
        WorkingDayCalendar.shippedSchedules().forEach(s ->
                years.put(s.year(), new PublishedYear(s.year(), s.days().size(), false, s.papers())));
        importedSchedules().forEach(s ->
                years.put(s.year(), new PublishedYear(s.year(), s.days().size(), true, s.papers())));
        return years.values().stream().sorted(Comparator.comparingInt(PublishedYear::year)).toList();
    }

    /**
     * Imports (or replaces) a year from a holiday-cn style JSON document, recorded as imported by the signed-in
     * platform administrator.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public HolidaySchedule importYear(String json) {
        HolidaySchedule schedule;
        try {
            schedule = HolidaySchedule.parse(json);
        } catch (InvalidValueException e) {
            throw new InvalidInputException(Violation.of("file", e.code(), e.getMessage()));
        }
        jdbc.sql("""
                INSERT INTO calendar_year (year, document, imported_by, imported_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (year) DO UPDATE SET document = EXCLUDED.document, imported_by = EXCLUDED.imported_by,
                    imported_at = EXCLUDED.imported_at""")
                .params(schedule.year(), json, actor(), Timestamp.from(clock.instant())).update();
        calendar = build();
        events.publishEvent(new CalendarYearImported(schedule.year(), clock.instant()));
        return schedule;
    }

    /** Other instances learn of an imported year within minutes. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void reload() {
        calendar = build();
    }

    private static String actor() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated()) {
            throw new AccessDeniedException("not signed in");
        }
        return signedIn.getName();
    }

    private WorkingDayCalendar build() {
        Map<Integer, HolidaySchedule> byYear = new LinkedHashMap<>();
        WorkingDayCalendar.shippedSchedules().forEach(s -> byYear.put(s.year(), s));
        importedSchedules().forEach(s -> byYear.put(s.year(), s));
        return new WorkingDayCalendar(byYear.values(), assumeWeekdays);
    }

    private List<HolidaySchedule> importedSchedules() {
        return jdbc.sql("SELECT document FROM calendar_year ORDER BY year").query(String.class).list()
                .stream().map(HolidaySchedule::parse).toList();
    }
}
