package org.tongban.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sign-in throttling through the real security filter chain, with client addresses set on each request. Every test
 * opens accounts of its own and uses addresses of its own, so that counters of one test never touch another.
 */
@TongbanTest
class SignInThrottlingTests {

    private static final String PASSWORD = "right2026pass";
    private static final String WRONG = "wrong2026pass";

    @Autowired
    WebApplicationContext context;
    @Autowired
    AccountManagement accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignedIn signedIn;
    @Value("${tongban.security.sign-in.failures-before-delay:5}")
    int failuresBeforeDelay;
    @Value("${tongban.security.sign-in.address-max-failures:30}")
    int addressMaxFailures;
    @Value("${tongban.security.sign-in.account-slow-down-after:20}")
    int accountSlowDownAfter;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** Where the sign-in form sends the browser: {@code /login?error}, or a page of the portal. */
    private String signIn(String login, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", login).param("password", password).with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private record Applicant(UUID id, String mobile, String idNumber) {
    }

    private Applicant citizen() {
        int n = TestApplicants.next();
        String mobile = TestApplicants.mobile(n);
        String idNumber = TestApplicants.idNumber(n);
        UUID id = TestApplicants.citizen(accounts, n, PASSWORD);
        return new Applicant(id, mobile, idNumber);
    }

    @ParameterizedTest(name = "wrong passwords typed with the {0}")
    @ValueSource(strings = {"mobile", "ID number", "ID number with a small x"})
    void wrongPasswordsCountAgainstTheAccountWhicheverIdentifierWasTyped(String kind) throws Exception {
        Applicant a = citizen();
        String typed = switch (kind) {
            case "mobile" -> a.mobile();
            case "ID number" -> a.idNumber();
            default -> a.idNumber().toLowerCase();
        };
        int n = TestApplicants.next();
        String home = TestApplicants.address(n, 0);
        String elsewhere = TestApplicants.address(n, 1);
        // Failures with other identifiers of the same account count towards the same limit.
        assertThat(signIn(a.mobile().equals(typed) ? a.idNumber() : a.mobile(), WRONG, home)).isEqualTo("/login?error");

        for (int i = 0; i < 9; i++) {
            assertThat(signIn(typed, WRONG, home)).isEqualTo("/login?error");
        }

        // The account is held back from that address whatever identifier comes next, even with the right password …
        assertThat(signIn(a.mobile(), PASSWORD, home)).isEqualTo("/login?error");
        assertThat(signIn(a.idNumber(), PASSWORD, home)).isEqualTo("/login?error");
        // … for the first delay: the five tries after the fifth failure were refused before any password was looked at.
        Instant blockedUntil = jdbc.sql("""
                SELECT blocked_until FROM identity_sign_in_counter WHERE scope = 'SUBJECT_ADDRESS' AND key = ?""")
                .param("account:" + a.id() + "|" + home).query(Timestamp.class).single().toInstant();
        assertThat(Duration.between(Instant.now(), blockedUntil)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
        // … and not from anywhere else.
        assertThat(signIn(a.idNumber(), PASSWORD, elsewhere)).isEqualTo("/");
    }

    @Test
    void guessingFromOneAddressDoesNotStopTheHolderSigningInFromAnother() throws Exception {
        String username = "test.throttle" + TestApplicants.next();
        signedIn.as("admin", () -> accounts.createStaff(new StaffAccountRequest(username, "测试 管理员", PASSWORD, null,
                Set.of(Role.PLATFORM_ADMIN))));
        int n = TestApplicants.next();
        String attacker = TestApplicants.address(n, 0);
        String holder = TestApplicants.address(n, 1);

        for (int i = 0; i < failuresBeforeDelay + 3; i++) {
            signIn(username, WRONG, attacker);
        }

        assertThat(signIn(username, PASSWORD, attacker)).isEqualTo("/login?error");
        assertThat(signIn(username, PASSWORD, holder)).isEqualTo("/staff");
    }

    @Test
    void theDelayDoublesWithEachFurtherFailureAndCountersExpire() throws Exception {
        Applicant a = citizen();
        String address = TestApplicants.address(TestApplicants.next(), 0);
        String pair = "account:" + a.id() + "|" + address;
        for (int i = 0; i < failuresBeforeDelay; i++) {
            signIn(a.mobile(), WRONG, address);
        }
        assertThat(blockedFor(pair)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));

        // The minute has passed: one more failure, two minutes.
        jdbc.sql("UPDATE identity_sign_in_counter SET blocked_until = now() - interval '1 second' WHERE key = ?")
                .param(pair).update();
        assertThat(signIn(a.mobile(), WRONG, address)).isEqualTo("/login?error");
        assertThat(blockedFor(pair)).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(120));

        // A counter left alone past its memory is forgotten: the next failure is the first again.
        jdbc.sql("""
                UPDATE identity_sign_in_counter SET blocked_until = now() - interval '1 second',
                    expires_at = now() - interval '1 second' WHERE key = ?""").param(pair).update();
        assertThat(signIn(a.mobile(), WRONG, address)).isEqualTo("/login?error");
        assertThat(jdbc.sql("SELECT failures FROM identity_sign_in_counter WHERE scope = 'SUBJECT_ADDRESS' AND key = ?")
                .param(pair).query(Integer.class).single()).isEqualTo(1);
        assertThat(signIn(a.mobile(), PASSWORD, address)).isEqualTo("/");
    }

    private Duration blockedFor(String pair) {
        return Duration.between(Instant.now(), jdbc.sql("""
                SELECT blocked_until FROM identity_sign_in_counter WHERE scope = 'SUBJECT_ADDRESS' AND key = ?""")
                .param(pair).query(Timestamp.class).single().toInstant());
    }

    @Test
    void oneAddressFailingOnManyAccountsIsRefusedForEveryAccount() throws Exception {
        Applicant a = citizen();
        int n = TestApplicants.next();
        String sprayer = TestApplicants.address(n, 0);
        for (int i = 0; i < addressMaxFailures - 1; i++) {
            signIn("1390" + n + String.format("%05d", i), WRONG, sprayer);
        }
        assertThat(signIn(a.mobile(), PASSWORD, sprayer)).as("one below the limit").isEqualTo("/");
        signIn("1390" + n + "99999", WRONG, sprayer);

        assertThat(signIn(a.mobile(), PASSWORD, sprayer)).isEqualTo("/login?error");
        assertThat(signIn(a.mobile(), PASSWORD, TestApplicants.address(n, 1))).isEqualTo("/");
    }

    @Test
    void manyAddressesGuessingOneAccountSlowEachDownButNeverLockTheHolderOut() throws Exception {
        Applicant a = citizen();
        int n = TestApplicants.next();
        // Below the account-wide count one wrong password costs nothing.
        signIn(a.mobile(), WRONG, TestApplicants.address(n, 0));
        assertThat(signIn(a.mobile(), PASSWORD, TestApplicants.address(n, 0))).isEqualTo("/");

        for (int k = 1; k <= accountSlowDownAfter; k++) {
            signIn(a.mobile(), WRONG, TestApplicants.address(n, k));
        }

        // Now a single failure holds an address back …
        String next = TestApplicants.address(n, accountSlowDownAfter + 1);
        signIn(a.mobile(), WRONG, next);
        assertThat(signIn(a.mobile(), PASSWORD, next)).isEqualTo("/login?error");
        // … but an address that has not failed still gets in with the right password.
        assertThat(signIn(a.mobile(), PASSWORD, TestApplicants.address(n, accountSlowDownAfter + 2))).isEqualTo("/");
    }

    @Test
    void unknownAccountsWrongPasswordsAndThrottlingLookTheSame() throws Exception {
        Applicant a = citizen();
        String unknown = TestApplicants.mobile(TestApplicants.next());
        int n = TestApplicants.next();
        String address = TestApplicants.address(n, 0);

        String wrongPassword = signIn(a.mobile(), WRONG, address);
        String unknownAccount = signIn(unknown, WRONG, address);
        assertThat(unknownAccount).isEqualTo(wrongPassword).isEqualTo("/login?error");
        for (int i = 1; i < failuresBeforeDelay; i++) {
            signIn(a.mobile(), WRONG, address);
            signIn(unknown, WRONG, address);
        }
        // Both are now throttled from this address, and say so in the same words as a wrong password.
        assertThat(signIn(a.mobile(), PASSWORD, address)).isEqualTo("/login?error");
        assertThat(signIn(unknown, PASSWORD, address)).isEqualTo("/login?error");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM identity_sign_in_counter
                WHERE scope = 'SUBJECT_ADDRESS' AND key LIKE ? AND blocked_until > now()""").param("%|" + address)
                .query(Long.class).single()).as("the unknown identifier is held back like the account").isEqualTo(2);
        String page = mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("账号或密码不正确，或者输错次数过多暂时不能登录").contains("忘记密码")
                .doesNotContain("锁定").doesNotContain("不存在");
    }
}
