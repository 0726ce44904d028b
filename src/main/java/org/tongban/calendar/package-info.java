/**
 * Working-day calendar (工作日历): the 节假日安排 years in force, shipped with Tongban or imported by a platform
 * administrator when the State Council publishes its notice, and the page that lists and imports them. Every
 * module that counts a time limit asks {@link org.tongban.calendar.CalendarManagement#calendar()} for the same
 * calendar: the catalogue to compare committed with statutory limits, cases later for statutory deadlines, pauses
 * (中止) and extensions (延长), so that no two deadlines are ever counted on different calendars.
 *
 * <p>Where the calendar lives, and why. The values stay in the shared kernel: {@code WorkingDayCalendar} (is a day
 * worked, add working days, the natural spans of N working days), {@code HolidaySchedule} (one year's notice, parsed
 * and checked) and {@code CalendarYearNotPublished} are immutable, need no Spring and no database, and every module
 * computes with them, as with an ID number. Which years are in force is different: it is state (the
 * {@code calendar_year} table), it changes by an administrator's act that needs authority and leaves a record of
 * who did it, and it has a page. A shared kernel that owns tables and beans stops being a kernel every module may
 * use without review, and the web shell should hold layouts, not business pages; so that part is this module.
 * Its API checks authority itself ({@code @PreAuthorize}: importing is for {@code PLATFORM_ADMIN}) and takes the
 * actor from the security context, never from a parameter, so no caller can record an import under someone else.
 * The shipped years are not stored: they are read from {@code calendar/*.json} on the classpath each time the
 * calendar is built, so there is no start-up import and no system actor.
 *
 * <p>Depends on the shared kernel and on the web shell (its staff menu and message rendering), not on identity:
 * the security context's name is all it records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "工作日历 Calendar", allowedDependencies = {"shared", "web"})
@org.jspecify.annotations.NullMarked
package org.tongban.calendar;
