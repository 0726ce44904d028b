package org.tongban.cases;

import java.time.Instant;
import java.time.LocalDate;

/** Few working days are left before a deadline (published once per case and deadline). */
public record CaseDueSoon(CaseRef ref, Instant at, Actor by, Deadline deadline, LocalDate due, int workingDaysLeft) implements CaseEvent {
}
