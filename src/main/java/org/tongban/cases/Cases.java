package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The cases: one row each, the aggregate as JSON beside the columns that lists and deadlines query. A save checks
 * the version read, so two clerks acting on one case at once cannot both win: the second is told it changed.
 */
@Repository
class Cases {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Cases(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The next number in the case-number sequence: never handed out twice, gaps allowed. */
    long nextSequence() {
        return jdbc.sql("SELECT nextval('cases_number_seq')").query(Long.class).single();
    }

    /** A new case, with the head of its audit chain ({@link CaseAudit#start}), whose entries follow it. */
    void insert(Case c, Instant now, CaseAudit.Head auditHead) {
        jdbc.sql("""
                INSERT INTO cases_case (id, number, item_code, item_version, item_name, department_id,
                    accepting_centre, applicant_id, applicant_name, status, step, step_role, step_name, assignee_id,
                    received_on, acceptance_due, promised_due, statutory_due, due, submitted_at, updated_at,
                    mobile_tail, commitment_check, commitment_check_due, audit_seq, audit_head, state, version)
                VALUES (:id, :number, :itemCode, :itemVersion, :itemName, :department, :centre, :applicant,
                    :applicantName, :status, :step, :stepRole, :stepName, :assignee, :receivedOn, :acceptanceDue, :promisedDue,
                    :statutoryDue, :due, :submittedAt, :now, :mobileTail, :commitmentCheck, :commitmentCheckDue, :auditSeq,
                    :auditHead, CAST(:state AS jsonb), 1)""")
                .params(insertParameters(c, now)).param("auditSeq", auditHead.seq()).param("auditHead", auditHead.hash())
                .update();
    }

    /** What {@link #insert} writes, by parameter name; a bulk load of generated cases writes the same values. */
    java.util.Map<String, Object> insertParameters(Case c, Instant now) {
        CaseSnapshot s = c.snapshot();
        java.util.Map<String, Object> p = columns(s, now);
        p.put("itemCode", s.item().itemCode());
        p.put("itemVersion", s.item().versionNo());
        p.put("itemName", s.terms().itemName());
        p.put("department", s.terms().handlingDepartmentId());
        p.put("centre", s.intake().acceptingCentre());
        p.put("applicant", s.applicant().accountId());
        p.put("applicantName", s.applicant().name());
        p.put("receivedOn", Date.valueOf(s.receivedOn()));
        p.put("submittedAt", Timestamp.from(s.submittedAt()));
        p.put("mobileTail", s.applicant().mobileTail());
        return p;
    }

    /** Saves the case if nobody changed it since it was read; otherwise refuses, and the caller's transaction rolls back. */
    void update(Case c, Instant now) {
        CaseSnapshot s = c.snapshot();
        int rows = jdbc.sql("""
                UPDATE cases_case SET status = :status, step = :step, step_role = :stepRole, step_name = :stepName,
                    assignee_id = :assignee,
                    acceptance_due = :acceptanceDue, promised_due = :promisedDue, statutory_due = :statutoryDue,
                    due = :due, updated_at = :now, commitment_check = :commitmentCheck,
                    commitment_check_due = :commitmentCheckDue, state = CAST(:state AS jsonb),
                    version = version + 1
                WHERE id = :id AND version = :version""")
                .params(columns(s, now)).param("version", s.version())
                .update();
        if (rows == 0) {
            throw new CaseTransitionRefused("case.changed-meanwhile",
                    "此案件刚刚被其他人办理过，请刷新后查看最新状态再操作", c.status());
        }
    }

    private java.util.Map<String, Object> columns(CaseSnapshot s, Instant now) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", s.id().value());
        p.put("number", s.number().value());
        p.put("status", s.status().name());
        p.put("step", s.step());
        boolean atStep = (s.status() == CaseStatus.IN_PROGRESS || s.status() == CaseStatus.SUSPENDED)
                && s.step() < s.terms().steps().size();
        p.put("stepRole", atStep ? s.terms().step(s.step()).role().name() : null);
        p.put("stepName", atStep ? s.terms().step(s.step()).name() : null);
        p.put("assignee", s.assignee() == null ? null : s.assignee().accountId());
        p.put("acceptanceDue", date(s.deadlines().acceptanceDue()));
        p.put("promisedDue", date(s.deadlines().promisedDue()));
        p.put("statutoryDue", date(s.deadlines().statutoryDue()));
        p.put("due", date(s.deadlines().earliest()));
        p.put("now", Timestamp.from(now));
        p.put("commitmentCheck", s.commitmentCheck() == null ? null : s.commitmentCheck().state());
        p.put("commitmentCheckDue", s.commitmentCheck() == null ? null : date(s.commitmentCheck().dueOn()));
        p.put("state", json.writeValueAsString(s));
        return p;
    }

    private static @Nullable Date date(@Nullable LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    Optional<Case> find(CaseNumber number) {
        return load("number = ?", number.value());
    }

    Optional<Case> find(CaseId id) {
        return load("id = ?", id.value());
    }

    private Optional<Case> load(String where, Object key) {
        return jdbc.sql("SELECT state, version FROM cases_case WHERE " + where)
                .param(key)
                .query((rs, n) -> {
                    CaseSnapshot s = json.readValue(rs.getString("state"), CaseSnapshot.class);
                    return new Case(withVersion(s, rs.getLong("version")));
                })
                .optional();
    }

    private static CaseSnapshot withVersion(CaseSnapshot s, long version) {
        return new CaseSnapshot(s.id(), s.number(), s.item(), s.terms(), s.applicant(), s.intake(), s.form(),
                s.materials(), s.status(), s.submittedAt(), s.receivedOn(), s.acceptanceClockFrom(), s.acceptedOn(),
                s.deemedAccepted(), s.correction(), s.deferred(), s.step(), s.assignee(), s.pauses(), s.extensions(),
                s.decision(), s.completedOn(), s.revocationReasons(), s.deadlines(), version, s.commitmentCheck());
    }

    /** The case a retried submission already created, and the fingerprint of the request that created it. */
    record Submission(CaseId caseId, String requestHash) {
    }

    /**
     * Claims {@code key} for this applicant's submission; empty when it was free and is now taken for {@code caseId},
     * otherwise the earlier submission. Runs in the submitting transaction, so a rolled-back submission frees it.
     */
    Optional<Submission> claimKey(UUID applicant, String key, String requestHash, CaseId caseId, Instant now) {
        int inserted = jdbc.sql("""
                INSERT INTO cases_submission (applicant_id, idempotency_key, request_hash, case_id, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(applicant, key, requestHash, caseId.value(), Timestamp.from(now))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT case_id, request_hash FROM cases_submission WHERE applicant_id = ? AND idempotency_key = ?")
                .params(applicant, key)
                .query((rs, n) -> new Submission(new CaseId(rs.getObject("case_id", UUID.class)), rs.getString("request_hash")))
                .optional();
    }
}
