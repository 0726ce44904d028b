package org.tongban.identity;

/**
 * What an account may do. Staff roles come from the work of a city service centre; {@link #CITIZEN} and
 * {@link #ENTERPRISE} are the two kinds of applicant. The Spring Security authority is {@code ROLE_<name>}.
 */
public enum Role {
    WINDOW_CLERK,
    DEPARTMENT_REVIEWER,
    DEPARTMENT_HEAD,
    CATALOGUE_ADMIN,
    LEGAL_REVIEWER,
    SUPERVISOR,
    HOTLINE_OPERATOR,
    PLATFORM_ADMIN,
    CITIZEN,
    ENTERPRISE;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Message key of the role's name as people say it (综合窗口, 审批人员 …). */
    public String labelKey() {
        return "role." + name();
    }
}
