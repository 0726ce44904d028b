package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Completed (办结): the outcome, whether on time, how the result is delivered, and the commitments (告知承诺) that now need verifying. */
public record CaseCompleted(CaseRef ref, Instant at, Actor by, Decision.Outcome outcome, LocalDate completedOn, @Nullable String resultName, boolean onTime, @Nullable LocalDate promisedDue, @Nullable LocalDate statutoryDue, Intake.Delivery.Method delivery, List<String> commitmentsToVerify) implements CaseEvent {
}
