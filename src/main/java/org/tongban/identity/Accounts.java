package org.tongban.identity;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Repository
class Accounts {

    private static final RowMapper<Account> MAPPER = (rs, n) -> new Account(rs.getObject("id", UUID.class), AccountKind.valueOf(rs.getString("kind")),
                rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                rs.getString("mobile"), rs.getBytes("id_number_cipher"), rs.getString("id_number_hash"),
                rs.getString("id_number_masked"), rs.getString("credit_code"), rs.getString("legal_representative"),
                rs.getObject("department_id", UUID.class), roles(rs.getArray("roles")), rs.getBoolean("enabled"),
                RealNameLevel.valueOf(rs.getString("real_name_level")));

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    void insert(Account a, Instant now) {
        jdbc.sql("""
                INSERT INTO identity_account (id, kind, username, display_name, password_hash, mobile,
                    id_number_cipher, id_number_hash, id_number_masked, credit_code, legal_representative,
                    department_id, roles, enabled, real_name_level, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?)""")
                .params(a.id(), a.kind().name(), a.username(), a.displayName(), a.passwordHash(), a.mobile(),
                        a.idNumberCipher(), a.idNumberHash(), a.idNumberMasked(), a.creditCode(),
                        a.legalRepresentative(), a.departmentId(),
                        a.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")), a.enabled(),
                        a.realNameLevel().name(), Timestamp.from(now))
                .update();
    }

    /** Finds an account by user name, mobile or credit code; {@link SignInIdentifiers} adds the ID number. */
    Optional<Account> findByLogin(String login) {
        return jdbc.sql("SELECT * FROM identity_account WHERE username = :v OR mobile = :v OR credit_code = :v")
                .param("v", login).query(MAPPER).optional();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM identity_account WHERE username = ?").param(username).query(MAPPER).optional();
    }

    Optional<Account> findByIdNumberHash(String hash) {
        return jdbc.sql("SELECT * FROM identity_account WHERE id_number_hash = ?").param(hash).query(MAPPER).optional();
    }

    Optional<Account> findByMobile(String mobile) {
        return jdbc.sql("SELECT * FROM identity_account WHERE mobile = ?").param(mobile).query(MAPPER).optional();
    }

    Optional<Account> findByCreditCode(String creditCode) {
        return jdbc.sql("SELECT * FROM identity_account WHERE credit_code = ?").param(creditCode).query(MAPPER)
                .optional();
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("SELECT * FROM identity_account WHERE id = ?").param(id).query(MAPPER).optional();
    }

    /** Whether an enabled account holds the role: the platform has, for example, an administrator. */
    boolean anyEnabledWithRole(Role role) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_account WHERE ? = ANY (roles) AND enabled)")
                .param(role.name()).query(Boolean.class).single();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    boolean mobileTaken(String mobile) {
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE mobile = ?").param(mobile)
                .query(Long.class).single() > 0;
    }

    boolean creditCodeTaken(String creditCode) {
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE credit_code = ?").param(creditCode)
                .query(Long.class).single() > 0;
    }

    List<Account> findAll() {
        return jdbc.sql("SELECT * FROM identity_account ORDER BY kind DESC, username").query(MAPPER).list();
    }

    void logPersonalDataAccess(String accessedBy, UUID subject, String dataItem, String purpose, Instant at) {
        jdbc.sql("""
                INSERT INTO identity_personal_data_access (accessed_by, subject_account_id, data_item, purpose,
                    accessed_at) VALUES (?, ?, ?, ?, ?)""")
                .params(accessedBy, subject, dataItem, purpose, Timestamp.from(at)).update();
    }

    List<PersonalDataAccess> accessLog(UUID subject) {
        return jdbc.sql("""
                SELECT accessed_by, data_item, purpose, accessed_at FROM identity_personal_data_access
                WHERE subject_account_id = ? ORDER BY accessed_at DESC""").param(subject)
                .query((rs, n) -> new PersonalDataAccess(rs.getString("accessed_by"), rs.getString("data_item"),
                        rs.getString("purpose"), rs.getTimestamp("accessed_at").toInstant()))
                .list();
    }

    void updateRoles(UUID id, Set<Role> roles) {
        jdbc.sql("UPDATE identity_account SET roles = string_to_array(?, ',') WHERE id = ?")
                .params(roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")), id).update();
    }

    void updateDepartment(UUID id, @org.jspecify.annotations.Nullable UUID departmentId) {
        jdbc.sql("UPDATE identity_account SET department_id = ? WHERE id = ?").params(departmentId, id).update();
    }

    void updateEnabled(UUID id, boolean enabled) {
        jdbc.sql("UPDATE identity_account SET enabled = ? WHERE id = ?").params(enabled, id).update();
    }

    void updateRealNameLevel(UUID id, RealNameLevel level) {
        jdbc.sql("UPDATE identity_account SET real_name_level = ? WHERE id = ?").params(level.name(), id).update();
    }

    /** Tokens issued before {@code from} are no longer accepted ({@link ApiTokens}). */
    void endTokens(String username, Instant from) {
        jdbc.sql("UPDATE identity_account SET tokens_valid_from = ? WHERE username = ?")
                .params(Timestamp.from(from), username).update();
    }

    /** What a bearer token's account is now: the account, and since when its tokens are good. */
    Optional<TokenHolder> tokenHolder(UUID id) {
        return jdbc.sql("SELECT * FROM identity_account WHERE id = ?").param(id)
                .query((rs, n) -> new TokenHolder(MAPPER.mapRow(rs, n), rs.getTimestamp("tokens_valid_from") == null
                        ? null : rs.getTimestamp("tokens_valid_from").toInstant()))
                .optional();
    }

    record TokenHolder(Account account, @org.jspecify.annotations.Nullable Instant tokensValidFrom) {
    }

    void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("UPDATE identity_account SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
    }

    /** Staff accounts per department, for departments that have any. */
    java.util.Map<UUID, Long> staffCountByDepartment() {
        java.util.Map<UUID, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT department_id, count(*) AS staff FROM identity_account
                WHERE kind = 'STAFF' AND department_id IS NOT NULL GROUP BY department_id""")
                .query(rs -> {
                    counts.put(rs.getObject("department_id", UUID.class), rs.getLong("staff"));
                });
        return counts;
    }
}
