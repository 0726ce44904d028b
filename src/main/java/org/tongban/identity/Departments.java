package org.tongban.identity;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class Departments {

    private static final RowMapper<Department> MAPPER = (rs, n) -> new Department(
            rs.getObject("id", UUID.class), rs.getString("credit_code"), rs.getString("name"),
            rs.getString("short_name"), rs.getString("name_en"), rs.getString("region_code"),
            rs.getObject("parent_id", UUID.class), rs.getString("address"), rs.getString("phone"),
            rs.getString("office_hours"));

    private final JdbcClient jdbc;

    Departments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Department> findAll() {
        return jdbc.sql("SELECT * FROM identity_department ORDER BY region_code, credit_code").query(MAPPER).list();
    }

    Optional<Department> findByCreditCode(String creditCode) {
        return jdbc.sql("SELECT * FROM identity_department WHERE credit_code = ?").param(creditCode)
                .query(MAPPER).optional();
    }

    Optional<Department> findById(UUID id) {
        return jdbc.sql("SELECT * FROM identity_department WHERE id = ?").param(id).query(MAPPER).optional();
    }

    void insert(Department d, Instant now) {
        jdbc.sql("""
                INSERT INTO identity_department (id, credit_code, name, short_name, name_en, region_code, parent_id,
                    address, phone, office_hours, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.creditCode(), d.name(), d.shortName(), d.nameEn(), d.regionCode(), d.parentId(),
                        d.address(), d.phone(), d.officeHours(), Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    void update(Department d, Instant now) {
        jdbc.sql("""
                UPDATE identity_department SET credit_code = ?, name = ?, short_name = ?, name_en = ?, region_code = ?,
                    parent_id = ?, address = ?, phone = ?, office_hours = ?, updated_at = ? WHERE id = ?""")
                .params(d.creditCode(), d.name(), d.shortName(), d.nameEn(), d.regionCode(), d.parentId(), d.address(), d.phone(),
                        d.officeHours(), Timestamp.from(now), d.id())
                .update();
    }

    private static final RowMapper<ServiceCentre> CENTRE = (rs, n) -> new ServiceCentre(rs.getString("code"),
            rs.getString("name"), rs.getString("region_code"), rs.getString("address"), rs.getString("phone"),
            rs.getString("opening_hours"));

    List<ServiceCentre> findAllCentres() {
        return jdbc.sql("SELECT * FROM identity_service_centre ORDER BY region_code, code").query(CENTRE).list();
    }

    Optional<ServiceCentre> findCentre(String code) {
        return jdbc.sql("SELECT * FROM identity_service_centre WHERE code = ?").param(code).query(CENTRE).optional();
    }

    /** @return true when the centre was new or changed */
    boolean upsertCentre(ServiceCentre c) {
        return jdbc.sql("""
                INSERT INTO identity_service_centre (code, name, region_code, address, phone, opening_hours)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
                    address = EXCLUDED.address, phone = EXCLUDED.phone, opening_hours = EXCLUDED.opening_hours
                WHERE (identity_service_centre.name, identity_service_centre.region_code,
                       identity_service_centre.address, identity_service_centre.phone,
                       identity_service_centre.opening_hours)
                      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.region_code, EXCLUDED.address, EXCLUDED.phone,
                       EXCLUDED.opening_hours)""")
                .params(c.code(), c.name(), c.regionCode(), c.address(), c.phone(), c.openingHours())
                .update() > 0;
    }
}
