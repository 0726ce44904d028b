package org.tongban.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One condition of an item's 秒批 rule: a field of the application form (by its key) or a {@linkplain VerifiedFact
 * verified fact} ({@code verified.householdRegion}), an operator and a value, with the sentence the applicant reads
 * ("申请人年满80周岁"). Declarative on purpose: a legal reviewer reads every condition as data, and nothing but
 * {@link InstantApproval#evaluate} interprets it.
 *
 * @param field       a form field's key or a verified fact's key
 * @param value       what the answer is compared with: a number, a date ({@code 2026-01-01}), an option code,
 *                    {@code true}/{@code false}, options separated by commas (IN), whole years (AGE_AT_LEAST) or a
 *                    region code (REGION_WITHIN)
 * @param explanation the condition in plain Chinese, as the applicant reads it in the decision, at most 100 characters
 */
public record ApprovalCondition(String field, @Nullable Operator operator, String value, String explanation) {

    /**
     * How the answer is compared with the value, and the field types each operator takes (checked by
     * {@link ItemRules}).
     */
    public enum Operator {
        /** Equal to the value (TEXT, NUMBER, DATE, CHOICE, YES_NO, REGION, CREDIT_CODE). */
        EQUALS,
        /** Given and not equal to the value (the same types). */
        NOT_EQUALS,
        /** At least the value (NUMBER, DATE). */
        AT_LEAST,
        /** At most the value (NUMBER, DATE). */
        AT_MOST,
        /** One of the values, separated by commas (TEXT, CHOICE). */
        IN,
        /**
         * At least this many whole years old on the day of submission: the birth date of an ID_NUMBER, or a DATE
         * taken as one.
         */
        AGE_AT_LEAST,
        /** A REGION within the region given (377000 contains 377002 and 377002001000). */
        REGION_WITHIN
    }
}
