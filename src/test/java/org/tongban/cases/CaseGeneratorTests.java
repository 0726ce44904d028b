package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.calendar.CalendarManagement;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.TestItems;
import org.tongban.identity.BenchAccounts;
import org.tongban.identity.Role;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small run of {@link CaseGenerator} into a database of its own on the test cluster (the shared one must not get
 * cases that desks and the deadline watch would see): the rows it writes are what {@link Cases} would write, down to
 * the query columns a save sets besides the state.
 */
@TongbanTest
class CaseGeneratorTests {

    @Autowired DataSource testDatabase;
    @Autowired JsonMapper json;
    @Autowired Cases cases;
    @Autowired CaseManagement management;
    @Autowired CalendarManagement calendars;
    @Autowired CasesProperties properties;

    private HikariDataSource newDatabase(String name) {
        HikariDataSource test = (HikariDataSource) testDatabase;
        JdbcClient.create(testDatabase).sql("DROP DATABASE IF EXISTS " + name).update();
        JdbcClient.create(testDatabase).sql("CREATE DATABASE " + name).update();
        HikariDataSource db = new HikariDataSource();
        db.setJdbcUrl(test.getJdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1"));
        db.setUsername(test.getUsername());
        db.setPassword(test.getPassword());
        db.setMaximumPoolSize(2);
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        return db;
    }

    /** An item whose application form may be replaced by a commitment (告知承诺), with its three steps. */
    private CaseGenerator.Item committable(UUID department) {
        ItemContent base = TestItems.valid("生成测试许可", "7990");
        ItemContent content = TestItems.with(base, "materials", List.of(
                TestItems.with(base.materials().get(0), "commitmentAllowed", true), base.materials().get(1)));
        return new CaseGenerator.Item(content.implementationCode(), 1, CaseTermsFromItem.of(content, department), content, 1);
    }

    @Test
    void generatedCasesApprovedOnACommitmentCarryItsCheckInTheColumnAsCasesWritesIt() throws Exception {
        UUID department = UUID.randomUUID();
        List<BenchAccounts.Applicant> applicants = List.of(
                new BenchAccounts.Applicant(UUID.randomUUID(), true, "91377002HC1GEN0001", "海川生成示例有限公司",
                        "91377002HC1****001", "0001"),
                new BenchAccounts.Applicant(UUID.randomUUID(), true, "91377002HC1GEN0002", "海川生成示例二有限公司",
                        "91377002HC1****002", "0002"));
        CaseGenerator.Staff staff = new CaseGenerator.Staff(
                List.of(new Actor(UUID.randomUUID(), "窗口 生成", Role.WINDOW_CLERK, null)),
                Map.of(department, List.of(new Actor(UUID.randomUUID(), "审查 生成", Role.DEPARTMENT_REVIEWER, department))),
                Map.of(department, List.of(new Actor(UUID.randomUUID(), "负责人 生成", Role.DEPARTMENT_HEAD, department))));
        Instant now = OffsetDateTime.parse("2026-11-20T16:00:00+08:00").toInstant();
        try (HikariDataSource db = newDatabase("generator_check")) {
            CaseGenerator generator = new CaseGenerator(db, json, cases, management.caseClock(), calendars.calendar(),
                    properties.regionCode(), now, List.of(committable(department)), applicants, staff,
                    properties.dueSoonWorkingDays(), 20261120L);
            CaseGenerator.Written written = generator.generate(600, Duration.ofMinutes(2), 1);
            assertThat(written.cases()).isEqualTo(600);
            assertThat(written.failures()).as(generator.failureSamples().toString()).isZero();

            record Row(String state, @Nullable String column) {
            }
            List<Row> rows = JdbcClient.create(db).sql("SELECT state::text, commitment_check FROM cases_case")
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).list();
            Map<String, Integer> columns = new HashMap<>();
            for (Row row : rows) {
                CommitmentCheck check = json.readValue(row.state(), CaseSnapshot.class).commitmentCheck();
                assertThat(row.column()).isEqualTo(check == null ? null : check.state());
                columns.merge(String.valueOf(row.column()), 1, Integer::sum);
            }
            // Recent approvals on a commitment wait for their check, older ones have been checked.
            assertThat(columns).containsKeys("PENDING", "TRUE");
            assertThat(columns.get("PENDING")).isGreaterThan(5);
            assertThat(columns.get("TRUE")).isGreaterThan(columns.get("PENDING"));
            // The department's 承诺待核查 list reads the column: it finds the pending ones.
            assertThat(JdbcClient.create(db).sql("SELECT count(*) FROM cases_case WHERE department_id = ? "
                    + "AND commitment_check = 'PENDING'").param(department).query(Integer.class).single())
                    .isEqualTo(columns.get("PENDING"));
        }
        finally {
            JdbcClient.create(testDatabase).sql("DROP DATABASE IF EXISTS generator_check").update();
        }
    }
}
