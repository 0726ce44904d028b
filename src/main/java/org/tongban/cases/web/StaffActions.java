package org.tongban.cases.web;

import org.tongban.cases.Case;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.Decision;
import org.tongban.cases.DeferredMaterial;
import org.tongban.cases.SubmittedMaterial;
import org.tongban.identity.AccountPrincipal;
import org.tongban.identity.Role;

/**
 * Which acts the case page offers the signed-in member of staff: those the case's state, its item's terms and the
 * person's role and department allow. Only an offer: {@code CaseManagement} and {@code Case} decide again.
 */
record StaffActions(boolean accept, boolean claim, boolean completeStep, boolean returnToStep, boolean suspend,
                    boolean resume, boolean extend, boolean receiveDeferred, boolean decide, boolean complete,
                    boolean revoke, boolean checkCommitment) {

    static StaffActions of(Case c, AccountPrincipal who) {
        boolean department = c.terms().handlingDepartmentId().equals(who.departmentId())
                && (who.has(Role.DEPARTMENT_REVIEWER) || who.has(Role.DEPARTMENT_HEAD));
        boolean clerk = who.has(Role.WINDOW_CLERK);
        CaseStatus s = c.status();
        boolean working = s == CaseStatus.IN_PROGRESS;
        boolean atMyStep = working && department && who.has(c.terms().step(c.step()).role())
                && (c.assignee() == null || c.assignee().accountId().equals(who.accountId()));
        boolean last = working && c.step() == c.terms().lastStep();
        boolean outstanding = c.deferred().stream().anyMatch(DeferredMaterial::outstanding);
        boolean committed = c.materials().stream().anyMatch(m -> m.provision() == SubmittedMaterial.Provision.COMMITMENT);
        return new StaffActions(
                s == CaseStatus.SUBMITTED && (clerk || department && who.has(Role.DEPARTMENT_REVIEWER)),
                atMyStep && c.assignee() == null,
                atMyStep && !last,
                atMyStep && c.step() > 0,
                atMyStep && !c.terms().specialProcedures().isEmpty(),
                s == CaseStatus.SUSPENDED && department,
                (working || s == CaseStatus.SUSPENDED) && department && who.has(Role.DEPARTMENT_HEAD)
                        && c.terms().extension() != null && c.extensions().isEmpty(),
                (working || s == CaseStatus.SUSPENDED) && outstanding && (clerk || department),
                atMyStep && last,
                s == CaseStatus.APPROVED && (clerk || department),
                s == CaseStatus.COMPLETED && committed && department && who.has(Role.DEPARTMENT_HEAD)
                        && c.decision() != null && c.decision().outcome() == Decision.Outcome.APPROVED,
                c.status() == CaseStatus.COMPLETED && c.commitmentCheck() != null && c.commitmentCheck().pending()
                        && department);
    }
}
