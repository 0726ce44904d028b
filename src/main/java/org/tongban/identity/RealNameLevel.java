package org.tongban.identity;

/**
 * 实名认证等级: how sure the platform is that an account's holder is the person or organisation it names, lowest
 * first. An item that needs more than a verified mobile asks {@link #atLeast}, for example
 * {@code AccountManagement.currentLevel().atLeast(RealNameLevel.REGISTRY_MATCHED)}.
 */
public enum RealNameLevel {
    /** The mobile number answered a one-time code. */
    MOBILE_VERIFIED,
    /** Name and ID number matched the population registry, or name and credit code the legal-person registry. */
    REGISTRY_MATCHED,
    /** A window clerk saw the ID card (and the business licence) at a service centre counter. */
    IN_PERSON;

    public boolean atLeast(RealNameLevel required) {
        return compareTo(required) >= 0;
    }

    /** Message key of the level's name as shown to people. */
    public String labelKey() {
        return "real-name-level." + name();
    }
}
