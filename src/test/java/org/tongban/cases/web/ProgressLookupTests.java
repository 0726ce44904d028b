package org.tongban.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.tongban.cases.CaseNumber;
import org.tongban.shared.InvalidValueException;
import org.tongban.cases.Application;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseTestItems;
import org.tongban.cases.Intake;
import org.tongban.cases.SubmittedMaterial;
import org.tongban.catalog.CatalogManagement;
import org.tongban.support.Http;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/** The public lookup by case number and the mobile's last four digits, and its limit on guessing. */
@TongbanTest
class ProgressLookupTests {

    @LocalServerPort int port;
    @Autowired CatalogManagement catalog;
    @Autowired CaseManagement cases;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;

    String number;

    @BeforeEach
    void aCaseOfTheEnterpriseWhoseMobileEndsIn0001() {
        clock.dayAt10("2026-09-28");
        String item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2026, 9, 28));
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = signedIn.as("91377002HC10000182", () -> cases.upload("file", "a.pdf", pdf)).sha256();
        Application a = new Application(item, null, Map.of("contact", "陈示例"),
                List.of(new SubmittedMaterial(CaseTestItems.FORM, SubmittedMaterial.Provision.FILE, sha, "a.pdf"),
                        new SubmittedMaterial(CaseTestItems.FLOOR_PLAN, SubmittedMaterial.Provision.FILE, sha, "b.pdf")),
                new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null));
        number = signedIn.as("91377002HC10000182", () -> cases.submit(a, "lookup-" + UUID.randomUUID())).submitted()
                .number().value();
    }

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Value("${tongban.cases.progress-lookup.address-max-failures:20}") int addressMaxFailures;

    @AfterEach
    void resetClock() {
        clock.reset();
        // Every lookup over HTTP comes from 127.0.0.1: no test's wrong guesses may hold back another's.
        jdbc.sql("DELETE FROM cases_lookup_counter").update();
    }

    /** A well-formed case number that no case has: the 22 digits given and the check character that fits them. */
    private static String noSuchCase(String digits) {
        for (char c : "0123456789X".toCharArray()) {
            try {
                return new CaseNumber(digits + c).value();
            }
            catch (InvalidValueException wrongCheck) {
                // the next character
            }
        }
        throw new IllegalStateException("no check character for " + digits);
    }

    private MockHttpServletResponse lookUp(MockMvc mvc, String address, String caseNumber, String tail) throws Exception {
        return mvc.perform(get("/progress").param("number", caseNumber).param("tail", tail).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn().getResponse();
    }

    @Test
    void oneAddressGuessingAtManyNumbersIsHeldBackForAnHourWhileOtherAddressesStillLookUp() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String guesser = "203.0.113.7";
        Logger logger = (Logger) LoggerFactory.getLogger("org.tongban.cases.ProgressLookupThrottle");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            // One wrong guess for each of many numbers: never five for one number, so only the address limit applies.
            for (int i = 0; i < addressMaxFailures; i++) {
                MockHttpServletResponse r = lookUp(mvc, guesser, noSuchCase("37700020260928" + "%08d".formatted(90_000_000 + i)), "0001");
                assertThat(r.getStatus()).isEqualTo(200);
                assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("没有查到");
            }
        }
        finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("address " + guesser, addressMaxFailures + " wrong guesses", "held back until"));

        // Now even the right number and digits are refused to that address, with the reason and 429 …
        MockHttpServletResponse held = lookUp(mvc, guesser, number, "0001");
        assertThat(held.getStatus()).isEqualTo(429);
        assertThat(held.getContentAsString(StandardCharsets.UTF_8)).contains("您所在网络地址的查询错误次数过多")
                .doesNotContain("提交申请");
        assertThat(jdbc.sql("SELECT count(*) FROM cases_refused_access WHERE case_number = ? AND action = ?")
                .params(number, "public-progress-address").query(Long.class).single()).isOne();
        // … while another address, and the case number itself, are not affected.
        MockHttpServletResponse other = lookUp(mvc, "198.51.100.20", number, "0001");
        assertThat(other.getStatus()).isEqualTo(200);
        assertThat(other.getContentAsString(StandardCharsets.UTF_8)).contains("提交申请");

        clock.advance(java.time.Duration.ofMinutes(61));
        assertThat(lookUp(mvc, guesser, number, "0001").getContentAsString(StandardCharsets.UTF_8)).contains("提交申请");
    }

    @Test
    void theRightDigitsShowTheProgressWithoutTheApplicantsName() {
        String page = new Http(port).get("/progress?number=" + number + "&tail=0001").body();
        assertThat(page).contains("待受理", "提交申请", "2026-09-28").doesNotContain("海川示例科技有限公司", "陈示例");
    }

    @Test
    void wrongDigitsFindNothingAndFiveWrongTriesStopTheNumberAnsweringForAnHour() {
        Http anyone = new Http(port);
        for (int i = 0; i < 5; i++) {
            assertThat(anyone.get("/progress?number=" + number + "&tail=" + (1000 + i)).body()).contains("没有查到")
                    .doesNotContain("提交申请");
        }
        java.net.http.HttpResponse<String> locked = anyone.get("/progress?number=" + number + "&tail=0001");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("此办件编号的查询错误次数过多").doesNotContain("提交申请");
        clock.advance(java.time.Duration.ofMinutes(61));
        assertThat(anyone.get("/progress?number=" + number + "&tail=0001").body()).contains("提交申请");
    }

    @Test
    void aMistypedNumberIsShownBesideTheField() {
        assertThat(new Http(port).get("/progress?number=123&tail=0001").body()).contains("办件编号应为 23 位");
    }
}
