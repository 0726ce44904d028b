package org.tongban.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;
import org.tongban.support.Http;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TongbanTest
class AccountTests {

    @Autowired
    AccountManagement accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignedIn signedIn;
    @LocalServerPort
    int port;

    @Test
    void aCitizenIdNumberIsStoredEncryptedAndShownMasked() {
        UUID id = TestApplicants.importCitizen(accounts, new CitizenRegistration("测试甲", "11010519491231002X", "13700000001", "password123"));

        byte[] cipher = jdbc.sql("SELECT id_number_cipher FROM identity_account WHERE id = ?").param(id)
                .query(byte[].class).single();
        assertThat(new String(cipher, StandardCharsets.ISO_8859_1)).doesNotContain("11010519491231002X");
        // The lookup hash is a keyed 256-bit digest (64 hex digits), not the number; the stored display form is masked.
        // (A hex digest may contain "1101" by chance, so the check is on the whole number, not on its first digits.)
        String hash = jdbc.sql("SELECT id_number_hash FROM identity_account WHERE id = ?").param(id).query(String.class).single();
        assertThat(hash).matches("[0-9a-f]{64}").doesNotContain("11010519491231002").doesNotContain("19491231");
        assertThat(jdbc.sql("SELECT id_number_masked FROM identity_account WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo("1101**********002X");
        assertThat(SystemActor.runAs("test", java.util.Set.of(Role.WINDOW_CLERK),
                () -> accounts.findAccountIdByIdNumber("11010519491231002x"))).contains(id);
    }

    @Test
    void registrationRefusesBadInputFieldByFieldAndStoresNothing() {
        long before = jdbc.sql("SELECT count(*) FROM identity_account").query(Long.class).single();
        assertThatThrownBy(() -> TestApplicants.importCitizen(accounts, 
                new CitizenRegistration("", "110105194912310021", "1380000", "short")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field)
                            .containsExactly("realName", "idNumber", "mobile", "password");
                    assertThat(e.violations()).extracting(Violation::code).contains("id-number.check-digit");
                });
        assertThat(jdbc.sql("SELECT count(*) FROM identity_account").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aNameWithMarkupIsRefusedBesideItsField() {
        long before = jdbc.sql("SELECT count(*) FROM identity_account").query(Long.class).single();
        assertThatThrownBy(() -> TestApplicants.importEnterprise(accounts, new EnterpriseRegistration("91377002HC10000182",
                "<script>alert(1)</script>公司", "王<b>五</b>", "377002199001011232", "13700000011", "password123")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .filteredOn(v -> v.code().equals("markup")).extracting(Violation::field)
                        .containsExactly("enterpriseName", "legalRepresentative"));
        assertThat(jdbc.sql("SELECT count(*) FROM identity_account").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anIdNumberRegistersOnlyOnce() {
        assertThatThrownBy(() -> TestApplicants.importCitizen(accounts, 
                new CitizenRegistration("冒用者", "377002199001011232", "13700000009", "password123")))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).extracting(Violation::code).containsExactly("account.id-number.taken"));
    }

    @Test
    void anEnterpriseNeedsAValidCreditCode() {
        assertThatThrownBy(() -> TestApplicants.importEnterprise(accounts, new EnterpriseRegistration("91377002HC10000183",
                "错码公司", "王五", "377002199001011232", "13700000010", "password123")))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).extracting(Violation::field).containsExactly("creditCode"));
    }

    @Test
    void onlyPlatformAdministratorsSeeAFullIdNumberAndEveryLookIsLogged() {
        UUID id = signedIn.as("clerk", () -> accounts.findAccountIdByIdNumber("377002199001011232")).orElseThrow();
        assertThatThrownBy(() -> signedIn.as("clerk", () -> accounts.revealIdNumber(id, "核对身份")))
                .isInstanceOf(AuthorizationDeniedException.class);

        String clear = signedIn.as("admin", () -> accounts.revealIdNumber(id, "核对 12345 投诉当事人身份"));

        assertThat(clear).isEqualTo("377002199001011232");
        assertThat(signedIn.as("admin", () -> accounts.personalDataAccessLog(id)))
                .anySatisfy(a -> {
                    assertThat(a.accessedBy()).isEqualTo("admin");
                    assertThat(a.purpose()).isEqualTo("核对 12345 投诉当事人身份");
                });
    }

    @Test
    void aCitizenSignsInWithMobileOrIdNumber() {
        assertThat(new Http(port).login("13800000002", "tongban2026").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(new Http(port).login("377002198506152247", "tongban2026").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    @Test
    void repeatedFailuresHoldTheAccountBackFromThatAddressEvenForTheRightPassword() {
        TestApplicants.importCitizen(accounts, new CitizenRegistration("测试乙", "440524188001010014", "13700000002", "password123"));
        Http browser = new Http(port);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login("13700000002", "wrong-password1").headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        }
        assertThat(browser.login("13700000002", "password123").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
    }
}
