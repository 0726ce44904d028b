package org.tongban.shared;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * 行政区划代码: the six-digit GB/T 2260 code, or the twelve-digit form platforms use for townships and villages
 * (GB/T 2260 + 3-digit 乡级 + 3-digit 村级, the layout of the 统计用区划代码).
 *
 * <p>Only the structure is checked. Whether a code exists (and existed when a case was filed) is data published by
 * 民政部 with validity periods; it belongs in a table, not in this type.
 *
 * <p>The value keeps the form it was given in, so {@code 110105} and {@code 110105000000} are different values
 * that name the same county; compare regions with {@link #contains(RegionCode)} or {@link #toTwelveDigits()}.
 */
public record RegionCode(String value) {

    public enum Level {
        NATION, PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE
    }

    // Declared before NATION: static fields initialise in order and its constructor needs them.
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82");

    private static final Pattern SIX_OR_TWELVE_DIGITS = Pattern.compile("\\d{6}|\\d{12}");

    /**
     * {@code 100000}, the whole country. It is not a GB/T 2260 entry, but GB 32100 puts it into the credit codes
     * of central organs (住建部 {@code 11100000000013338W}), so a region code that cannot express it would reject them.
     */
    public static final RegionCode NATION = new RegionCode("100000");

    public RegionCode {
        value = value.strip();
        if (!SIX_OR_TWELVE_DIGITS.matcher(value).matches()) {
            throw new InvalidValueException("region-code.format", "行政区划代码应为6位或12位数字");
        }
        String six = value.substring(0, 6);
        boolean nation = six.equals("100000");
        if (!nation && !isProvince(six.substring(0, 2))) {
            throw new InvalidValueException("region-code.province", "行政区划代码的前两位不是有效的省级代码");
        }
        if (value.length() == 12) {
            String township = value.substring(6, 9);
            String village = value.substring(9, 12);
            if (nation && !(township + village).equals("000000")) {
                throw new InvalidValueException("region-code.structure", "全国代码100000之下不能直接设乡级、村级代码");
            }
            if (township.equals("000") && !village.equals("000")) {
                throw new InvalidValueException("region-code.structure", "村级代码必须属于某个乡级区划，乡级部分不能为000");
            }
        }
    }

    /** Whether two digits are a province-level code; ID numbers need this check without the nation code. */
    static boolean isProvince(String twoDigits) {
        return PROVINCES.contains(twoDigits);
    }

    static boolean isValid(String candidate) {
        try {
            new RegionCode(candidate);
            return true;
        }
        catch (InvalidValueException invalid) {
            return false;
        }
    }

    public Level level() {
        if (value.length() == 12) {
            if (!value.startsWith("000", 9)) {
                return Level.VILLAGE;
            }
            if (!value.startsWith("000", 6)) {
                return Level.TOWNSHIP;
            }
        }
        if (value.startsWith("100000")) {
            return Level.NATION;
        }
        if (!value.startsWith("00", 4)) {
            return Level.COUNTY;
        }
        if (!value.startsWith("00", 2)) {
            return Level.PREFECTURE;
        }
        return Level.PROVINCE;
    }

    /**
     * The six-digit GB/T 2260 part: the county a township or village lies in, or this code itself when it is already
     * at county level or above.
     */
    public RegionCode county() {
        return value.length() == 6 ? this : new RegionCode(value.substring(0, 6));
    }

    public RegionCode toTwelveDigits() {
        return value.length() == 12 ? this : new RegionCode(value + "000000");
    }

    /**
     * Whether {@code other} lies inside this region, or is this region. Containment follows the code hierarchy:
     * a prefecture contains its counties, a county its townships.
     */
    public boolean contains(RegionCode other) {
        String prefix = toTwelveDigits().value.substring(0, significantDigits());
        return other.toTwelveDigits().value.startsWith(prefix);
    }

    private int significantDigits() {
        return switch (level()) {
            case NATION -> 0;
            case PROVINCE -> 2;
            case PREFECTURE -> 4;
            case COUNTY -> 6;
            case TOWNSHIP -> 9;
            case VILLAGE -> 12;
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
