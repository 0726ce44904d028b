package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.DepartmentManagement;
import org.tongban.identity.DepartmentManagement.DepartmentDetails;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccountRequest;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A renamed department is found by its new name at once, and its guides show it, without a restart. */
@TongbanTest
class DepartmentRenameTests {

    private static final String CREDIT_CODE = "11377000HC0000999M";

    @Autowired
    DepartmentManagement departments;
    @Autowired
    AccountManagement accounts;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    CatalogSearch search;
    @Autowired
    SignedIn signedIn;
    @Autowired
    Clock clock;

    @Test
    void searchAndGuidesFollowTheNewName() {
        signedIn.as("admin", () -> departments.create(new DepartmentDetails("海川市椰林度假区管理委员会", "椰林管委会",
                null, CREDIT_CODE, "377000", null, null, null, null)));
        signedIn.as("admin", () -> accounts.createStaff(new StaffAccountRequest("catalog.island", "目录管理员 海岛",
                "tongban2026", CREDIT_CODE, Set.of(Role.CATALOGUE_ADMIN))));
        String basic = "012999001030";
        ItemContent item = TestItems.with(TestItems.valid("海岛一日游线路备案", "1030"),
                "departmentCreditCode", CREDIT_CODE, "implementationCode", CREDIT_CODE + basic + "0");
        signedIn.as("catalog.island", () -> catalog.createItem(item));
        signedIn.as("catalog.island", () -> catalog.submitForReview(item.implementationCode(), LocalDate.now(clock)));
        signedIn.as("legal", () -> catalog.publish(item.implementationCode(), null));
        assertThat(catalog.guide(item.implementationCode()).department().name()).isEqualTo("海川市椰林度假区管理委员会");
        await().untilAsserted(() -> assertThat(search.search(SearchQuery.text("椰林管委会")).hits())
                .extracting(SearchHit::code).contains(item.implementationCode()));

        UUID id = departments.byCreditCode(CREDIT_CODE).orElseThrow().id();
        signedIn.as("admin", () -> departments.update(id, new DepartmentDetails("海川市文化和旅游局海岛分局", "海岛分局",
                null, CREDIT_CODE, "377000", null, null, null, null)));

        // The catalogue reacts to DepartmentChanged just after the commit, in a listener of its own.
        await().untilAsserted(() -> assertThat(search.search(SearchQuery.text("海岛分局")).hits()).first()
                .satisfies(hit -> {
                    assertThat(hit.code()).isEqualTo(item.implementationCode());
                    assertThat(hit.departmentName()).isEqualTo("海川市文化和旅游局海岛分局");
                }));
        assertThat(search.search(SearchQuery.text("椰林管委会")).hits()).extracting(SearchHit::code)
                .doesNotContain(item.implementationCode());
        assertThat(catalog.guide(item.implementationCode()).department().name()).isEqualTo("海川市文化和旅游局海岛分局");
    }
}
