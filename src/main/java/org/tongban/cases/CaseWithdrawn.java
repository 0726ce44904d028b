package org.tongban.cases;

import java.time.Instant;

/** The applicant withdrew the application before a decision (撤回). */
public record CaseWithdrawn(CaseRef ref, Instant at, Actor by, String reason) implements CaseEvent {
}
