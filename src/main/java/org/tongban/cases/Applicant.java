package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * Who applies: the account (a citizen or an enterprise), with the name and masked identifier that notices and
 * staff lists show. The ID number itself stays in identity, encrypted; the case keeps only what it displays and the
 * last four digits of the mobile, which with the case number let anyone holding the receipt follow progress.
 */
public record Applicant(UUID accountId, Kind kind, String name, @Nullable String maskedIdentifier,
                        @Nullable String mobileTail) {

    /** 申请人类型. */
    public enum Kind { PERSON, ORGANISATION }

    public Applicant {
        if (mobileTail != null && !mobileTail.matches("\\d{4}")) {
            throw new org.tongban.shared.InvalidValueException("case.mobile-tail", "手机号后四位应为 4 位数字");
        }
    }
}
