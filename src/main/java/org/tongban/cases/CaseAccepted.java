package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Accepted (受理), or deemed accepted because the acceptance deadline passed ({@code deemed}): the promised and statutory deadlines run from the day after. */
public record CaseAccepted(CaseRef ref, Instant at, Actor by, LocalDate acceptedOn, boolean deemed, String acceptanceNoticeNumber, boolean immediate, @Nullable LocalDate promisedDue, @Nullable LocalDate statutoryDue, List<DeferredMaterial> deferred, List<String> committedMaterials) implements CaseEvent {
}
