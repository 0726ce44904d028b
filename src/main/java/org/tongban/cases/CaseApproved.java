package org.tongban.cases;

import java.time.Instant;

/** Approved (准予), by a person or by a 秒批 rule. */
public record CaseApproved(CaseRef ref, Instant at, Actor by, Decision decision) implements CaseEvent {
}
