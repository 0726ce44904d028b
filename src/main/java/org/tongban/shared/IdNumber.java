package org.tongban.shared;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence, 1 check character.
 *
 * <p>The constructor enforces every rule that does not depend on the day of checking, so stored numbers can be
 * rebuilt without a clock. Input from people goes through {@link #parse(String, Clock)}, which also refuses a birth
 * date after today.
 *
 * <p>{@link #toString()} is masked so that a number passed to a logger or an exception message does not leak;
 * call {@link #value()} where the full number is really needed.
 */
public record IdNumber(String value) {

    private static final Pattern EIGHTEEN_CHARACTERS = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern FIFTEEN_DIGITS = Pattern.compile("\\d{15}");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    // Not 1900: 440524188001010014, a test vector of REFERENCE §10.1, was born in 1880.
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1800, 1, 1);

    public IdNumber {
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!EIGHTEEN_CHARACTERS.matcher(value).matches()) {
            throw new InvalidValueException("id-number.format", "身份证号码应为18位：前17位是数字，最后一位是数字或X");
        }
        // Only the province is checked: the address code is the county at first registration, and counties
        // renamed or merged since then are missing from the current GB/T 2260 list although the number is real.
        if (!RegionCode.isProvince(value.substring(0, 2))) {
            throw new InvalidValueException("id-number.region", "身份证号码的前两位不是有效的省级行政区划代码");
        }
        LocalDate birthDate = birthDateOf(value);
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            throw new InvalidValueException("id-number.birth-date", "身份证号码中的出生日期早于1800年");
        }
        if (value.charAt(17) != checkCharacter(value)) {
            throw new InvalidValueException("id-number.check-digit", "身份证号码校验位不正确");
        }
    }

    /** Reads a number typed or uploaded by a person; {@code clock} decides what "today" is for the birth date. */
    public static IdNumber parse(String raw, Clock clock) {
        IdNumber number = new IdNumber(raw);
        if (number.birthDate().isAfter(LocalDate.now(clock))) {
            throw new InvalidValueException("id-number.birth-date-future", "身份证号码中的出生日期晚于今天");
        }
        return number;
    }

    /**
     * Converts a first-generation 15-digit number by inserting the century "19" before the 6-digit birth date and
     * appending the check character. No clock is needed: such birth dates all lie in 1900–1999.
     */
    public static IdNumber fromLegacy15(String raw) {
        String legacy = raw.strip();
        if (!FIFTEEN_DIGITS.matcher(legacy).matches()) {
            throw new InvalidValueException("id-number.legacy-format", "15位身份证号码应为15位数字");
        }
        String body = legacy.substring(0, 6) + "19" + legacy.substring(6);
        return new IdNumber(body + checkCharacter(body));
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The address code at first registration; it may name a county that no longer exists. */
    public RegionCode regionCode() {
        return new RegionCode(value.substring(0, 6));
    }

    /** First 4 and last 4 characters, e.g. {@code 1101**********002X}. */
    public String masked() {
        return value.substring(0, 4) + "*".repeat(10) + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate birthDateOf(String value) {
        try {
            return LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
        }
        catch (DateTimeException notADate) {
            // The cause is dropped on purpose: its message quotes the birth date, which must not reach the logs.
            throw new InvalidValueException("id-number.birth-date", "身份证号码中的出生日期不是有效日期");
        }
    }

    /** Reads only the first 17 characters, so it serves both validation and the 15-digit conversion. */
    private static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
