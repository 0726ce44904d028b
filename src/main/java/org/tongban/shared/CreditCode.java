package org.tongban.shared;

import java.util.Locale;

/**
 * 统一社会信用代码 (GB 32100-2015): 登记管理部门码, 机构类别码, 6-digit 登记管理机关行政区划码, 9-character
 * 主体标识码 (the GB 11714 组织机构代码) and a check character.
 *
 * <p>Both check characters are verified: the code's own (ISO 7064 MOD 31-3) and the one inside the embedded
 * organisation code (GB 11714, MOD 11). A code typed with two compensating mistakes can pass the first and still
 * fail the second.
 */
public record CreditCode(String value) {

    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    public CreditCode {
        value = value.strip().toUpperCase(Locale.ROOT);
        if (value.length() != 18 || !value.chars().allMatch(c -> CHARACTERS.indexOf(c) >= 0)) {
            throw new InvalidValueException("credit-code.format",
                    "统一社会信用代码应为18位，由数字和除I、O、Z、S、V以外的大写字母组成");
        }
        if (value.charAt(17) != checkCharacter(value)) {
            throw new InvalidValueException("credit-code.check-character", "统一社会信用代码校验位不正确");
        }
        if (value.charAt(16) != organisationCheckCharacter(value.substring(8, 16))) {
            throw new InvalidValueException("credit-code.organisation-code",
                    "统一社会信用代码中的组织机构代码（第9至17位）校验位不正确");
        }
        if (!RegionCode.isValid(value.substring(2, 8))) {
            throw new InvalidValueException("credit-code.region",
                    "统一社会信用代码中的登记管理机关行政区划码（第3至8位）无效");
        }
    }

    static boolean isValid(String candidate) {
        try {
            new CreditCode(candidate);
            return true;
        }
        catch (InvalidValueException invalid) {
            return false;
        }
    }

    /** 登记管理部门码, e.g. {@code 1} 机构编制, {@code 5} 民政, {@code 9} 市场监管. */
    public char registrationAuthority() {
        return value.charAt(0);
    }

    /** 登记管理部门码 and 机构类别码 together, e.g. {@code 11} 机关, {@code 12} 事业单位, {@code 91} 企业. */
    public String category() {
        return value.substring(0, 2);
    }

    /** The region of the registering office; {@link RegionCode#NATION} for organs registered centrally. */
    public RegionCode regionCode() {
        return new RegionCode(value.substring(2, 8));
    }

    /** 组织机构代码, the 9 characters at positions 9–17. */
    public String organisationCode() {
        return value.substring(8, 17);
    }

    @Override
    public String toString() {
        return value;
    }

    private static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return CHARACTERS.charAt((31 - sum % 31) % 31);
    }

    private static char organisationCheckCharacter(String firstEight) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            // GB 11714 values letters by their place in the full alphabet (A = 10 … Z = 35), as base 36 does.
            sum += Character.digit(firstEight.charAt(i), 36) * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return switch (check) {
            case 10 -> 'X';
            case 11 -> '0';
            default -> (char) ('0' + check);
        };
    }
}
