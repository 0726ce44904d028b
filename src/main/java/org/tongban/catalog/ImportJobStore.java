package org.tongban.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongban.shared.Violation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The table {@code catalog_import_job}. Every method is one statement; the callers decide the transactions. The
 * writes of a run carry the run's attempt number and change nothing once the job has been claimed again (a run
 * taken for interrupted that still writes is fenced off).
 */
@Repository
class ImportJobStore {

    /** A job claimed by a worker: which run of it this is. */
    record Claim(UUID id, int attempt) {
    }

    /** What the run needs from the job row. */
    record Work(byte[] document, UUID submittedById) {
    }

    /** A RUNNING job that nobody holds: its worker stopped (a restart, a crash) before it finished. */
    record Interrupted(UUID id, int attempts) {
    }

    private static final String COLUMNS = """
            id, state, document_sha256, document_size, submitted_by, submitted_by_name, submitted_at, started_at,
            finished_at, attempts, items_total, items_checked, items_stored, result, errors, error_count, failure,
            failure_detail""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<ImportJob> mapper;

    ImportJobStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = (rs, n) -> new ImportJob(rs.getObject("id", UUID.class),
                ImportJob.State.valueOf(rs.getString("state")), rs.getString("document_sha256"),
                rs.getLong("document_size"), rs.getString("submitted_by"), rs.getString("submitted_by_name"),
                rs.getTimestamp("submitted_at").toInstant(), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getInt("attempts"), rs.getObject("items_total", Integer.class),
                rs.getInt("items_checked"), rs.getInt("items_stored"), report(rs.getString("result")),
                refusals(rs.getString("errors")), rs.getInt("error_count"), rs.getString("failure"),
                rs.getString("failure_detail"));
    }

    void insert(UUID id, byte[] document, String sha256, UUID submittedById, String submittedBy,
                String submittedByName, Instant at) {
        jdbc.sql("""
                        INSERT INTO catalog_import_job (id, state, document, document_sha256, document_size,
                            submitted_by_id, submitted_by, submitted_by_name, submitted_at)
                        VALUES (?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, document, sha256, (long) document.length, submittedById, submittedBy, submittedByName,
                        Timestamp.from(at))
                .update();
    }

    /** A job with this document that is still waiting or running. */
    Optional<UUID> unfinishedWithHash(String sha256) {
        return jdbc.sql("""
                        SELECT id FROM catalog_import_job
                        WHERE document_sha256 = ? AND state IN ('QUEUED', 'RUNNING')
                        ORDER BY submitted_at LIMIT 1""")
                .param(sha256).query(UUID.class).optional();
    }

    Optional<ImportJob> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog_import_job WHERE id = ?").param(id).query(mapper)
                .optional();
    }

    /** The latest jobs, newest first, without their refusals (the list shows how many). */
    List<ImportJob> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS.replace("errors,", "NULL AS errors,")
                        + " FROM catalog_import_job ORDER BY submitted_at DESC, id LIMIT ?")
                .param(limit).query(mapper).list();
    }

    /**
     * Takes the oldest waiting job and marks it RUNNING. The row is locked while it is taken and skipped by every
     * other claim meanwhile ({@code FOR UPDATE SKIP LOCKED}), so that two workers, on one instance or two, never
     * take the same job, and neither waits for the other.
     */
    Optional<Claim> claim(Instant now) {
        return jdbc.sql("""
                        UPDATE catalog_import_job
                        SET state = 'RUNNING', started_at = ?, attempts = attempts + 1,
                            items_total = NULL, items_checked = 0, items_stored = 0
                        WHERE state = 'QUEUED' AND id = (
                            SELECT id FROM catalog_import_job WHERE state = 'QUEUED'
                            ORDER BY submitted_at, id LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                        RETURNING id, attempts""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Claim(rs.getObject("id", UUID.class), rs.getInt("attempts")))
                .optional();
    }

    /**
     * The document of a claimed job, locked {@code FOR KEY SHARE} by the calling transaction (the import's) until
     * it ends. That lock does not stop the progress from being written (an update of other columns) but does stop
     * {@link #interrupted} from taking the job for interrupted while the import runs; when the importing instance
     * dies, PostgreSQL ends its transaction and the lock goes with it. Empty when the run is no longer the job's.
     */
    Optional<Work> lockForRun(Claim claim) {
        return jdbc.sql("""
                        SELECT document, submitted_by_id FROM catalog_import_job
                        WHERE id = ? AND attempts = ? AND state = 'RUNNING'
                        FOR KEY SHARE""")
                .params(claim.id(), claim.attempt())
                .query((rs, n) -> new Work(rs.getBytes("document"), rs.getObject("submitted_by_id", UUID.class)))
                .optional();
    }

    void progress(Claim claim, @Nullable Integer total, int checked, int stored) {
        jdbc.sql("""
                        UPDATE catalog_import_job SET items_total = ?, items_checked = ?, items_stored = ?
                        WHERE id = ? AND attempts = ? AND state = 'RUNNING'""")
                .params(total, checked, stored, claim.id(), claim.attempt()).update();
    }

    boolean succeeded(Claim claim, ImportReport report, int items, Instant at) {
        return jdbc.sql("""
                        UPDATE catalog_import_job
                        SET state = 'SUCCEEDED', result = ?::jsonb, document = NULL, finished_at = ?,
                            items_total = ?, items_checked = ?, items_stored = ?
                        WHERE id = ? AND attempts = ? AND state = 'RUNNING'""")
                .params(json.writeValueAsString(report), Timestamp.from(at), items, items, items, claim.id(),
                        claim.attempt())
                .update() == 1;
    }

    /** Refused for its content: the violations (the first {@code kept}), and how many there were. */
    void refused(Claim claim, List<Violation> violations, int kept, Instant at) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Violation v : violations.subList(0, Math.min(kept, violations.size()))) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("entry", CatalogueTransfer.entryOf(v));
            e.put("field", v.field());
            e.put("code", v.code());
            e.put("message", CatalogueTransfer.withoutEntry(v));
            e.put("arguments", v.arguments().stream()
                    .map(a -> a instanceof Number ? a : String.valueOf(a)).toList());
            errors.add(e);
        }
        jdbc.sql("""
                        UPDATE catalog_import_job
                        SET state = 'FAILED', errors = ?::jsonb, error_count = ?, document = NULL, finished_at = ?
                        WHERE id = ? AND attempts = ? AND state = 'RUNNING'""")
                .params(json.writeValueAsString(errors), violations.size(), Timestamp.from(at), claim.id(),
                        claim.attempt())
                .update();
    }

    /** Stopped for another reason than its content: a message code, and what the log says more. */
    void failed(Claim claim, String failure, @Nullable String detail, Instant at) {
        jdbc.sql("""
                        UPDATE catalog_import_job
                        SET state = 'FAILED', failure = ?, failure_detail = ?, document = NULL, finished_at = ?
                        WHERE id = ? AND attempts = ? AND state = 'RUNNING'""")
                .params(failure, detail, Timestamp.from(at), claim.id(), claim.attempt()).update();
    }

    /**
     * The RUNNING jobs started before {@code startedBefore} that no import transaction holds (see
     * {@link #lockForRun}), locked for the calling transaction; a job whose import still runs is skipped.
     */
    List<Interrupted> interrupted(Instant startedBefore) {
        return jdbc.sql("""
                        SELECT id, attempts FROM catalog_import_job
                        WHERE state = 'RUNNING' AND started_at < ?
                        ORDER BY started_at
                        FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(startedBefore))
                .query((rs, n) -> new Interrupted(rs.getObject("id", UUID.class), rs.getInt("attempts")))
                .list();
    }

    /** An interrupted job waits again; its next run starts from the beginning (nothing of it was stored). */
    void requeue(Interrupted job) {
        jdbc.sql("""
                        UPDATE catalog_import_job
                        SET state = 'QUEUED', started_at = NULL, items_total = NULL, items_checked = 0, items_stored = 0
                        WHERE id = ? AND attempts = ? AND state = 'RUNNING'""")
                .params(job.id(), job.attempts()).update();
    }

    void giveUp(Interrupted job, String failure, Instant at) {
        failed(new Claim(job.id(), job.attempts()), failure, null, at);
    }

    private @Nullable ImportReport report(@Nullable String value) {
        return value == null ? null : json.readValue(value, ImportReport.class);
    }

    private List<ImportJob.Refusal> refusals(@Nullable String value) {
        return value == null ? List.of() : json.readValue(value, new TypeReference<List<ImportJob.Refusal>>() {
        });
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
