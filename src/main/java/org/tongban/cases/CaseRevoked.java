package org.tongban.cases;

import java.time.Instant;

/** An approval obtained by a false commitment was revoked. */
public record CaseRevoked(CaseRef ref, Instant at, Actor by, String reasons) implements CaseEvent {
}
