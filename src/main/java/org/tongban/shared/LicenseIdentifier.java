package org.tongban.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 电子证照标识 (GB/T 36904-2018):
 * {@code 1.2.156.3005.2.<证照类型代码>.<颁发机构代码>.<流水号>.<版本号>.<校验位>}, for example
 * {@code 1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F}.
 *
 * <p>The check character is not a component: it is always computed from the others, so a value can never carry a
 * wrong one. {@link #parse(String)} compares it with the one written in the text.
 *
 * @param typeCode 证照类型代码: the defining body's credit code and a 3-digit sequence
 * @param issuer 颁发机构代码: the issuing organ's credit code, or in identifiers issued by some local systems a
 *        6-digit region code
 * @param serial 流水号: 1–64 characters of [0-9A-Z]
 * @param version 版本号, written with 3 digits and raised on re-issue
 */
public record LicenseIdentifier(String typeCode, String issuer, String serial, int version) {

    public static final String ROOT = "1.2.156.3005.2";

    private static final String CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern TYPE_SEQUENCE = Pattern.compile("\\d{3}");
    private static final Pattern REGION_ISSUER = Pattern.compile("\\d{6}");
    private static final Pattern SERIAL = Pattern.compile("[0-9A-Z]{1,64}");
    private static final Pattern VERSION = Pattern.compile("\\d{3}");
    private static final Pattern CHECK = Pattern.compile("[0-9A-Z]");

    public LicenseIdentifier {
        typeCode = typeCode.strip().toUpperCase(Locale.ROOT);
        issuer = issuer.strip().toUpperCase(Locale.ROOT);
        serial = serial.strip().toUpperCase(Locale.ROOT);
        if (typeCode.length() != 21 || !TYPE_SEQUENCE.matcher(typeCode.substring(18)).matches()) {
            throw new InvalidValueException("license-id.type-code",
                    "证照类型代码应为21位：证照定义机构的统一社会信用代码加3位数字");
        }
        try {
            new CreditCode(typeCode.substring(0, 18));
        }
        catch (InvalidValueException invalid) {
            throw new InvalidValueException("license-id.type-code",
                    "证照类型代码的前18位不是有效的统一社会信用代码：" + invalid.getMessage(), invalid);
        }
        if (!CreditCode.isValid(issuer) && !(REGION_ISSUER.matcher(issuer).matches() && RegionCode.isValid(issuer))) {
            throw new InvalidValueException("license-id.issuer",
                    "颁发机构代码应为有效的18位统一社会信用代码（或旧系统使用的6位行政区划代码）");
        }
        if (!SERIAL.matcher(serial).matches()) {
            throw new InvalidValueException("license-id.serial", "流水号应为1至64位数字或大写字母");
        }
        if (version < 0 || version > 999) {
            throw new InvalidValueException("license-id.version", "版本号应为3位数字（000至999）");
        }
    }

    /** Reads the dotted form and verifies its check character. */
    public static LicenseIdentifier parse(String raw) {
        String text = raw.strip().toUpperCase(Locale.ROOT);
        if (!text.startsWith(ROOT + ".")) {
            throw new InvalidValueException("license-id.root", "电子证照标识应以根代码 " + ROOT + " 开头");
        }
        String[] parts = text.substring(ROOT.length() + 1).split("\\.", -1);
        if (parts.length != 5) {
            throw new InvalidValueException("license-id.format",
                    "电子证照标识在根代码之后应有5段：证照类型代码、颁发机构代码、流水号、版本号、校验位");
        }
        if (!VERSION.matcher(parts[3]).matches()) {
            throw new InvalidValueException("license-id.version", "版本号应为3位数字（000至999）");
        }
        LicenseIdentifier identifier = new LicenseIdentifier(parts[0], parts[1], parts[2], Integer.parseInt(parts[3]));
        if (!CHECK.matcher(parts[4]).matches() || parts[4].charAt(0) != identifier.checkCharacter()) {
            throw new InvalidValueException("license-id.check-character", "电子证照标识校验位不正确");
        }
        return identifier;
    }

    /**
     * A new identifier. Its issuer must be a credit code; the 6-digit region codes some local systems wrote in its
     * place are accepted only when reading existing identifiers.
     */
    public static LicenseIdentifier create(String typeCode, CreditCode issuer, String serial, int version) {
        return new LicenseIdentifier(typeCode, issuer.value(), serial, version);
    }

    /** The same license re-issued (延续, 变更): one version higher, with its own check character. */
    public LicenseIdentifier nextVersion() {
        if (version == 999) {
            throw new InvalidValueException("license-id.version-exhausted", "版本号已达999，不能再递增");
        }
        return new LicenseIdentifier(typeCode, issuer, serial, version + 1);
    }

    /** 证照定义机构: the body that defined the license type, e.g. 住建部 for 建筑施工特种作业人员操作资格证书. */
    public CreditCode definingAuthority() {
        return new CreditCode(typeCode.substring(0, 18));
    }

    public boolean issuerIsCreditCode() {
        return CreditCode.isValid(issuer);
    }

    /** ISO/IEC 7064 MOD 37,36 (GB/T 17710) over type code, issuer, serial and version, without the dots. */
    public char checkCharacter() {
        String body = typeCode + issuer + serial + "%03d".formatted(version);
        int modulus = 36;
        int product = modulus;
        for (int i = 0; i < body.length(); i++) {
            int sum = (product + CHARACTERS.indexOf(body.charAt(i))) % modulus;
            if (sum == 0) {
                sum = modulus;
            }
            product = (sum * 2) % (modulus + 1);
        }
        return CHARACTERS.charAt((modulus + 1 - product) % modulus);
    }

    public String value() {
        return String.join(".", ROOT, typeCode, issuer, serial, "%03d".formatted(version),
                String.valueOf(checkCharacter()));
    }

    @Override
    public String toString() {
        return value();
    }
}
