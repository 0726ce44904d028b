package org.tongban.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tongban.identity.DepartmentManagement.DepartmentDetails;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TongbanTest
@RecordApplicationEvents
class DepartmentAdministrationTests {

    /** 海川市市场监督管理局 in the demo data. */
    private static final String MARKET_REGULATION = "11377000HC00002511";

    @Autowired
    DepartmentManagement departments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignedIn signedIn;
    @Autowired
    ApplicationEvents events;

    private static DepartmentDetails details(String name, String creditCode, UUID parentId) {
        return new DepartmentDetails(name, name.replace("海川市", "市"), null, creditCode, "377000", parentId,
                "海川市人民路 1 号", "0535-66100123", "工作日 9:00–17:00");
    }

    private UUID create(DepartmentDetails details) {
        return signedIn.as("admin", () -> departments.create(details));
    }

    private long departmentCount() {
        return jdbc.sql("SELECT count(*) FROM identity_department").query(Long.class).single();
    }

    private void assertRefused(DepartmentDetails details, String field, String code) {
        long before = departmentCount();
        assertThatThrownBy(() -> create(details)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).extracting(Violation::field, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code)));
        assertThat(departmentCount()).isEqualTo(before);
    }

    @Test
    void aNewDepartmentSitsUnderItsParentIsLoggedAndAnnounced() {
        UUID parent = departments.byCreditCode(MARKET_REGULATION).orElseThrow().id();

        UUID id = create(details("海川市市场监督管理局食品安全科", "11377000HC9000012C", parent));

        Department created = departments.byId(id).orElseThrow();
        assertThat(created.parentId()).isEqualTo(parent);
        assertThat(created.shortName()).isEqualTo("市市场监督管理局食品安全科");
        assertThat(departments.tree()).anySatisfy(d -> {
            assertThat(d.department().id()).isEqualTo(id);
            assertThat(d.level()).isEqualTo(1);
        });
        assertThat(events.stream(DepartmentChanged.class)).containsExactly(new DepartmentChanged(id));
        assertThat(signedIn.as("admin", () -> departments.history(id))).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("admin");
            assertThat(entry.action()).isEqualTo(AdministrativeAction.DEPARTMENT_CREATED);
            assertThat(entry.description()).contains("海川市市场监督管理局食品安全科", "11377000HC9000012C");
        });
    }

    @Test
    void renamingIsAnnouncedAndLoggedWithOldAndNewName() {
        UUID id = create(details("海川市档案馆", "11377000HC90000207", null));
        events.clear();

        signedIn.as("admin", () -> departments.update(id, new DepartmentDetails("海川市档案和方志馆", "市档案馆", "Haichuan Archives",
                "11377000HC90000207", "377000", null, "海川市人民路 1 号", "0535-66100123", "工作日 9:00–17:00")));

        assertThat(events.stream(DepartmentChanged.class)).containsExactly(new DepartmentChanged(id));
        assertThat(signedIn.as("admin", () -> departments.history(id)).getFirst()).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AdministrativeAction.DEPARTMENT_CHANGED);
            assertThat(entry.description()).contains("名称：海川市档案馆 → 海川市档案和方志馆", "英文名称：（空） → Haichuan Archives")
                    .doesNotContain("地址");
        });
    }

    @Test
    void aNewPhoneNumberIsLoggedButNotAnnounced() {
        UUID id = create(details("海川市地方志办公室", "11377000HC90000394", null));
        events.clear();

        signedIn.as("admin", () -> departments.update(id, new DepartmentDetails("海川市地方志办公室", "市地方志办公室", null,
                "11377000HC90000394", "377000", null, "海川市人民路 1 号", "0535-66100999", "工作日 9:00–17:00")));

        assertThat(events.stream(DepartmentChanged.class)).isEmpty();
        assertThat(signedIn.as("admin", () -> departments.history(id)).getFirst().description())
                .isEqualTo("电话：0535-66100123 → 0535-66100999");
    }

    @Test
    void aBadCreditCodeIsRefused() {
        assertRefused(details("海川市错码局", "11377000HC90000395", null), "creditCode", "credit-code.check-character");
    }

    @Test
    void aCreditCodeBelongsToOneDepartment() {
        assertRefused(details("海川市重复局", MARKET_REGULATION, null), "creditCode", "department.credit-code.taken");
    }

    @Test
    void aDepartmentKeepsItsCreditCode() {
        UUID id = create(details("海川市编码局", "11377000HC90000987", null));
        assertThatThrownBy(() -> signedIn.as("admin", () -> departments.update(id,
                details("海川市编码局", "11377000HC9000047Y", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("creditCode", "department.credit-code.fixed")));
        assertThat(departments.byId(id).orElseThrow().creditCode()).isEqualTo("11377000HC90000987");
    }

    @Test
    void aBadRegionCodeIsRefused() {
        assertRefused(new DepartmentDetails("海川市区划局", "市区划局", null, "11377000HC9000047Y", "997000", null, null,
                null, null), "regionCode", "region-code.province");
    }

    @Test
    void anUnknownParentIsRefused() {
        assertRefused(details("海川市无上级局", "11377000HC9000047Y", UUID.randomUUID()), "parentId", "department.unknown");
    }

    @Test
    void aNameWithMarkupIsRefused() {
        assertRefused(new DepartmentDetails("海川市<script>alert(1)</script>局", "市脚本局", null, "11377000HC9000047Y",
                "377000", null, null, null, null), "name", "markup");
    }

    @Test
    void aNameIsRequired() {
        assertRefused(new DepartmentDetails(" ", "市无名局", null, "11377000HC9000047Y", "377000", null, null, null,
                null), "name", "required");
    }

    @Test
    void aDepartmentCannotBeItsOwnAncestor() {
        UUID top = create(details("海川市循环局", "11377000HC9000055R", null));
        UUID middle = create(details("海川市循环局一科", "11377000HC9000063L", top));
        UUID bottom = create(details("海川市循环局一科一组", "11377000HC9000071F", middle));

        for (UUID parent : new UUID[]{bottom, top}) {
            assertThatThrownBy(() -> signedIn.as("admin", () -> departments.update(top,
                    details("海川市循环局", "11377000HC9000055R", parent))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field, Violation::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("parentId", "department.parent.cycle")));
        }
        assertThat(departments.byId(top).orElseThrow().parentId()).isNull();
    }

    @Test
    void onlyPlatformAdministratorsMaintainDepartments() {
        assertThatThrownBy(() -> signedIn.as("catalog", () -> departments.create(
                details("海川市越权局", "11377000HC900008X7", null))))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(departments.byCreditCode("11377000HC900008X7")).isEmpty();
    }

    @Test
    void serviceCentresAreValidatedAndTheirChangesLogged() {
        long before = jdbc.sql("SELECT count(*) FROM identity_service_centre").query(Long.class).single();
        assertThatThrownBy(() -> signedIn.as("admin", () -> departments.createCentre(
                new ServiceCentre("hc test", "", "3770", null, "not a phone", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("code", "name", "regionCode", "phone"));
        assertThat(jdbc.sql("SELECT count(*) FROM identity_service_centre").query(Long.class).single())
                .isEqualTo(before);

        String code = signedIn.as("admin", () -> departments.createCentre(
                new ServiceCentre("hc-test-east", "海川市东区便民服务中心", "377002", "东区一路 8 号", null, null)));
        assertThat(code).isEqualTo("HC-TEST-EAST");
        assertThatThrownBy(() -> signedIn.as("admin", () -> departments.createCentre(
                new ServiceCentre("HC-TEST-EAST", "重复的中心", "377002", null, null, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly("service-centre.code.taken"));
        signedIn.as("admin", () -> departments.updateCentre(new ServiceCentre("HC-TEST-EAST", "海川市东区便民服务中心",
                "377002", "东区一路 8 号", "0535-66100888", "工作日 9:00–17:00")));

        assertThat(signedIn.as("admin", () -> departments.centreHistory("HC-TEST-EAST")))
                .extracting(AdministrationLogEntry::action)
                .containsExactly(AdministrativeAction.SERVICE_CENTRE_CHANGED, AdministrativeAction.SERVICE_CENTRE_CREATED);
        assertThat(departments.serviceCentre("HC-TEST-EAST").orElseThrow().phone()).isEqualTo("0535-66100888");
    }
}
