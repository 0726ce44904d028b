package org.tongban.cases;

import java.time.Instant;

/** A member of staff claimed the current step. */
public record CaseStepClaimed(CaseRef ref, Instant at, Actor by, int step, String stepName) implements CaseEvent {
}
