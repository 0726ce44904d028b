package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.AccountPrincipal;
import org.tongban.identity.Role;
import org.tongban.shared.NotFound;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Who may see and act on which case: the applicant their own; the counter (综合窗口) every case, since any centre
 * accepts for every department (收受分离); reviewers and heads the cases of their own department; supervisors read
 * all. Everything else is answered "not found", so nobody learns which numbers exist, and is logged in a
 * transaction of its own, so the log survives the refused request's rollback.
 */
@Component
class CaseAccess {

    private static final Logger log = LoggerFactory.getLogger(CaseAccess.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    CaseAccess(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    boolean maySee(AccountPrincipal who, Case c) {
        return who.accountId().equals(c.applicant().accountId()) || who.has(Role.WINDOW_CLERK)
                || who.has(Role.SUPERVISOR) || handlesFor(who, c);
    }

    boolean handlesFor(AccountPrincipal who, Case c) {
        return (who.has(Role.DEPARTMENT_REVIEWER) || who.has(Role.DEPARTMENT_HEAD))
                && c.terms().handlingDepartmentId().equals(who.departmentId());
    }

    /** The refusal to throw (404, as for a number that does not exist), logged. */
    NotFound refuse(AccountPrincipal who, @Nullable CaseNumber number, String action, String reason) {
        record(who.accountId(), number, action, reason);
        return new NotFound("没有找到这个办件，或您无权查看");
    }

    void record(@Nullable UUID account, @Nullable CaseNumber number, String action, String reason) {
        log.warn("Refused {} on case {} for account {}: {}", action, number, account, reason);
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                        "INSERT INTO cases_refused_access (case_number, account_id, action, reason, at) VALUES (?, ?, ?, ?, ?)")
                .params(number == null ? null : number.value(), account, action, reason, Timestamp.from(clock.instant()))
                .update());
    }

    /** How many refusals of one kind were logged for a case number since a moment. */
    long refusals(CaseNumber number, String action, java.time.Instant since) {
        return jdbc.sql("SELECT count(*) FROM cases_refused_access WHERE case_number = ? AND action = ? AND at > ?")
                .params(number.value(), action, Timestamp.from(since)).query(Long.class).single();
    }

    /** How many refusals were logged for a case number. */
    long refusals(CaseNumber number) {
        return jdbc.sql("SELECT count(*) FROM cases_refused_access WHERE case_number = ?").param(number.value())
                .query(Long.class).single();
    }
}
