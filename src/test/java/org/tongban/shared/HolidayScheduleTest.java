package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.tongban.shared.HolidaySchedule.DayOverride;

class HolidayScheduleTest {

    private static final String PAPER = "https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm";

    @Test
    void readsTheBundled2026ScheduleWithItsSource() throws IOException {
        HolidaySchedule schedule = HolidaySchedule.parse(bundled(2026));

        assertThat(schedule.year()).isEqualTo(2026);
        assertThat(schedule.papers()).containsExactly(URI.create(PAPER));
        assertThat(schedule.days()).hasSize(39);
        assertThat(schedule.days().get(LocalDate.of(2026, 2, 14))).isEqualTo(DayOverride.working("春节"));
        assertThat(schedule.days().get(LocalDate.of(2026, 2, 15))).isEqualTo(DayOverride.off("春节"));
    }

    @Test
    void readsTheBundled2025ScheduleWithItsSource() throws IOException {
        HolidaySchedule schedule = HolidaySchedule.parse(bundled(2025));

        assertThat(schedule.papers())
                .containsExactly(URI.create("https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm"));
        assertThat(schedule.days()).hasSize(33);
        assertThat(schedule.days().values()).filteredOn(day -> !day.offDay()).hasSize(5);
    }

    @Test
    void ignoresTheSchemaMembersOfHolidayCnFiles() {
        HolidaySchedule schedule = HolidaySchedule.parse("""
                {"$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
                 "$id": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/2026.json",
                 "year": 2026, "papers": ["%s"],
                 "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}]}
                """.formatted(PAPER));

        assertThat(schedule.days()).containsOnlyKeys(LocalDate.of(2026, 1, 1));
    }

    @Test
    void namesTheEntryWhoseDateLiesInAnotherYear() {
        assertThatThrownBy(() -> HolidaySchedule.parse(json(2027,
                day("元旦", "2027-01-01", true), day("元旦", "2027-01-02", true), day("元旦", "2027-01-03", true),
                day("春节", "2026-12-31", true))))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("holiday-schedule.date-outside-year"))
                .hasMessage("days[3].date（2026-12-31） 不在 2027 年内");
    }

    @Test
    void rejectsTheSameDateListedTwice() {
        assertThatThrownBy(() -> HolidaySchedule.parse(json(2026,
                day("元旦", "2026-01-01", true), day("元旦", "2026-01-01", true))))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("holiday-schedule.duplicate-date"))
                .hasMessageContaining("days[1]");
    }

    @Test
    void rejectsAWorkingDayOnAWeekdayBecauseItCanOnlyBeATypo() {
        // 2026-02-12 is a Thursday: listing it as 调休上班 changes nothing, so 02-14 or isOffDay was probably meant.
        assertThatThrownBy(() -> HolidaySchedule.parse(json(2026, day("春节", "2026-02-12", false))))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("holiday-schedule.pointless-working-day"))
                .hasMessageContaining("days[0].date（2026-02-12）")
                .hasMessageContaining("周四");
    }

    @Test
    void acceptsADayOffOnAWeekendBecauseTheNoticesListThem() {
        HolidaySchedule schedule = HolidaySchedule.parse(json(2026, day("春节", "2026-02-15", true)));

        assertThat(schedule.days().get(LocalDate.of(2026, 2, 15)).offDay()).isTrue();
    }

    @Test
    void rejectsAScheduleWithoutSource() {
        assertThatThrownBy(() -> HolidaySchedule.parse("""
                {"year": 2027, "papers": [], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}
                """))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("holiday-schedule.papers"));
    }

    @Test
    void rejectsAnEmptyScheduleLikeHolidayCnPublishesBeforeTheNotice() {
        assertThatThrownBy(() -> HolidaySchedule.parse("""
                {"year": 2027, "papers": ["%s"], "days": []}
                """.formatted(PAPER)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("holiday-schedule.no-days"));
    }

    @Test
    void rejectsASourceThatIsNotAWebAddress() {
        assertThatThrownBy(() -> HolidaySchedule.parse("""
                {"year": 2026, "papers": ["国办发明电〔2025〕7号"],
                 "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}]}
                """))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("holiday-schedule.papers"))
                .hasMessageContaining("papers[0]");
    }

    @Test
    void rejectsAnImpossibleDate() {
        assertThatThrownBy(() -> HolidaySchedule.parse(json(2026, day("春节", "2026-02-30", true))))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("holiday-schedule.field"))
                .hasMessageContaining("days[0].date");
    }

    @Test
    void rejectsMissingAndMistypedFields() {
        assertThatThrownBy(() -> HolidaySchedule.parse("""
                {"papers": ["%s"], "days": []}""".formatted(PAPER)))
                .hasMessage("缺少 year");
        assertThatThrownBy(() -> HolidaySchedule.parse("""
                {"year": "2026", "papers": ["%s"], "days": []}""".formatted(PAPER)))
                .hasMessage("year 应为整数");
        assertThatThrownBy(() -> HolidaySchedule.parse("""
                {"year": 2026, "papers": ["%s"],
                 "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": "true"}]}""".formatted(PAPER)))
                .hasMessage("days[0].isOffDay 应为布尔值（true 或 false）");
        assertThatThrownBy(() -> HolidaySchedule.parse("""
                {"year": 2026, "papers": ["%s"], "days": [{"date": "2026-01-01", "isOffDay": true}]}"""
                .formatted(PAPER)))
                .hasMessage("缺少 days[0].name");
        assertThatThrownBy(() -> HolidaySchedule.parse("""
                {"year": 2026, "papers": ["%s"], "days": [{"name": " ", "date": "2026-01-01", "isOffDay": true}]}"""
                .formatted(PAPER)))
                .hasMessage("days[0].name 不能为空");
    }

    @Test
    void rejectsTextThatIsNotJsonOrHasDuplicateMembers() {
        assertThatThrownBy(() -> HolidaySchedule.parse("{\"year\": 2026,"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("holiday-schedule.json"));
        assertThatThrownBy(() -> HolidaySchedule.parse("[]"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("holiday-schedule.json"));
        assertThatThrownBy(() -> HolidaySchedule.parse("""
                {"year": 2026, "year": 2027, "papers": ["%s"],
                 "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}]}""".formatted(PAPER)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("holiday-schedule.json"));
    }

    @Test
    void theConstructorEnforcesTheSameRulesAsTheParser() {
        List<URI> papers = List.of(URI.create(PAPER));

        assertThatThrownBy(() -> new HolidaySchedule(2027, papers,
                new TreeMap<>(Map.of(LocalDate.of(2026, 12, 31), DayOverride.off("元旦")))))
                .hasMessage("2026-12-31 不在 2027 年内");
        assertThatThrownBy(() -> new HolidaySchedule(2026, papers,
                new TreeMap<>(Map.of(LocalDate.of(2026, 2, 12), DayOverride.working("春节")))))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("holiday-schedule.pointless-working-day"));
        assertThatThrownBy(() -> DayOverride.off(" "))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("holiday-schedule.name"));
    }

    @Test
    void cannotBeChangedAfterConstruction() {
        TreeMap<LocalDate, DayOverride> days = new TreeMap<>(Map.of(LocalDate.of(2026, 1, 1), DayOverride.off("元旦")));
        HolidaySchedule schedule = new HolidaySchedule(2026, List.of(URI.create(PAPER)), days);

        days.put(LocalDate.of(2026, 1, 2), DayOverride.off("元旦"));

        assertThat(schedule.days()).hasSize(1);
        assertThatThrownBy(() -> schedule.days().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static String bundled(int year) throws IOException {
        try (InputStream in = HolidayScheduleTest.class.getResourceAsStream("/calendar/" + year + ".json")) {
            assertThat(in).as("calendar/%d.json on the classpath", year).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String json(int year, String... days) {
        return """
                {"year": %d, "papers": ["%s"], "days": [%s]}""".formatted(year, PAPER, String.join(", ", days));
    }

    private static String day(String name, String date, boolean offDay) {
        return """
                {"name": "%s", "date": "%s", "isOffDay": %s}""".formatted(name, date, offDay);
    }
}
