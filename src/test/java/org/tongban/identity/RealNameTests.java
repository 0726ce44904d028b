package org.tongban.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;
import org.tongban.support.Http;
import org.tongban.support.RecordingSmsGateway;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registration with a mobile code and the base registries, and the real-name levels (实名认证等级). */
@TongbanTest
class RealNameTests {

    private static final String PASSWORD = "real2026name";

    @Autowired
    AccountManagement accounts;
    @Autowired
    RecordingSmsGateway sms;
    @Autowired
    SignedIn signedIn;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private long accountCount() {
        return jdbc.sql("SELECT count(*) FROM identity_account").query(Long.class).single();
    }

    private String codeFor(String mobile) {
        accounts.sendRegistrationCode(mobile, TestApplicants.address(TestApplicants.next(), 0));
        return sms.lastCode(mobile).orElseThrow();
    }

    private static void assertRefused(Runnable call, String field, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).extracting(Violation::field, Violation::code)
                        .contains(org.assertj.core.groups.Tuple.tuple(field, code)));
    }

    @Test
    void aCitizenRegistersWithTheCodeSentToHerMobileAndIsMatchedAgainstThePopulationRegistry() {
        String mobile = TestApplicants.mobile(TestApplicants.next());
        Http browser = new Http(port);
        HttpResponse<String> codePage = browser.postForm("/register/citizen", "/register/citizen/code",
                Map.of("realName", "赵晴", "idNumber", "377002199203150046", "mobile", mobile, "password", PASSWORD));
        assertThat(codePage.statusCode()).isEqualTo(200);
        assertThat(codePage.body()).contains("验证码已发送到您的手机").contains("value=\"赵晴\"").doesNotContain(PASSWORD);
        String code = sms.lastCode(mobile).orElseThrow();

        HttpResponse<String> registered = browser.postForm("/register/citizen", "/register/citizen", Map.of(
                "realName", "赵晴", "idNumber", "377002199203150046", "mobile", mobile, "mobileCode", code,
                "password", PASSWORD));

        assertThat(registered.headers().firstValue("Location")).get().asString().endsWith("/login");
        Http signedInBrowser = new Http(port);
        signedInBrowser.login(mobile, PASSWORD);
        assertThat(signedInBrowser.get("/account").body()).contains("实名认证等级").contains("人口（法人）信息核验");
        assertThat(signedIn.as(mobile, () -> accounts.currentLevel())).contains(RealNameLevel.REGISTRY_MATCHED);
    }

    @Test
    void registrationNeedsTheRightCodeAndStoresNothingWithoutIt() {
        int n = TestApplicants.next();
        String mobile = TestApplicants.mobile(n);
        String code = codeFor(mobile);
        long before = accountCount();
        CitizenRegistration r = new CitizenRegistration("测试" + n, TestApplicants.idNumber(n), mobile, PASSWORD);

        assertRefused(() -> accounts.registerCitizen(r, code.equals("000000") ? "111111" : "000000"),
                "mobileCode", "sms.code.wrong");
        assertRefused(() -> accounts.registerCitizen(r, ""), "mobileCode", "sms.code.format");
        assertThat(accountCount()).isEqualTo(before);
        // A code sent to another mobile does not prove this one.
        String other = TestApplicants.mobile(TestApplicants.next());
        String otherCode = codeFor(other);
        assertRefused(() -> accounts.registerCitizen(r, otherCode), "mobileCode", "sms.code.wrong");

        UUID id = accounts.registerCitizen(r, code);

        // Not in the population registry: the mobile is all that was proven.
        assertThat(signedIn.as(mobile, () -> accounts.currentLevel())).contains(RealNameLevel.MOBILE_VERIFIED);
        assertThat(signedIn.as(mobile, () -> accounts.currentAccountHasLevel(RealNameLevel.REGISTRY_MATCHED))).isFalse();
        assertThat(id).isNotNull();
    }

    @Test
    void aNameThatDoesNotMatchThePopulationRegistryIsRefused() {
        String mobile = TestApplicants.mobile(TestApplicants.next());
        String code = codeFor(mobile);
        long before = accountCount();

        assertRefused(() -> accounts.registerCitizen(new CitizenRegistration("冒名者", "377003198808081022", mobile,
                PASSWORD), code), "realName", "account.registry.person-mismatch");
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void anIdNumberThatHasAnAccountCannotBeRegisteredAgainAndThePersonIsToldWhatToDo() {
        String mobile = TestApplicants.mobile(TestApplicants.next());
        String code = codeFor(mobile);

        assertThatThrownBy(() -> accounts.registerCitizen(new CitizenRegistration("张海川", "377002199001011232", mobile,
                PASSWORD), code))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("idNumber");
                            assertThat(v.code()).isEqualTo("account.id-number.taken");
                            assertThat(v.defaultMessage()).contains("忘记密码").contains("政务服务中心窗口");
                        }));
        assertThat(jdbc.sql("SELECT count(*) FROM identity_account WHERE mobile = ?").param(mobile)
                .query(Long.class).single()).isZero();
    }

    @Test
    void demoAccountsAreRegistryMatched() {
        assertThat(signedIn.as("13800000002", () -> accounts.currentLevel())).contains(RealNameLevel.REGISTRY_MATCHED);
        assertThat(signedIn.as("91377002HC10000182", () -> accounts.currentLevel()))
                .contains(RealNameLevel.REGISTRY_MATCHED);
        assertThat(RealNameLevel.IN_PERSON.atLeast(RealNameLevel.REGISTRY_MATCHED)).isTrue();
        assertThat(RealNameLevel.MOBILE_VERIFIED.atLeast(RealNameLevel.REGISTRY_MATCHED)).isFalse();
    }

    @Test
    void aWindowClerkVerifiesAnAccountInPersonAndTheLogSaysWho() {
        int n = TestApplicants.next();
        UUID id = TestApplicants.citizen(accounts, n, PASSWORD);
        String idNumber = TestApplicants.idNumber(n);

        assertRefused(() -> signedIn.as("clerk", () -> accounts.verifyInPerson(idNumber, false)),
                "documentsSeen", "account.in-person.documents");
        assertRefused(() -> signedIn.as("clerk", () -> accounts.verifyInPerson("377002199203150046X", true)),
                "identifier", "account.in-person.unknown");
        assertThat(signedIn.as(TestApplicants.mobile(n), () -> accounts.currentLevel()))
                .contains(RealNameLevel.MOBILE_VERIFIED);

        AccountSummary verified = signedIn.as("clerk", () -> accounts.verifyInPerson(idNumber.toLowerCase(), true));

        assertThat(verified.realNameLevel()).isEqualTo(RealNameLevel.IN_PERSON);
        assertThat(signedIn.as(TestApplicants.mobile(n), () -> accounts.currentAccountHasLevel(RealNameLevel.IN_PERSON)))
                .isTrue();
        assertThat(signedIn.as("admin", () -> accounts.history(id)).getFirst()).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AdministrativeAction.VERIFIED_IN_PERSON);
            assertThat(entry.actor()).isEqualTo("clerk");
        });
    }

    @Test
    void onlyWindowClerksVerifyInPerson() {
        int n = TestApplicants.next();
        TestApplicants.citizen(accounts, n, PASSWORD);
        String idNumber = TestApplicants.idNumber(n);
        for (String notAClerk : new String[] {"admin", "legal", "supervisor", TestApplicants.mobile(n)}) {
            assertThatThrownBy(() -> signedIn.as(notAClerk, () -> accounts.verifyInPerson(idNumber, true)))
                    .as(notAClerk).isInstanceOf(AuthorizationDeniedException.class);
        }
        Http admin = new Http(port);
        admin.login("admin", "tongban2026");
        assertThat(admin.get("/staff/real-name").statusCode()).isEqualTo(403);
        assertThat(admin.postForm("/password-reset", "/staff/real-name", Map.of("identifier", idNumber, "documentsSeen", "true"))
                .statusCode()).isEqualTo(403);
        Http clerk = new Http(port);
        clerk.login("clerk", "tongban2026");
        assertThat(clerk.get("/staff/real-name").statusCode()).isEqualTo(200);
        HttpResponse<String> done = clerk.postForm("/staff/real-name", "/staff/real-name",
                Map.of("identifier", idNumber, "documentsSeen", "true"));
        assertThat(done.body()).contains("已完成当面核验").contains("窗口当面核验");
        assertThat(signedIn.as(TestApplicants.mobile(n), () -> accounts.currentLevel())).contains(RealNameLevel.IN_PERSON);
    }
}
