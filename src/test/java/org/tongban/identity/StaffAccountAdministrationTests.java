package org.tongban.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;
import org.tongban.support.Http;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TongbanTest
class StaffAccountAdministrationTests {

    private static final String PASSWORD = "initial2026pass";
    private static final String MARKET_REGULATION = "11377000HC00002511";

    @Autowired
    AccountManagement accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignedIn signedIn;
    @LocalServerPort
    int port;

    private UUID createClerk(String username) {
        return signedIn.as("admin", () -> accounts.createStaff(new StaffAccountRequest(username, "测试 " + username,
                PASSWORD, MARKET_REGULATION, Set.of(Role.WINDOW_CLERK))));
    }

    private long accountCount() {
        return jdbc.sql("SELECT count(*) FROM identity_account").query(Long.class).single();
    }

    private long sessionsOf(String username) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(username)
                .query(Long.class).single();
    }

    private Http signedInOverHttp(String username, String password) {
        Http http = new Http(port);
        assertThat(http.login(username, password).headers().firstValue("Location")).get().asString()
                .doesNotContain("error");
        assertThat(http.get("/staff").statusCode()).isEqualTo(200);
        return http;
    }

    private static void assertSignedOut(Http http) {
        HttpResponse<String> response = http.get("/staff");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    private void assertRefused(StaffAccountRequest request, String field, String code) {
        long before = accountCount();
        assertThatThrownBy(() -> signedIn.as("admin", () -> accounts.createStaff(request)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code)));
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void aStaffAccountIsCreatedInItsDepartmentAndLogged() {
        UUID id = createClerk("test.created");

        AccountSummary created = signedIn.as("admin", () -> accounts.account(id)).orElseThrow();
        assertThat(created.roles()).containsExactly(Role.WINDOW_CLERK);
        assertThat(created.enabled()).isTrue();
        assertThat(signedIn.as("admin", () -> accounts.history(id))).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("admin");
            assertThat(entry.action()).isEqualTo(AdministrativeAction.ACCOUNT_CREATED);
            assertThat(entry.description()).contains("test.created", "综合窗口", "市市场监管局")
                    .doesNotContain(PASSWORD);
        });
        signedInOverHttp("test.created", PASSWORD);
    }

    @Test
    void aBadUsernameIsRefused() {
        assertRefused(new StaffAccountRequest("Wang Fang", "王芳", PASSWORD, null, Set.of(Role.WINDOW_CLERK)),
                "username", "account.username.format");
    }

    @Test
    void aUsernameIsUsedOnce() {
        assertRefused(new StaffAccountRequest("clerk", "另一个刘芳", PASSWORD, null, Set.of(Role.WINDOW_CLERK)),
                "username", "account.username.taken");
    }

    @Test
    void applicantRolesAreNotStaffRoles() {
        assertRefused(new StaffAccountRequest("test.citizen", "冒充个人", PASSWORD, null,
                Set.of(Role.WINDOW_CLERK, Role.CITIZEN)), "roles", "account.roles.staff");
    }

    @Test
    void aWeakPasswordIsRefused() {
        assertRefused(new StaffAccountRequest("test.weak", "弱密码", "password", null, Set.of(Role.WINDOW_CLERK)),
                "password", "account.password.weak");
    }

    @Test
    void onlyPlatformAdministratorsOpenStaffAccounts() {
        StaffAccountRequest request = new StaffAccountRequest("test.sneaky", "越权", PASSWORD, null,
                Set.of(Role.PLATFORM_ADMIN));
        assertThatThrownBy(() -> signedIn.as("catalog", () -> accounts.createStaff(request)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> accounts.createStaff(request))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(signedIn.as("admin", () -> accounts.usernameExists("test.sneaky"))).isFalse();
    }

    @Test
    void newRolesEndTheAccountsSessionsAndAreLogged() {
        UUID id = createClerk("test.roles");
        Http clerk = signedInOverHttp("test.roles", PASSWORD);
        assertThat(sessionsOf("test.roles")).isPositive();

        signedIn.as("admin", () -> accounts.reassign(id, Set.of(Role.DEPARTMENT_REVIEWER), MARKET_REGULATION));

        assertSignedOut(clerk);
        assertThat(sessionsOf("test.roles")).isZero();
        assertThat(signedIn.as("admin", () -> accounts.history(id)).getFirst()).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AdministrativeAction.ROLES_CHANGED);
            assertThat(entry.description()).isEqualTo("角色：综合窗口 → 审批人员");
        });
    }

    @Test
    void aNewDepartmentEndsTheAccountsSessions() {
        UUID id = createClerk("test.moved");
        Http clerk = signedInOverHttp("test.moved", PASSWORD);

        signedIn.as("admin", () -> accounts.reassign(id, Set.of(Role.WINDOW_CLERK), null));

        assertSignedOut(clerk);
        assertThat(signedIn.as("admin", () -> accounts.history(id)).getFirst().description())
                .isEqualTo("部门：市市场监管局 → （无，全市）");
    }

    @Test
    void aDisabledAccountCannotSignInUntilEnabledAgain() {
        UUID id = createClerk("test.disabled");
        Http clerk = signedInOverHttp("test.disabled", PASSWORD);

        signedIn.as("admin", () -> accounts.disable(id));

        assertSignedOut(clerk);
        assertThat(new Http(port).login("test.disabled", PASSWORD).headers().firstValue("Location")).get()
                .asString().contains("/login?error").contains("disabled");
        // Only someone who knows the password learns that the account is disabled.
        assertThat(new Http(port).login("test.disabled", "wrong-password-1").headers().firstValue("Location")).get()
                .asString().endsWith("/login?error");
        signedIn.as("admin", () -> accounts.enable(id));
        signedInOverHttp("test.disabled", PASSWORD);
        assertThat(signedIn.as("admin", () -> accounts.history(id))).extracting(AdministrationLogEntry::action)
                .startsWith(AdministrativeAction.ACCOUNT_ENABLED, AdministrativeAction.ACCOUNT_DISABLED);
    }

    @Test
    void aNewPasswordEndsTheAccountsSessionsAndReplacesTheOldOne() {
        UUID id = createClerk("test.password");
        Http clerk = signedInOverHttp("test.password", PASSWORD);

        assertThatThrownBy(() -> signedIn.as("admin", () -> accounts.setPassword(id, "short1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("password"));
        signedIn.as("admin", () -> accounts.setPassword(id, "changed2026pass"));

        assertSignedOut(clerk);
        assertThat(new Http(port).login("test.password", PASSWORD).headers().firstValue("Location")).get()
                .asString().contains("/login?error");
        signedInOverHttp("test.password", "changed2026pass");
        assertThat(signedIn.as("admin", () -> accounts.history(id)).getFirst()).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AdministrativeAction.PASSWORD_SET);
            assertThat(entry.description()).doesNotContain("changed2026pass");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM identity_administration_log WHERE description LIKE '%2026pass%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aHeldBackAccountCanBeReleasedBeforeTheHoldRunsOut() {
        UUID id = createClerk("test.locked");
        for (int i = 0; i < 5; i++) {
            new Http(port).login("test.locked", "wrong-password1");
        }
        assertThat(signedIn.as("admin", () -> accounts.account(id)).orElseThrow().locked()).isTrue();
        // While held back, even the right password does not get in from that address.
        assertThat(new Http(port).login("test.locked", PASSWORD).headers().firstValue("Location")).get().asString()
                .contains("/login?error");

        signedIn.as("admin", () -> accounts.unlock(id));

        assertThat(signedIn.as("admin", () -> accounts.account(id)).orElseThrow().locked()).isFalse();
        signedInOverHttp("test.locked", PASSWORD);
        assertThat(signedIn.as("admin", () -> accounts.history(id)).getFirst().action())
                .isEqualTo(AdministrativeAction.ACCOUNT_UNLOCKED);
    }

    @Test
    void anAdministratorCannotDisableHerselfNorDropHerOwnAdministratorRole() {
        UUID admin = signedIn.as("admin", () -> accounts.currentAccount()).orElseThrow().id();

        assertThatThrownBy(() -> signedIn.as("admin", () -> accounts.disable(admin)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("enabled", "account.disable.self")));
        assertThatThrownBy(() -> signedIn.as("admin", () -> accounts.reassign(admin, Set.of(Role.SUPERVISOR), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("roles", "account.roles.own-admin")));
        AccountSummary unchanged = signedIn.as("admin", () -> accounts.account(admin)).orElseThrow();
        assertThat(unchanged.enabled()).isTrue();
        assertThat(unchanged.roles()).containsExactly(Role.PLATFORM_ADMIN);
    }
}
