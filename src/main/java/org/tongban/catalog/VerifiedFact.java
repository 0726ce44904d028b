package org.tongban.catalog;

import org.tongban.catalog.FormField.Type;

import java.util.Arrays;
import java.util.Optional;

/**
 * Facts about the applicant that the platform has verified itself, for 秒批 conditions that must not rest on what
 * the applicant typed: the identity of the real-name account, and the household registration from the public
 * security organs' shared data. A condition names one by its key ({@code verified.householdRegion}); the cases module
 * supplies the values it holds under the same keys, and a fact it cannot supply leaves the condition unevaluated, so
 * that a person decides.
 */
public enum VerifiedFact {

    /** 实名认证的公民身份号码 of the applicant's account. */
    ID_NUMBER("verified.idNumber", Type.ID_NUMBER, "实名认证的身份证号码"),
    /** 户籍所在地: the region code of the applicant's household registration (公安户籍信息, by data sharing). */
    HOUSEHOLD_REGION("verified.householdRegion", Type.REGION, "户籍所在地（户籍信息核验）"),
    /** 实名认证的统一社会信用代码 of an enterprise account. */
    CREDIT_CODE("verified.creditCode", Type.CREDIT_CODE, "实名认证的统一社会信用代码");

    /** The prefix that sets verified facts apart from the form's own keys, which cannot contain a dot. */
    public static final String PREFIX = "verified.";

    private final String key;
    private final Type type;
    private final String label;

    VerifiedFact(String key, Type type, String label) {
        this.key = key;
        this.type = type;
        this.label = label;
    }

    public String key() {
        return key;
    }

    /** How the value is read, as if it were a form field of this type. */
    public Type type() {
        return type;
    }

    /** What the fact is, in Chinese, for the catalogue administrator choosing it. */
    public String label() {
        return label;
    }

    public static Optional<VerifiedFact> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
