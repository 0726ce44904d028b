package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case as a list shows it, read from the case row's columns without its document.
 *
 * @param due                the earliest deadline running (acceptance, promised or statutory)
 * @param commitmentCheckDue the last day of a pending 告知承诺 check ({@link CommitmentCheck#dueOn}), which the
 *                           承诺待核查 view is sorted by; {@code null} without one
 */
public record CaseSummary(CaseNumber number, String itemCode, String itemName, CaseStatus status,
                          @Nullable String stepName, @Nullable String stepRole, @Nullable UUID assigneeId,
                          String applicantName, LocalDate receivedOn, @Nullable LocalDate acceptanceDue,
                          @Nullable LocalDate promisedDue, @Nullable LocalDate statutoryDue, @Nullable LocalDate due,
                          Instant submittedAt, @Nullable LocalDate commitmentCheckDue) {

    /** 张*川: enough for staff to tell cases apart in a list, not a name to copy out of it. */
    public String maskedApplicantName() {
        int n = applicantName.codePointCount(0, applicantName.length());
        if (n <= 1) {
            return applicantName;
        }
        int first = applicantName.offsetByCodePoints(0, 1);
        if (n == 2) {
            return applicantName.substring(0, first) + "*";
        }
        int last = applicantName.offsetByCodePoints(0, n - 1);
        if (n > 6) {
            // an organisation: its name is public (the credit register), only shortened
            return applicantName;
        }
        return applicantName.substring(0, first) + "*".repeat(n - 2) + applicantName.substring(last);
    }
}
