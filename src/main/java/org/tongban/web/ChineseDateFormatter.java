package org.tongban.web;

import org.springframework.format.Formatter;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date the way people in China write it: {@code 2026-09-30}, {@code 2026-9-30}, {@code 2026/9/30},
 * {@code 2026.9.30} or {@code 2026年9月30日}, with or without spaces and in full-width digits (an IME often types
 * {@code ２０２６}). Prints {@code 2026年9月30日} for Chinese pages and {@code 2026-09-30} otherwise, both of which it
 * reads back, so a redisplayed form field always parses again.
 *
 * <p>Registered for every {@link LocalDate} form field and request parameter by {@link WebConfiguration}. An
 * unreadable date fails with a {@link ParseException}; the message shown to the user comes from the
 * {@code typeMismatch.java.time.LocalDate} key of the message bundle.
 */
public final class ChineseDateFormatter implements Formatter<LocalDate> {

    private static final Pattern NUMERIC = Pattern.compile("(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?");
    private static final DateTimeFormatter CHINESE_PRINT = DateTimeFormatter.ofPattern("uuuu年M月d日");

    @Override
    public LocalDate parse(String text, Locale locale) throws ParseException {
        String normalised = toHalfWidth(text).strip();
        for (Pattern pattern : new Pattern[] {NUMERIC, CHINESE}) {
            Matcher matcher = pattern.matcher(normalised);
            if (matcher.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                            Integer.parseInt(matcher.group(3)));
                } catch (DateTimeException noSuchDay) {
                    throw new ParseException("\"" + text + "\" is not a date in the calendar (for example 2026-09-30)",
                            0);
                }
            }
        }
        throw new ParseException("\"" + text + "\" is not a date written as 2026-09-30 or 2026年9月30日", 0);
    }

    @Override
    public String print(LocalDate date, Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CHINESE_PRINT.format(date) : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }

    /** Full-width digits and punctuation (U+FF01..U+FF5E) to their ASCII forms; the ideographic space to a space. */
    private static String toHalfWidth(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                result.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                result.append(' ');
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }
}
