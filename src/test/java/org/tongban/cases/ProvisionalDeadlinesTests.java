package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.calendar.CalendarManagement;
import org.tongban.calendar.CalendarYearImported;
import org.tongban.cases.SubmittedMaterial.Provision;
import org.tongban.catalog.CatalogManagement;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/**
 * A case counted into a year whose holidays were not yet published has provisional deadlines; once the year is
 * imported they are counted again on it, audited, and counting again changes nothing. In 2041, a year no other test
 * publishes.
 */
@TongbanTest
class ProvisionalDeadlinesTests {

    static final String ENTERPRISE = "91377002HC10000182";
    // Two made-up days off, Thursday and Friday 2041-03-07/08, in the otherwise ordinary weeks of 2041.
    static final String YEAR_2041 = """
            {"year": 2041, "papers": ["https://www.gov.cn/example-2041"],
             "days": [{"name": "示例假日", "date": "2041-03-07", "isOffDay": true},
                      {"name": "示例假日", "date": "2041-03-08", "isOffDay": true}]}""";

    @Autowired CaseManagement cases;
    @Autowired CatalogManagement catalog;
    @Autowired CalendarManagement calendars;
    @Autowired ProvisionalDeadlines provisional;
    @Autowired SignedIn signedIn;
    @Autowired org.tongban.identity.AccountManagement accounts;
    @Autowired MovableClock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void publishingTheYearCountsProvisionalDeadlinesAgainOnIt() {
        clock.dayAt10("2041-03-04");
        String item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2041, 3, 4));
        Application a = new Application(item, null, Map.of("contact", "陈示例"), List.of(
                new SubmittedMaterial(CaseTestItems.FORM, Provision.PAPER, null, null),
                new SubmittedMaterial(CaseTestItems.FLOOR_PLAN, Provision.DEFERRED, null, null)),
                new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null));
        UUID enterprise = signedIn.as("clerk", () -> accounts.findApplicantAtCounter(ENTERPRISE)).orElseThrow().id();
        Case c = signedIn.as("clerk", () -> cases.submitAtCounter(new CounterApplication(enterprise, a, "HC-CITY",
                new CounterApplication.Authorisation(CounterApplication.Authorisation.Kind.LEGAL_REPRESENTATIVE, null, null)),
                "provisional-" + UUID.randomUUID())).submitted();
        // Ordinary weeks assumed: Tue 03-05 (1), 03-06 (2), 03-07 (3), Fri 03-08 (4), Mon 03-11 (5).
        assertThat(c.deadlines()).isEqualTo(new Deadlines(LocalDate.of(2041, 3, 11), null, null, true));

        signedIn.as("admin", () -> calendars.importYear(YEAR_2041));

        // On the published year: 03-05 (1), 03-06 (2), 03-07 and 03-08 off, 03-11 (3), 03-12 (4), Wed 03-13 (5).
        Deadlines counted = new Deadlines(LocalDate.of(2041, 3, 13), null, null, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> signedIn.as("clerk", () -> cases.view(c.number())).deadlines()
                .equals(counted));
        AuditTrail trail = signedIn.as("clerk", () -> cases.audit(c.number()));
        assertThat(trail.intact()).isTrue();
        assertThat(trail.entries()).extracting(AuditTrail.Entry::event).containsExactly("CaseSubmitted",
                "CaseDeadlinesRecounted");

        // The applicant is told the new date.
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT text FROM cases_notification WHERE case_number = ? AND event = 'CaseDeadlinesRecounted'")
                .param(c.number().value()).query(String.class).list().stream().anyMatch(t -> t.contains("2041年3月13日")));

        provisional.on(new CalendarYearImported(2041, clock.instant()));
        assertThat(signedIn.as("clerk", () -> cases.audit(c.number())).entries()).hasSize(2);
    }

}
