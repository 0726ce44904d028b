package org.tongban.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The administration log (管理日志): written in the transaction of the change it records. */
@Repository
class AdministrationLog {

    private static final RowMapper<AdministrationLogEntry> MAPPER = (rs, n) -> new AdministrationLogEntry(
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
            AdministrativeAction.valueOf(rs.getString("action")), rs.getString("description"));

    private final JdbcClient jdbc;

    AdministrationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void account(UUID accountId, String actor, AdministrativeAction action, String description, Instant at) {
        insert(accountId, null, null, actor, action, description, at);
    }

    void department(UUID departmentId, String actor, AdministrativeAction action, String description, Instant at) {
        insert(null, departmentId, null, actor, action, description, at);
    }

    void serviceCentre(String code, String actor, AdministrativeAction action, String description, Instant at) {
        insert(null, null, code, actor, action, description, at);
    }

    private void insert(@Nullable UUID accountId, @Nullable UUID departmentId, @Nullable String centreCode,
                        String actor, AdministrativeAction action, String description, Instant at) {
        jdbc.sql("""
                INSERT INTO identity_administration_log (actor, action, account_id, department_id,
                    service_centre_code, description, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(actor, action.name(), accountId, departmentId, centreCode, description, Timestamp.from(at))
                .update();
    }

    List<AdministrationLogEntry> forAccount(UUID accountId) {
        return jdbc.sql("SELECT * FROM identity_administration_log WHERE account_id = ? ORDER BY id DESC")
                .param(accountId).query(MAPPER).list();
    }

    List<AdministrationLogEntry> forDepartment(UUID departmentId) {
        return jdbc.sql("SELECT * FROM identity_administration_log WHERE department_id = ? ORDER BY id DESC")
                .param(departmentId).query(MAPPER).list();
    }

    List<AdministrationLogEntry> forServiceCentre(String code) {
        return jdbc.sql("SELECT * FROM identity_administration_log WHERE service_centre_code = ? ORDER BY id DESC")
                .param(code).query(MAPPER).list();
    }
}
