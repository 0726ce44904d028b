package org.tongban.identity;

/** What an entry of the administration log records; {@code admin-log.action.<name>} is its label. */
public enum AdministrativeAction {
    DEPARTMENT_CREATED,
    DEPARTMENT_CHANGED,
    SERVICE_CENTRE_CREATED,
    SERVICE_CENTRE_CHANGED,
    ACCOUNT_CREATED,
    ROLES_CHANGED,
    DEPARTMENT_ASSIGNED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    ACCOUNT_UNLOCKED,
    PASSWORD_SET,
    PASSWORD_RESET_BY_SMS,
    VERIFIED_IN_PERSON;

    public String labelKey() {
        return "admin-log.action." + name();
    }
}
