package org.tongban.cases;

import org.tongban.shared.InvalidValueException;

/** A time limit a case is held to, copied from its item version: a number of working or natural days. */
@io.swagger.v3.oas.annotations.media.Schema(name = "CaseLimit")
public record Limit(int days, Unit unit) {

    public enum Unit { WORKING_DAYS, NATURAL_DAYS }

    public Limit {
        if (days < 0 || days > 3650) {
            throw new InvalidValueException("case.limit", "时限应在 0 到 3650 天之间");
        }
        if (unit == null) {
            throw new InvalidValueException("case.limit-unit", "时限须注明工作日或自然日");
        }
    }

    public static Limit workingDays(int days) {
        return new Limit(days, Unit.WORKING_DAYS);
    }

    public static Limit naturalDays(int days) {
        return new Limit(days, Unit.NATURAL_DAYS);
    }

    @Override
    public String toString() {
        return days + (unit == Unit.WORKING_DAYS ? " 个工作日" : " 个自然日");
    }
}
