package org.tongban.catalog;

import org.jspecify.annotations.Nullable;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidValueException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the raw answers of an application form, shared by the form's check and the 秒批 evaluator so that both
 * read a number, a date or a phone number alike.
 */
final class FormValues {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,15}(?:\\.\\d{1,15})?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern MOBILE = Pattern.compile("(?:\\+86[- ]?)?1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(?:-\\d{1,6})?");
    /** Steps a pattern may take on one answer: far more than any sane pattern needs on 2,000 characters. */
    static final int PATTERN_BUDGET = 1_000_000;

    private FormValues() {
    }

    static Optional<BigDecimal> number(String raw) {
        return NUMBER.matcher(raw).matches() ? Optional.of(new BigDecimal(raw)) : Optional.empty();
    }

    /** {@code 2026-09-30} or {@code 2026年9月30日}, as the platform's date fields read them. */
    static Optional<LocalDate> date(String raw) {
        Matcher m = ISO_DATE.matcher(raw);
        if (!m.matches()) {
            m = CHINESE_DATE.matcher(raw);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException notADay) {
            return Optional.empty();
        }
    }

    static boolean phone(String raw) {
        return MOBILE.matcher(raw).matches() || LANDLINE.matcher(raw).matches();
    }

    /** The ID number, refusing a birth date after {@code today} as {@link IdNumber#parse} does with a clock. */
    static IdNumber idNumber(String raw, LocalDate today) {
        return IdNumber.parse(raw, Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    static Optional<IdNumber> validIdNumber(String raw, LocalDate today) {
        try {
            return Optional.of(idNumber(raw, today));
        } catch (InvalidValueException invalid) {
            return Optional.empty();
        }
    }

    /**
     * Whether the whole answer matches, within {@link #PATTERN_BUDGET} reads of its characters: a pattern written
     * carelessly ({@code ((a+)+)+b}) can take exponential time on a crafted answer, and an applicant's input must not
     * stall the server. An answer that exhausts the budget does not match.
     */
    static boolean matches(Pattern pattern, String answer) {
        try {
            return pattern.matcher(new Budgeted(answer, new int[]{PATTERN_BUDGET})).matches();
        } catch (Budgeted.Exhausted slow) {
            return false;
        }
    }

    static @Nullable Pattern compile(@Nullable String pattern) {
        if (pattern == null) {
            return null;
        }
        try {
            return Pattern.compile(pattern);
        } catch (java.util.regex.PatternSyntaxException invalid) {
            return null;
        }
    }

    /** A string whose characters can be read only so many times, counted across its subsequences. */
    private record Budgeted(String text, int[] left) implements CharSequence {

        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super(null, null, false, false);
            }
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
