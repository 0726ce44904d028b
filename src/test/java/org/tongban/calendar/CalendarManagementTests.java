package org.tongban.calendar;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.tongban.shared.CalendarYearNotPublished;
import org.tongban.shared.InvalidInputException;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TongbanTest
class CalendarManagementTests {

    private static final String YEAR_2030 = """
            {"year": 2030, "papers": ["https://www.gov.cn/example-2030"],
             "days": [{"name": "元旦", "date": "2030-01-01", "isOffDay": true},
                      {"name": "春节", "date": "2030-02-02", "isOffDay": false}]}""";

    @Autowired
    CalendarManagement calendars;
    @Autowired
    SignedIn signedIn;
    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesYearsNotYetPublished() {
        assertThatThrownBy(() -> calendars.calendar().isWorkingDay(LocalDate.of(2031, 3, 3)))
                .isInstanceOf(CalendarYearNotPublished.class);
    }

    @Test
    void anAdministratorImportsANewYearAndDeadlinesUseItAtOnce() {
        signedIn.as("admin", () -> calendars.importYear(YEAR_2030));
        assertThat(calendars.calendar().isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(calendars.calendar().isWorkingDay(LocalDate.of(2030, 2, 2))).isTrue(); // a Saturday worked (调休)
        assertThat(calendars.years()).anySatisfy(y -> {
            assertThat(y.year()).isEqualTo(2030);
            assertThat(y.imported()).isTrue();
        });
    }

    @Test
    void theImportIsRecordedUnderTheSignedInAdministrator() {
        String year2033 = YEAR_2030.replace("2030", "2033").replace("2033-02-02", "2033-02-05");
        signedIn.as("admin", () -> calendars.importYear(year2033));
        assertThat(jdbc.sql("SELECT imported_by FROM calendar_year WHERE year = 2033").query(String.class).single())
                .isEqualTo("admin");
    }

    @Test
    void aBadFileIsRefusedWithItsReasonAndChangesNothing() {
        String wrongYear = YEAR_2030.replace("\"2030-01-01\"", "\"2029-12-31\"").replace("2030,", "2032,");
        assertThatThrownBy(() -> signedIn.as("admin", () -> calendars.importYear(wrongYear)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(calendars.years()).noneSatisfy(y -> assertThat(y.year()).isEqualTo(2032));
    }

    @Test
    void onlyPlatformAdministratorsImport() {
        String year2034 = YEAR_2030.replace("2030", "2034").replace("2034-02-02", "2034-02-04");
        assertThatThrownBy(() -> signedIn.as("catalog", () -> calendars.importYear(year2034)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(calendars.years()).noneSatisfy(y -> assertThat(y.year()).isEqualTo(2034));
    }
}
