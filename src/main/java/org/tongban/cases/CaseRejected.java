package org.tongban.cases;

import java.time.Instant;

/** Rejected (不予许可), with its legal basis; the notice adds the remedies (行政许可法 §38). */
public record CaseRejected(CaseRef ref, Instant at, Actor by, Decision decision) implements CaseEvent {
}
