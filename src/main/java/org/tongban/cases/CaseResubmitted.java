package org.tongban.cases;

import java.time.Instant;
import java.time.LocalDate;

/** The applicant resubmitted after the correction notice: the acceptance deadline runs again from that day. */
public record CaseResubmitted(CaseRef ref, Instant at, Actor by, LocalDate resubmittedOn, LocalDate acceptanceDue) implements CaseEvent {
}
