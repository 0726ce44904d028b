package org.tongban.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChineseDateFormatterTest {

    private final ChineseDateFormatter formatter = new ChineseDateFormatter();
    private static final LocalDate LAST_OF_SEPTEMBER = LocalDate.of(2026, 9, 30);

    @ParameterizedTest
    @ValueSource(strings = {"2026-09-30", "2026-9-30", "2026/9/30", "2026.09.30", "2026年9月30日", "2026年09月30日",
            "2026 年 9 月 30 日", "2026年9月30号", "2026年9月30", " 2026-09-30 ", "２０２６年９月３０日", "２０２６－０９－３０"})
    void readsTheWaysPeopleWriteADate(String written) throws ParseException {
        assertThat(formatter.parse(written, Locale.SIMPLIFIED_CHINESE)).isEqualTo(LAST_OF_SEPTEMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"明天", "", "30/09/2026", "2026-13-01", "26-9-30", "2026年9月", "2026-09-30T10:00"})
    void rejectsWhatIsNotADateWithAMessageShowingTheExpectedForm(String written) {
        assertThatThrownBy(() -> formatter.parse(written, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("2026-09-30");
    }

    @Test
    void rejectsADayTheCalendarDoesNotHave() {
        assertThatThrownBy(() -> formatter.parse("2026年2月30日", Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("not a date in the calendar");
    }

    @Test
    void printsChineseForChinesePagesAndIsoOtherwise() {
        assertThat(formatter.print(LAST_OF_SEPTEMBER, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年9月30日");
        assertThat(formatter.print(LAST_OF_SEPTEMBER, Locale.ENGLISH)).isEqualTo("2026-09-30");
    }

    @Test
    void readsBackWhatItPrints() throws ParseException {
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            assertThat(formatter.parse(formatter.print(LAST_OF_SEPTEMBER, locale), locale)).isEqualTo(LAST_OF_SEPTEMBER);
        }
    }
}
