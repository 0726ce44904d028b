package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A special procedure (特别程序: 检验检测, 专家评审, 听证, 现场勘验 …) during which the clock stops (行政许可法 §45).
 * The day it starts still counts; the days after it, up to and including the day it ends, do not: time runs again
 * from the day after the result arrives, as service-centre rules count from the day after receipt.
 */
public record Pause(String procedure, String reason, LocalDate from, @Nullable LocalDate to) {

    public boolean open() {
        return to == null;
    }

    boolean stops(LocalDate day) {
        return day.isAfter(from) && (to == null || !day.isAfter(to));
    }

    Pause endedOn(LocalDate day) {
        return new Pause(procedure, reason, from, day);
    }
}
