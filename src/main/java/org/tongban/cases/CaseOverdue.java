package org.tongban.cases;

import java.time.Instant;
import java.time.LocalDate;

/** A deadline passed with the case still open (published once per case and deadline). */
public record CaseOverdue(CaseRef ref, Instant at, Actor by, Deadline deadline, LocalDate due) implements CaseEvent {
}
