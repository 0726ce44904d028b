package org.tongban.cases;

import java.time.Instant;
import java.time.LocalDate;

/** Submitted (收件): the acceptance deadline runs from the day it arrived. */
public record CaseSubmitted(CaseRef ref, Instant at, Actor by, Intake.Channel channel, LocalDate receivedOn, LocalDate acceptanceDue, boolean commitmentSigned) implements CaseEvent {
}
