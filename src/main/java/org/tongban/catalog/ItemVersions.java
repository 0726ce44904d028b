package org.tongban.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Items and their versions. The content of a version is one JSONB document in the exchange format. */
@Repository
class ItemVersions {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<ItemVersion> mapper;

    ItemVersions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = (rs, n) -> new ItemVersion(rs.getLong("id"), rs.getString("item_code"),
                rs.getInt("version_no"), VersionStatus.valueOf(rs.getString("status")),
                localDate(rs.getDate("effective_from")), json.readValue(rs.getString("content"), ItemContent.class),
                rs.getString("content_hash"), rs.getString("change_note"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("submitted_by"),
                instant(rs.getTimestamp("submitted_at")), rs.getString("reviewed_by"),
                instant(rs.getTimestamp("reviewed_at")), rs.getString("review_comment"), rs.getBoolean("withdrawal"));
    }

    private static @Nullable LocalDate localDate(@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    String toJson(ItemContent content) {
        return json.writeValueAsString(content);
    }

    /** The fingerprint of a content: equal content, equal hash (see {@link #hashOf}). */
    String hash(ItemContent content) {
        return hashOf(content);
    }

    /**
     * Written without the elements a content leaves empty (null, no entries), so that adding an optional element to
     * the format does not change the fingerprint of content that does not use it, and re-importing an unchanged
     * catalogue after an upgrade still changes nothing. Record components serialise in a fixed order, and lists that
     * are sets in substance are kept sorted by {@link ItemContent}.
     */
    static String hashOf(ItemContent content) {
        try {
            byte[] json = HASHING.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final JsonMapper HASHING = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .addMixIn(ItemContent.class, HashedContent.class)
            .addMixIn(ItemContent.Material.class, HashedMaterial.class)
            .build();

    /**
     * Elements added to the format as objects or booleans, which NON_EMPTY would still write when unused (an empty
     * form as {@code {}}, a commitment not allowed as {@code false}): left out of the fingerprint then, like every
     * other unused element, so that the versions stored before them keep their hashes.
     */
    private abstract static class HashedContent {
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Unused.class)
        abstract ApplicationForm applicationForm();

        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Unused.class)
        abstract InstantApproval instantApproval();
    }

    private abstract static class HashedMaterial {
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean commitmentAllowed();
    }

    /** Jackson's value filter: {@code equals} is true for a value to leave out. */
    static final class Unused {
        @Override
        public boolean equals(@Nullable Object value) {
            return value instanceof ApplicationForm form && !form.asks()
                    || value instanceof InstantApproval rule && !rule.offered();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    boolean itemExists(String code) {
        return jdbc.sql("SELECT count(*) FROM catalog_item WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    void insertItem(String code, String basicCode, UUID departmentId, Instant at) {
        jdbc.sql("INSERT INTO catalog_item (code, basic_code, department_id, created_at) VALUES (?, ?, ?, ?)")
                .params(code, basicCode, departmentId, Timestamp.from(at)).update();
    }

    Optional<UUID> departmentOf(String code) {
        return jdbc.sql("SELECT department_id FROM catalog_item WHERE code = ?").param(code).query(UUID.class)
                .optional();
    }

    ItemVersion insert(ItemVersion v) {
        long id = jdbc.sql("""
                INSERT INTO catalog_item_version (item_code, version_no, status, effective_from, name, content,
                    content_hash, change_note, created_by, created_at, submitted_by, submitted_at, reviewed_by,
                    reviewed_at, review_comment, withdrawal)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(v.itemCode(), v.versionNo(), v.status().name(),
                        v.effectiveFrom() == null ? null : Date.valueOf(v.effectiveFrom()), v.content().name(),
                        toJson(v.content()), v.contentHash(), v.changeNote(), v.createdBy(),
                        Timestamp.from(v.createdAt()), v.submittedBy(), timestamp(v.submittedAt()), v.reviewedBy(),
                        timestamp(v.reviewedAt()), v.reviewComment(), v.withdrawal())
                .query(Long.class).single();
        return new ItemVersion(id, v.itemCode(), v.versionNo(), v.status(), v.effectiveFrom(), v.content(),
                v.contentHash(), v.changeNote(), v.createdBy(), v.createdAt(), v.submittedBy(), v.submittedAt(),
                v.reviewedBy(), v.reviewedAt(), v.reviewComment(), v.withdrawal());
    }

    void update(ItemVersion v) {
        jdbc.sql("""
                UPDATE catalog_item_version SET status = ?, effective_from = ?, name = ?, content = ?::jsonb,
                    content_hash = ?, change_note = ?, submitted_by = ?, submitted_at = ?, reviewed_by = ?,
                    reviewed_at = ?, review_comment = ?
                WHERE id = ?""")
                .params(v.status().name(), v.effectiveFrom() == null ? null : Date.valueOf(v.effectiveFrom()),
                        v.content().name(), toJson(v.content()), v.contentHash(), v.changeNote(), v.submittedBy(),
                        timestamp(v.submittedAt()), v.reviewedBy(), timestamp(v.reviewedAt()), v.reviewComment(),
                        v.id())
                .update();
    }

    /**
     * The content hashes an import of this item would not change: the version in force and the latest
     * published one (which may take effect later). Hashes only, so a re-import parses no content.
     */
    List<String> publishedHashes(String code, LocalDate today) {
        return jdbc.sql("""
                (SELECT content_hash FROM catalog_item_version WHERE item_code = :c AND status = 'PUBLISHED'
                   AND effective_from <= :today ORDER BY version_no DESC LIMIT 1)
                UNION
                (SELECT content_hash FROM catalog_item_version WHERE item_code = :c AND status = 'PUBLISHED'
                   ORDER BY version_no DESC LIMIT 1)""")
                .param("c", code).param("today", Date.valueOf(today)).query(String.class).list();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM catalog_item_version WHERE id = ? AND status <> 'PUBLISHED'").param(id).update();
    }

    Optional<ItemVersion> find(String code, int versionNo) {
        return jdbc.sql("SELECT * FROM catalog_item_version WHERE item_code = ? AND version_no = ?")
                .params(code, versionNo).query(mapper).optional();
    }

    List<ItemVersion> history(String code) {
        return jdbc.sql("SELECT * FROM catalog_item_version WHERE item_code = ? ORDER BY version_no DESC")
                .param(code).query(mapper).list();
    }

    Optional<ItemVersion> openVersion(String code) {
        return jdbc.sql("SELECT * FROM catalog_item_version WHERE item_code = ? AND status <> 'PUBLISHED'")
                .param(code).query(mapper).optional();
    }

    int latestVersionNo(String code) {
        return jdbc.sql("SELECT coalesce(max(version_no), 0) FROM catalog_item_version WHERE item_code = ?")
                .param(code).query(Integer.class).single();
    }

    /** The version in force today; none before the first takes effect, and none once a withdrawal has. */
    Optional<ItemVersion> inForce(String code, LocalDate today) {
        return latestEffective(code, today).filter(v -> !v.withdrawal());
    }

    /** The latest published version whose date has come, a withdrawal included. */
    Optional<ItemVersion> latestEffective(String code, LocalDate today) {
        record Row(long id, String contentHash) {
        }
        return jdbc.sql("""
                SELECT id, content_hash FROM catalog_item_version WHERE item_code = ? AND status = 'PUBLISHED'
                    AND effective_from <= ? ORDER BY version_no DESC LIMIT 1""")
                .params(code, Date.valueOf(today)).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
                .optional().flatMap(row -> published(row.id(), row.contentHash()));
    }

    /**
     * Published versions already read and parsed, by id: a published version is never changed (a change is a new
     * version), so a copy is good as long as the row it came from still has its content hash, which the query that
     * found the id read with it. Reading an item in force thus costs one indexed query of two columns, not the whole
     * content parsed again: applying and the guide read it on every request.
     */
    private final Map<Long, ItemVersion> publishedById = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, ItemVersion> eldest) {
                    return size() > PUBLISHED_KEPT;
                }
            });

    static final int PUBLISHED_KEPT = 5_000;

    private Optional<ItemVersion> published(long id, String contentHash) {
        ItemVersion kept = publishedById.get(id);
        if (kept != null && kept.contentHash().equals(contentHash)) {
            return Optional.of(kept);
        }
        Optional<ItemVersion> read = jdbc.sql("SELECT * FROM catalog_item_version WHERE id = ? AND status = 'PUBLISHED'")
                .param(id).query(mapper).optional();
        read.ifPresent(v -> publishedById.put(id, v));
        return read;
    }

    /** Every version in force today, one per item: what the public sees and the search index holds. */
    List<ItemVersion> allInForce(LocalDate today) {
        return jdbc.sql("""
                SELECT * FROM (SELECT DISTINCT ON (item_code) * FROM catalog_item_version
                    WHERE status = 'PUBLISHED' AND effective_from <= ? ORDER BY item_code, version_no DESC) latest
                WHERE NOT withdrawal ORDER BY item_code""")
                .param(Date.valueOf(today)).query(mapper).list();
    }

    /** Codes whose in-force version changes on the given day (a version published earlier takes effect). */
    /** Items with a published version (or withdrawal) taking effect after {@code since}, up to {@code until}. */
    List<String> codesTakingEffectAfter(LocalDate since, LocalDate until) {
        return jdbc.sql("""
                        SELECT DISTINCT item_code FROM catalog_item_version
                        WHERE status = 'PUBLISHED' AND effective_from > ? AND effective_from <= ?""")
                .params(Date.valueOf(since), Date.valueOf(until)).query(String.class).list();
    }

    List<ItemVersion> byStatus(VersionStatus status) {
        return jdbc.sql("SELECT * FROM catalog_item_version WHERE status = ? ORDER BY submitted_at NULLS LAST, id")
                .param(status.name()).query(mapper).list();
    }

    /** The latest version of every item, for the administration list, optionally of one department. */
    List<VersionSummary> latestVersions(@Nullable UUID departmentId, @Nullable String nameContains, int limit,
                                        int offset) {
        return jdbc.sql("""
                SELECT DISTINCT ON (v.item_code) v.item_code, v.version_no, v.status, v.name, v.effective_from,
                    i.department_id, v.created_at, v.withdrawal
                FROM catalog_item_version v JOIN catalog_item i ON i.code = v.item_code
                WHERE (CAST(:dept AS uuid) IS NULL OR i.department_id = CAST(:dept AS uuid))
                  AND (CAST(:q AS text) IS NULL OR v.name LIKE '%' || CAST(:q AS text) || '%' OR v.item_code = CAST(:q AS text))
                ORDER BY v.item_code, v.version_no DESC
                LIMIT :limit OFFSET :offset""")
                .param("dept", departmentId).param("q", nameContains).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new VersionSummary(rs.getString("item_code"), rs.getInt("version_no"),
                        VersionStatus.valueOf(rs.getString("status")), rs.getString("name"),
                        localDate(rs.getDate("effective_from")), rs.getObject("department_id", UUID.class),
                        rs.getBoolean("withdrawal")))
                .list();
    }
}
