package org.tongban.cases;

import java.time.Instant;

/** The case was sent back to an earlier step. */
public record CaseReturnedToStep(CaseRef ref, Instant at, Actor by, int fromStep, int toStep, String opinion) implements CaseEvent {
}
