package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What a member of staff asks of their inbox (待办): which cases ({@link View}), narrowed to one step role or item.
 * The department comes from who asks, never from the request.
 */
public record Inbox(View view, @Nullable String itemCode) {

    public enum View {
        /** Everything open in the department, or, at the counter, everything awaiting acceptance or hand-over. */
        ALL,
        /** 2 working days or fewer left (configurable), not yet overdue. */
        DUE_SOON,
        /** Past a deadline. */
        OVERDUE,
        /** Claimed by the one asking. */
        MINE,
        /** At a step of the asker's role that nobody has claimed. */
        UNASSIGNED,
        /**
         * Decided on a commitment (告知承诺) and not yet verified: the department's 事后核查, by the check's due date
         * ({@link CaseSummary#commitmentCheckDue}), those without one first.
         */
        COMMITMENTS
    }

    /** One page of an inbox; {@code more} says whether a next page exists, without counting the whole list. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CasePage")
    public record Page(List<CaseSummary> cases, int page, int size, boolean more) {
    }
}
