package org.tongban.cases;

import java.time.Instant;

/** The current step is done and the case passes to the next one. */
public record CaseStepCompleted(CaseRef ref, Instant at, Actor by, int step, String stepName, String opinion, int nextStep) implements CaseEvent {
}
