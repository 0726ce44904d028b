package org.tongban.cases;

import java.time.Instant;

/** The one correction notice (一次性告知补正), listing every material to correct. */
public record CaseCorrectionRequested(CaseRef ref, Instant at, Actor by, Correction correction) implements CaseEvent {
}
