package org.tongban.cases;

import org.tongban.shared.InvalidValueException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * 办件编号: 23 characters, {@code RRRRRRYYYYMMDDSSSSSSSSC}: the 6-digit region code of the city that received the
 * application, the date it was received, an 8-digit sequence and an ISO 7064 MOD 11-2 check character (0–9 or X,
 * as in the citizen ID number), so that a mistyped digit is caught before a lookup. GB/T 39046 fixes only the
 * length (an..50); the structure is ours (docs/cases.md). Numbers are never reused. People may type it with spaces
 * or hyphens, which {@link #parse} removes.
 */
public record CaseNumber(@com.fasterxml.jackson.annotation.JsonValue String value) {

    /** From its JSON form, a plain string. */
    @com.fasterxml.jackson.annotation.JsonCreator
    static CaseNumber fromJson(String value) {
        return new CaseNumber(value);
    }

    private static final Pattern FORMAT = Pattern.compile("\\d{22}[\\dX]");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    static final int SEQUENCE_DIGITS = 8;
    static final long SEQUENCE_MODULUS = 100_000_000L;

    public CaseNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("case-number.format", "办件编号应为 23 位：22 位数字加 1 位校验码");
        }
        try {
            LocalDate.parse(value.substring(6, 14), DAY);
        }
        catch (DateTimeParseException notADate) {
            throw new InvalidValueException("case-number.date", "办件编号中的日期不正确");
        }
        if (value.charAt(22) != checkCharacter(value.substring(0, 22))) {
            throw new InvalidValueException("case-number.check", "办件编号校验位不正确，请核对后再输入");
        }
    }

    /** What a person typed, with spaces and hyphens removed and a lower-case x accepted. */
    public static CaseNumber parse(String typed) {
        if (typed == null || typed.length() > 60) {
            throw new InvalidValueException("case-number.format", "办件编号应为 23 位：22 位数字加 1 位校验码");
        }
        return new CaseNumber(typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT));
    }

    /** The number for the {@code sequence}-th case (taken modulo 10⁸) received on {@code day} in {@code region}. */
    static CaseNumber of(String region, LocalDate day, long sequence) {
        if (region == null || !region.matches("\\d{6}")) {
            throw new InvalidValueException("case-number.region", "办件编号的行政区划代码应为 6 位数字");
        }
        String body = region + DAY.format(day)
                + String.format("%0" + SEQUENCE_DIGITS + "d", Math.floorMod(sequence, SEQUENCE_MODULUS));
        return new CaseNumber(body + checkCharacter(body));
    }

    /** ISO 7064 MOD 11-2 over decimal digits. */
    static char checkCharacter(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum = (sum + (digits.charAt(i) - '0')) * 2 % 11;
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    public LocalDate receivedOn() {
        return LocalDate.parse(value.substring(6, 14), DAY);
    }

    /** Grouped for reading aloud and on paper: 370602 20260930 00000123 5. */
    public String grouped() {
        return value.substring(0, 6) + " " + value.substring(6, 14) + " " + value.substring(14, 22) + " "
                + value.substring(22);
    }

    @Override
    public String toString() {
        return value;
    }
}
