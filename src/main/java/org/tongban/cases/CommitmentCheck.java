package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * 事后核查 of a decision made on a commitment (告知承诺): the department verifies, after approving, that what the
 * applicant committed to is true. Pending from completion until a reviewer or head records the finding; a false
 * commitment leads the head to revoke the decision.
 *
 * @param materials the materials the commitment stood in for
 * @param dueOn     the last day to check ({@code tongban.cases.commitment-check-days} working days after the
 *                  approval); {@code null} for a check that became pending before checks had a due date
 * @param truthful  {@code null} while pending
 */
public record CommitmentCheck(List<String> materials, LocalDate pendingFrom, @Nullable LocalDate dueOn,
                              @Nullable Boolean truthful, @Nullable String finding, @Nullable LocalDate checkedOn,
                              @Nullable Actor by) {

    public CommitmentCheck {
        materials = List.copyOf(materials);
    }

    public boolean pending() {
        return truthful == null;
    }

    /** The column lists query: PENDING, TRUE or FALSE. */
    String state() {
        return truthful == null ? "PENDING" : truthful ? "TRUE" : "FALSE";
    }
}
