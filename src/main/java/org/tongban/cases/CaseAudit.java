package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The audit of a case (办件过程记录): one row per event, written in the transaction of the transition, so no
 * transition lacks its entry. Each row carries the hash of the one before it and its own over every field; a
 * trigger refuses UPDATE and DELETE, and {@link #verify} finds a row altered or removed behind the trigger's back.
 */
@Repository
class CaseAudit {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final JsonMapper json;

    CaseAudit(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** One recorded entry, as staff with the right role read it. */
    record Entry(int seq, String event, UUID actorId, String actorName, @Nullable String actorRole,
                 Instant occurredAt, Instant recordedAt, String fromStatus, String toStatus, @Nullable String opinion,
                 String deadlinesBefore, String deadlinesAfter, String payload, String previousHash, String hash) {

        String computedHash() {
            return sha256(String.join("\u001f", previousHash, Integer.toString(seq), event, actorId.toString(),
                    actorName, String.valueOf(actorRole), occurredAt.toString(), recordedAt.toString(), fromStatus,
                    toStatus, String.valueOf(opinion), deadlinesBefore, deadlinesAfter, payload));
        }
    }

    /** Appends the changes of one transition; the case row is locked by its update, so the chain has one writer. */
    void append(CaseId caseId, List<CaseChange> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        Head last = jdbc.sql("SELECT seq, hash FROM cases_entry WHERE case_id = ? ORDER BY seq DESC LIMIT 1")
                .param(caseId.value())
                .query((rs, n) -> new Head(rs.getInt("seq"), rs.getString("hash")))
                .optional().orElse(Head.EMPTY);
        Chain chain = chain(last, changes, now);
        write(caseId, chain);
        jdbc.sql("UPDATE cases_case SET audit_seq = ?, audit_head = ? WHERE id = ?")
                .params(chain.head().seq(), chain.head().hash(), caseId.value()).update();
    }

    /**
     * The chain of a new case, from the genesis hash: {@link Cases#insert} writes its head with the case row, then
     * {@link #write} its entries, so a submission neither reads the chain nor updates the row a second time.
     */
    Chain start(List<CaseChange> changes, Instant now) {
        return chain(Head.EMPTY, changes, now);
    }

    /** The last entry of a chain: its number and hash (the genesis hash before the first). */
    record Head(int seq, String hash) {
        static final Head EMPTY = new Head(0, GENESIS);
    }

    /** Entries hashed onto {@code last}, and the head they leave. */
    record Chain(List<Entry> entries, Head head) {
    }

    private Chain chain(Head last, List<CaseChange> changes, Instant now) {
        int seq = last.seq();
        String previous = last.hash();
        Instant recorded = now.truncatedTo(ChronoUnit.MICROS);
        List<Entry> entries = new java.util.ArrayList<>(changes.size());
        for (CaseChange c : changes) {
            CaseEvent e = c.event();
            Entry entry = new Entry(++seq, e.getClass().getSimpleName(), e.by().accountId(), e.by().name(),
                    e.by().role() == null ? null : e.by().role().name(), e.at().truncatedTo(ChronoUnit.MICROS),
                    recorded, c.from().name(), c.to().name(), c.opinion(), json.writeValueAsString(c.before()),
                    json.writeValueAsString(c.after()), json.writeValueAsString(e), previous, "");
            String hash = entry.computedHash();
            entries.add(new Entry(entry.seq(), entry.event(), entry.actorId(), entry.actorName(), entry.actorRole(),
                    entry.occurredAt(), entry.recordedAt(), entry.fromStatus(), entry.toStatus(), entry.opinion(),
                    entry.deadlinesBefore(), entry.deadlinesAfter(), entry.payload(), previous, hash));
            previous = hash;
        }
        return new Chain(List.copyOf(entries), new Head(seq, previous));
    }

    /** Inserts the chain's entries in one batch. */
    void write(CaseId caseId, Chain chain) {
        if (chain.entries().isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO cases_entry (case_id, seq, event, actor_id, actor_name, actor_role, occurred_at,
                    recorded_at, from_status, to_status, opinion, deadlines_before, deadlines_after, payload,
                    previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", chain.entries().stream()
                .map(e -> new Object[] {caseId.value(), e.seq(), e.event(), e.actorId(), e.actorName(), e.actorRole(),
                        Timestamp.from(e.occurredAt()), Timestamp.from(e.recordedAt()), e.fromStatus(), e.toStatus(),
                        e.opinion(), e.deadlinesBefore(), e.deadlinesAfter(), e.payload(), e.previousHash(), e.hash()})
                .toList());
    }

    List<Entry> entries(CaseId caseId) {
        return jdbc.sql("SELECT * FROM cases_entry WHERE case_id = ? ORDER BY seq")
                .param(caseId.value())
                .query((rs, n) -> new Entry(rs.getInt("seq"), rs.getString("event"),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("actor_role"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("opinion"),
                        rs.getString("deadlines_before"), rs.getString("deadlines_after"), rs.getString("payload"),
                        rs.getString("previous_hash"), rs.getString("hash")))
                .list();
    }

    /** What checking the chain found: intact, or the first entry whose hash or link does not hold. */
    record Verification(boolean intact, int entries, @Nullable Integer firstBrokenSeq) {
    }

    Verification verify(CaseId caseId) {
        List<Entry> entries = entries(caseId);
        Head head = jdbc.sql("SELECT audit_seq, audit_head FROM cases_case WHERE id = ?").param(caseId.value())
                .query((rs, n) -> new Head(rs.getInt(1), rs.getString(2))).single();
        String previous = GENESIS;
        int expectedSeq = 1;
        for (Entry e : entries) {
            if (e.seq() != expectedSeq || !e.previousHash().equals(previous) || !e.computedHash().equals(e.hash())) {
                return new Verification(false, entries.size(), expectedSeq);
            }
            previous = e.hash();
            expectedSeq++;
        }
        if (head.seq() != entries.size() || !head.hash().equals(previous)) {
            return new Verification(false, entries.size(), expectedSeq);
        }
        return new Verification(true, entries.size(), null);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
