package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongban.shared.Paging;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The lists of cases: an applicant's own, and staff inboxes. They read the case row's columns through partial
 * indexes on open cases, fetch one row more than the page to know whether another page follows, and never count
 * the whole list.
 */
@Repository
class CaseLists {

    /** The statuses of an open case, as SQL: those the inboxes and the deadline recount read. */
    static final String OPEN = "('SUBMITTED', 'AWAITING_CORRECTION', 'IN_PROGRESS', 'SUSPENDED', 'APPROVED')";
    private static final String COLUMNS = """
            number, item_code, item_name, status, step_name, step_role, assignee_id, applicant_name, received_on,
            acceptance_due, promised_due, statutory_due, due, submitted_at, commitment_check_due""";

    private static final RowMapper<CaseSummary> SUMMARY = (rs, n) -> new CaseSummary(
            new CaseNumber(rs.getString("number")), rs.getString("item_code"), rs.getString("item_name"),
            CaseStatus.valueOf(rs.getString("status")), rs.getString("step_name"), rs.getString("step_role"),
            rs.getObject("assignee_id", UUID.class), rs.getString("applicant_name"),
            rs.getDate("received_on").toLocalDate(), date(rs.getDate("acceptance_due")),
            date(rs.getDate("promised_due")), date(rs.getDate("statutory_due")), date(rs.getDate("due")),
            rs.getTimestamp("submitted_at").toInstant(), date(rs.getDate("commitment_check_due")));

    private final JdbcClient jdbc;

    CaseLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static @Nullable LocalDate date(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }

    /** A list's SQL and its parameters, apart from running it, so that a benchmark can explain the very query. */
    record Query(String sql, List<Object> params) {
    }

    Inbox.Page mine(UUID applicant, Paging paging) {
        return run(mineQuery(applicant, paging), paging);
    }

    Query mineQuery(UUID applicant, Paging paging) {
        return new Query("SELECT " + COLUMNS + " FROM cases_case WHERE applicant_id = ? "
                + "ORDER BY submitted_at DESC, id LIMIT ? OFFSET ?", List.of(applicant, paging.size() + 1, paging.offset()));
    }

    /**
     * A department's open cases, or with {@code department} null the counter's: every application awaiting
     * acceptance and every approved case awaiting hand-over, whichever department handles it.
     */
    Inbox.Page inbox(@Nullable UUID department, Inbox query, UUID asker, @Nullable String askerRole,
                     LocalDate today, LocalDate dueSoonUntil, Paging paging) {
        return run(inboxQuery(department, query, asker, askerRole, today, dueSoonUntil, paging), paging);
    }

    Query inboxQuery(@Nullable UUID department, Inbox query, UUID asker, @Nullable String askerRole,
                     LocalDate today, LocalDate dueSoonUntil, Paging paging) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (query.view() == Inbox.View.COMMITMENTS) {
            // Closed cases: the department's (nothing at the counter), by the partial index on pending checks.
            where.append("commitment_check = 'PENDING' AND department_id = ?");
            params.add(department);
        }
        else if (department == null) {
            where.append("status IN ('SUBMITTED', 'APPROVED')");
        }
        else {
            where.append("department_id = ? AND status IN ").append(OPEN);
            params.add(department);
        }
        switch (query.view()) {
            case ALL -> { }
            case DUE_SOON -> {
                where.append(" AND due >= ? AND due <= ?");
                params.add(Date.valueOf(today));
                params.add(Date.valueOf(dueSoonUntil));
            }
            case OVERDUE -> {
                where.append(" AND due < ?");
                params.add(Date.valueOf(today));
            }
            case MINE -> {
                where.append(" AND assignee_id = ?");
                params.add(asker);
            }
            case COMMITMENTS -> { }
            case UNASSIGNED -> {
                where.append(" AND assignee_id IS NULL AND step_role = ?");
                params.add(askerRole);
            }
        }
        if (query.itemCode() != null) {
            where.append(" AND item_code = ?");
            params.add(query.itemCode());
        }
        params.add(paging.size() + 1);
        params.add(paging.offset());
        // The checks by their own due date, undated ones (pending before checks had one) first as the oldest.
        String order = query.view() == Inbox.View.COMMITMENTS ? "commitment_check_due NULLS FIRST, id" : "due NULLS LAST, id";
        return new Query("SELECT " + COLUMNS + " FROM cases_case WHERE " + where
                + " ORDER BY " + order + " LIMIT ? OFFSET ?", params);
    }

    private Inbox.Page run(Query query, Paging paging) {
        return page(jdbc.sql(query.sql()).params(query.params()).query(SUMMARY).list(), paging);
    }

    private static Inbox.Page page(List<CaseSummary> rows, Paging paging) {
        boolean more = rows.size() > paging.size();
        return new Inbox.Page(more ? rows.subList(0, paging.size()) : rows, paging.page(), paging.size(), more);
    }
}
