package org.tongban.identity.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.identity.AccountManagement;
import org.tongban.support.Http;
import org.tongban.support.TongbanTest;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@TongbanTest
class AccountPagesTests {

    @Autowired
    org.tongban.support.SignedIn asAdmin;

    @LocalServerPort
    int port;
    @Autowired
    AccountManagement accounts;

    private Http signedIn(String user) {
        Http http = new Http(port);
        http.login(user, "tongban2026");
        return http;
    }

    @Test
    void aCitizenSeesTheirOwnNumbersMasked() {
        String page = signedIn("13800000001").get("/account").body();
        assertThat(page).contains("张海川", "3770**********1232", "138****0001").doesNotContain("377002199001011232");
    }

    @Test
    void anAdministratorSeesAFullIdNumberOnlyWithAPurposeAndTheLookIsLogged() {
        UUID citizen = lookUp("377002198506152247");
        Http admin = signedIn("admin");
        String list = admin.get("/admin/accounts").body();
        assertThat(list).contains("3770**********2247").doesNotContain("377002198506152247");

        String refused = admin.postForm("/admin/accounts/" + citizen, "/admin/accounts/" + citizen + "/id-number",
                Map.of("purpose", "")).body();
        assertThat(refused).contains("须写明用途").doesNotContain("377002198506152247");

        String revealed = admin.postForm("/admin/accounts/" + citizen, "/admin/accounts/" + citizen + "/id-number",
                Map.of("purpose", "核对投诉当事人身份")).body();
        assertThat(revealed).contains("377002198506152247", "核对投诉当事人身份", "本次查看已记录");
    }

    @Test
    void otherStaffCannotReachAccountsOrPersonalData() {
        UUID citizen = lookUp("377002199001011232");
        Http clerk = signedIn("clerk");
        assertThat(clerk.get("/admin/accounts").statusCode()).isEqualTo(403);
        assertThat(clerk.get("/admin/accounts/" + citizen).statusCode()).isEqualTo(403);
        assertThat(new Http(port).get("/account").statusCode()).isEqualTo(302);
    }

    private UUID lookUp(String idNumber) {
        return asAdmin.as("admin", () -> accounts.findAccountIdByIdNumber(idNumber)).orElseThrow();
    }
}
