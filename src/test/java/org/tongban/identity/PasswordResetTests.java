package org.tongban.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;
import org.tongban.support.Http;
import org.tongban.support.RecordingSmsGateway;
import org.tongban.support.TongbanTest;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TongbanTest
class PasswordResetTests {

    private static final String OLD = "old2026password";
    private static final String NEW = "new2026password";

    @Autowired
    PasswordReset reset;
    @Autowired
    AccountManagement accounts;
    @Autowired
    RecordingSmsGateway sms;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    @Value("${tongban.security.sms.code-max-attempts:5}")
    int maxAttempts;
    @Value("${tongban.security.sms.codes-per-mobile-per-hour:5}")
    int perMobilePerHour;
    @Value("${tongban.security.sms.codes-per-address-per-hour:20}")
    int perAddressPerHour;

    private String citizen() {
        int n = TestApplicants.next();
        TestApplicants.citizen(accounts, n, OLD);
        return TestApplicants.mobile(n);
    }

    private static String address() {
        return TestApplicants.address(TestApplicants.next(), 0);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static void assertRefused(Runnable call, String field, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).extracting(Violation::field, Violation::code)
                        .contains(org.assertj.core.groups.Tuple.tuple(field, code)));
    }

    @Test
    void aForgottenPasswordIsResetWithTheCodeSentToTheMobileAndOldSessionsEnd() {
        String mobile = citizen();
        Http earlier = new Http(port);
        earlier.login(mobile, OLD);
        assertThat(earlier.get("/account").statusCode()).isEqualTo(200);
        Http browser = new Http(port);
        assertThat(browser.get("/login").body()).contains("href=\"/password-reset\"");

        HttpResponse<String> sent = browser.postForm("/password-reset", "/password-reset", Map.of("mobile", mobile));
        assertThat(location(sent)).endsWith("/password-reset/code");
        assertThat(browser.get("/password-reset/code").body()).contains("如果有账号使用这个手机号码，验证码已发送到该号码");
        String code = sms.lastCode(mobile).orElseThrow();
        assertThat(jdbc.sql("SELECT count(*) FROM identity_one_time_code WHERE code_hash LIKE ?")
                .param("%" + code + "%").query(Long.class).single()).as("the code is stored only hashed").isZero();

        HttpResponse<String> done = browser.postForm("/password-reset/code", "/password-reset/code",
                Map.of("mobile", mobile, "code", code, "password", NEW));

        assertThat(location(done)).endsWith("/login");
        assertThat(browser.get("/login").body()).contains("新密码已设置");
        assertThat(location(new Http(port).login(mobile, OLD))).contains("/login?error");
        assertThat(location(new Http(port).login(mobile, NEW))).doesNotContain("error");
        assertThat(earlier.get("/account").statusCode()).as("signed out").isEqualTo(302);
        // A code works once.
        assertRefused(() -> reset.reset(mobile, code, "another2026pass"), "code", "sms.code.wrong");
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotAnAccountHasTheMobile() {
        String registered = citizen();
        String unregistered = TestApplicants.mobile(TestApplicants.next());
        Http browser = new Http(port);

        HttpResponse<String> forAccount = browser.postForm("/password-reset", "/password-reset", Map.of("mobile", registered));
        String pageForAccount = browser.get("/password-reset/code").body();
        HttpResponse<String> forNobody = browser.postForm("/password-reset", "/password-reset", Map.of("mobile", unregistered));
        String pageForNobody = browser.get("/password-reset/code").body();

        assertThat(location(forNobody)).isEqualTo(location(forAccount));
        assertThat(pageForNobody.replace(unregistered, registered).replaceAll("value=\"[^\"]{20,}\"", ""))
                .isEqualTo(pageForAccount.replaceAll("value=\"[^\"]{20,}\"", ""));
        assertThat(sms.sentTo(unregistered)).isEmpty();
        assertThat(sms.sentTo(registered)).hasSize(1);
        // … and a guessed code for the unregistered number is refused like a wrong one.
        assertRefused(() -> reset.reset(unregistered, "123456", NEW), "code", "sms.code.wrong");
    }

    @Test
    void anExpiredCodeIsRefused() {
        String mobile = citizen();
        reset.requestCode(mobile, address());
        jdbc.sql("UPDATE identity_one_time_code SET expires_at = now() - interval '1 second' WHERE mobile = ?")
                .param(mobile).update();

        assertRefused(() -> reset.reset(mobile, sms.lastCode(mobile).orElseThrow(), NEW), "code", "sms.code.wrong");
    }

    @Test
    void aCodeDiesAfterTooManyWrongTries() {
        String mobile = citizen();
        reset.requestCode(mobile, address());
        String code = sms.lastCode(mobile).orElseThrow();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < maxAttempts - 1; i++) {
            assertRefused(() -> reset.reset(mobile, wrong, NEW), "code", "sms.code.wrong");
        }
        // A weak password is refused before the code is looked at, so it costs no try.
        assertRefused(() -> reset.reset(mobile, wrong, "short"), "password", "account.password.weak");
        assertRefused(() -> reset.reset(mobile, wrong, NEW), "code", "sms.code.wrong");

        assertRefused(() -> reset.reset(mobile, code, NEW), "code", "sms.code.wrong");
    }

    @Test
    void theRightCodeAfterAWrongTryStillWorks() {
        String mobile = citizen();
        reset.requestCode(mobile, address());
        String code = sms.lastCode(mobile).orElseThrow();
        assertRefused(() -> reset.reset(mobile, code.equals("000000") ? "111111" : "000000", NEW), "code", "sms.code.wrong");

        reset.reset(mobile, code, NEW);

        assertThat(location(new Http(port).login(mobile, NEW))).doesNotContain("error");
    }

    @Test
    void codesAreRateLimitedPerMobile() {
        String mobile = citizen();
        reset.requestCode(mobile, address());
        assertRefused(() -> reset.requestCode(mobile, address()), "mobile", "sms.too-soon");
        for (int i = 1; i < perMobilePerHour; i++) {
            backdate(mobile);
            reset.requestCode(mobile, address());
        }
        backdate(mobile);

        assertRefused(() -> reset.requestCode(mobile, address()), "mobile", "sms.mobile-limit");
        assertThat(sms.sentTo(mobile)).hasSize(perMobilePerHour);
    }

    /** Moves the mobile's codes two minutes into the past, beyond the resend interval but within the hour. */
    private void backdate(String mobile) {
        jdbc.sql("UPDATE identity_one_time_code SET created_at = created_at - interval '2 minutes' WHERE mobile = ?")
                .param(mobile).update();
    }

    @Test
    void codesAreRateLimitedPerAddress() {
        String address = address();
        for (int i = 0; i < perAddressPerHour; i++) {
            reset.requestCode(TestApplicants.mobile(TestApplicants.next()), address);
        }
        String mobile = citizen();

        assertRefused(() -> reset.requestCode(mobile, address), "mobile", "sms.address-limit");
        assertThat(sms.sentTo(mobile)).isEmpty();
        reset.requestCode(mobile, address());
        assertThat(sms.sentTo(mobile)).hasSize(1);
    }

    @Test
    void aResetForgetsTheFailedSignInsOfTheAccount() {
        String mobile = citizen();
        for (int i = 0; i < 5; i++) {
            new Http(port).login(mobile, "wrong2026pass");
        }
        assertThat(location(new Http(port).login(mobile, OLD))).contains("/login?error");
        reset.requestCode(mobile, address());

        reset.reset(mobile, sms.lastCode(mobile).orElseThrow(), NEW);

        assertThat(location(new Http(port).login(mobile, NEW))).doesNotContain("error");
    }
}
