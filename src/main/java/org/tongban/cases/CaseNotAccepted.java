package org.tongban.cases;

import java.time.Instant;

/** Refused acceptance (不予受理), with the reasons and, on the notice, the applicant's remedies. */
public record CaseNotAccepted(CaseRef ref, Instant at, Actor by, String reasons, String noticeNumber) implements CaseEvent {
}
