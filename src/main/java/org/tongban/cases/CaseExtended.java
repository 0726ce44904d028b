package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** Extension approved by the department head (延长审批, GB/T 39046 A.7 type 1). */
public record CaseExtended(CaseRef ref, Instant at, Actor by, Extension extension, @Nullable LocalDate promisedDue, @Nullable LocalDate statutoryDue) implements CaseEvent {
}
