package org.tongban.web;

import org.jspecify.annotations.Nullable;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One event of the {@code fragments/timeline :: timeline} fragment, such as a case's progress (申请 → 受理 → 审核 →
 * 办结): what happened, when, and whether it is done, happening now or still to come.
 *
 * @param title  what happened, already in the page's language
 * @param detail who did it or why, may be absent
 * @param at     when it happened; absent for a step still to come
 * @param state  done, current or upcoming
 */
public record TimelineEntry(String title, @Nullable String detail, @Nullable LocalDateTime at, State state) {

    public enum State {
        DONE, CURRENT, UPCOMING
    }

    public TimelineEntry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
    }
}
