package org.tongban.cases;

import java.time.Instant;

/** A special procedure started (GB/T 39046 A.7 type 2): the clock stops. */
public record CaseSuspended(CaseRef ref, Instant at, Actor by, Pause pause) implements CaseEvent {
}
