package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * 一次性告知补正: every missing or wrong material listed at once, on one notice; no deadline runs until the
 * applicant resubmits, and the acceptance deadline then runs again from that day.
 */
public record Correction(List<Item> items, String noticeNumber, LocalDate notifiedOn, @Nullable LocalDate resubmittedOn) {

    /** One material and what is wrong with it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CorrectionItem")
    public record Item(String material, String problem) {
    }

    public Correction {
        items = List.copyOf(items);
    }

    Correction resubmittedOn(LocalDate day) {
        return new Correction(items, noticeNumber, notifiedOn, day);
    }
}
