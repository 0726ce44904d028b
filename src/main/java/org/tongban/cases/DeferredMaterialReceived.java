package org.tongban.cases;

import java.time.Instant;

/** A deferred material (容缺) was handed in. */
public record DeferredMaterialReceived(CaseRef ref, Instant at, Actor by, String material) implements CaseEvent {
}
