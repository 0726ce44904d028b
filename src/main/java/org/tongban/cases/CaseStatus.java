package org.tongban.cases;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands, and what may happen to it there. */
public enum CaseStatus {
    /** 待受理: submitted; staff accept it, refuse to accept it or send one correction notice within 5 working days. */
    SUBMITTED,
    /** 待补正: the correction notice listed everything wrong; the applicant resubmits, and no deadline runs. */
    AWAITING_CORRECTION,
    /** 不予受理: ended; the notice gives the reasons and the applicant's remedies. */
    NOT_ACCEPTED,
    /** 办理中: accepted; its steps are claimed, completed or returned; a special procedure or extension may start. */
    IN_PROGRESS,
    /** 特别程序中: a special procedure (检验检测, 听证 …) is running and the clock is stopped until it ends. */
    SUSPENDED,
    /** 已准予: approved; the result is issued and delivered when the case is completed. */
    APPROVED,
    /** 已办结: ended with its result (approved or rejected); a decision obtained by a false commitment can be revoked. */
    COMPLETED,
    /** 已撤回: the applicant withdrew it before a decision. */
    WITHDRAWN,
    /** 已撤销: the approval was revoked (a false commitment, 告知承诺). */
    REVOKED;

    static final Set<CaseStatus> OPEN = EnumSet.of(SUBMITTED, AWAITING_CORRECTION, IN_PROGRESS, SUSPENDED, APPROVED);

    public boolean open() {
        return OPEN.contains(this);
    }

    /** The state in the words of the notices (状态：待受理). */
    public String label() {
        return switch (this) {
            case SUBMITTED -> "状态：待受理";
            case AWAITING_CORRECTION -> "状态：待补正";
            case NOT_ACCEPTED -> "状态：不予受理";
            case IN_PROGRESS -> "状态：办理中";
            case SUSPENDED -> "状态：特别程序中";
            case APPROVED -> "状态：已准予";
            case COMPLETED -> "状态：已办结";
            case WITHDRAWN -> "状态：已撤回";
            case REVOKED -> "状态：已撤销";
        };
    }

    public String labelKey() {
        return "case.status." + name();
    }
}
