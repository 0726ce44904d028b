package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tongban.shared.WorkingDayCalendar;

/** Deadlines on the published 2026 calendar: 春节 with its worked Saturday, 中秋 and 国庆 with 10-10 worked. */
class CaseClockTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.fromClasspath(false);
    private static final java.time.ZoneId CITY = java.time.ZoneId.of("Asia/Shanghai");
    private final CaseClock clock = new CaseClock(CALENDAR, 5, true, 20, CITY);

    @Test
    void fiveWorkingDaysFromTheEveOfNationalDayEndAfterTheHoliday() {
        // 10-08, 10-09, 10-10 (a Saturday worked), 10-12, 10-13.
        assertThat(clock.due(LocalDate.of(2026, 9, 30), Limit.workingDays(5), List.of(), List.of()))
                .isEqualTo(LocalDate.of(2026, 10, 13));
    }

    @Test
    void theCommitmentCheckIsDueTwentyWorkingDaysAfterTheApprovalAcrossNationalDay() {
        // Approved Wednesday 09-30; 10-01..07 国庆 and 中秋 off: 10-08 (1), 10-09 (2), 10-10 a Saturday worked (3),
        // 10-12..16 (8), 10-19..23 (13), 10-26..30 (18), 11-02 (19), 11-03 (20).
        assertThat(clock.commitmentCheckDue(java.time.Instant.parse("2026-09-30T02:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 11, 3));
    }

    @Test
    void theCommitmentCheckCountsFromTheCitysDayOfTheApproval() {
        // 01:00 on 09-30 in the city is still 09-29 in UTC: counted from 09-30 all the same, not from 09-29 (11-02).
        assertThat(clock.commitmentCheckDue(java.time.Instant.parse("2026-09-29T17:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 11, 3));
    }

    @Test
    void theCommitmentCheckPeriodIsConfigurationAndSkipsSpringFestival() {
        // Five days from Friday 02-13: 02-14 a Saturday worked (1), 春节 02-15..23 off, 02-24 (2) .. 02-27 (5).
        assertThat(new CaseClock(CALENDAR, 5, true, 5, CITY).commitmentCheckDue(java.time.Instant.parse("2026-02-13T02:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 2, 27));
    }

    @Test
    void theAcceptanceDeadlineIsFiveWorkingDaysAfterArrival() {
        // Arrived Thursday 09-24; 中秋 09-25 to 27; 09-28, 09-29, 09-30, then 10-08 and 10-09.
        assertThat(clock.acceptanceDue(LocalDate.of(2026, 9, 24))).isEqualTo(LocalDate.of(2026, 10, 9));
    }

    @Test
    void theWorkedSaturdayOfSpringFestivalCounts() {
        assertThat(clock.due(LocalDate.of(2026, 2, 13), Limit.workingDays(1), List.of(), List.of()))
                .isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(clock.due(LocalDate.of(2026, 2, 13), Limit.workingDays(2), List.of(), List.of()))
                .isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void aSpecialProcedureStopsTheClockFromTheDayAfterItStartsToTheDayItEnds() {
        Pause inspection = new Pause("检验检测", "送检", LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 9));
        // Without it: 09-29 … 10-10. With it: 09-29 counts, 09-30 to 10-09 do not, then 10-10, 10-12, 10-13, 10-14.
        assertThat(clock.due(LocalDate.of(2026, 9, 28), Limit.workingDays(5), List.of(), List.of()))
                .isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(clock.due(LocalDate.of(2026, 9, 28), Limit.workingDays(5), List.of(), List.of(inspection)))
                .isEqualTo(LocalDate.of(2026, 10, 14));
    }

    @Test
    void whileASpecialProcedureRunsTheDeadlineIsNotKnown() {
        Pause hearing = new Pause("听证", "申请人要求听证", LocalDate.of(2026, 9, 29), null);
        assertThat(clock.due(LocalDate.of(2026, 9, 28), Limit.workingDays(5), List.of(), List.of(hearing))).isNull();
    }

    @Test
    void anExtensionContinuesFromWhereTheLimitEnded() {
        Extension tenMore = new Extension(Limit.workingDays(10), "需现场核查", "部门负责人", LocalDate.of(2026, 9, 20));
        // 20 working days from 09-01 end on 09-29 (09-20, a Sunday, is worked); ten more run past 国庆 to 10-19.
        assertThat(clock.due(LocalDate.of(2026, 9, 1), Limit.workingDays(20), List.of(), List.of()))
                .isEqualTo(LocalDate.of(2026, 9, 29));
        assertThat(clock.due(LocalDate.of(2026, 9, 1), Limit.workingDays(20), List.of(tenMore), List.of()))
                .isEqualTo(LocalDate.of(2026, 10, 19));
    }

    @Test
    void aNaturalDayDeadlineOnADayOffMovesToTheNextWorkingDayWhenConfigured() {
        assertThat(clock.due(LocalDate.of(2026, 9, 28), Limit.naturalDays(7), List.of(), List.of()))
                .isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(new CaseClock(CALENDAR, 5, false, 20, CITY).due(LocalDate.of(2026, 9, 28), Limit.naturalDays(7), List.of(),
                List.of())).isEqualTo(LocalDate.of(2026, 10, 5));
    }

    @Test
    void anImmediateLimitEndsOnTheDayOfAcceptance() {
        assertThat(clock.due(LocalDate.of(2026, 9, 30), Limit.workingDays(0), List.of(), List.of()))
                .isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void workingDaysLeftAreNegativeOnceOverdue() {
        assertThat(clock.workingDaysLeft(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 9))).isEqualTo(2);
        assertThat(clock.workingDaysLeft(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 9))).isEqualTo(-2);
        assertThat(clock.workingDaysLeft(LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 9))).isZero();
    }

    @Test
    void aDeadlineInAYearNotYetPublishedAssumesOrdinaryWeeksAndSaysSo() {
        // 20 working days from 2026-12-15: 12-16 … 12-31 are 12 of them, then 8 in January 2027 (weekdays assumed).
        LocalDate due = clock.due(LocalDate.of(2026, 12, 15), Limit.workingDays(20), List.of(), List.of());
        assertThat(due).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(clock.provisional(new Deadlines(null, due, null)).provisional()).isTrue();
        assertThat(clock.provisional(new Deadlines(null, LocalDate.of(2026, 12, 31), null)).provisional()).isFalse();
    }
}
