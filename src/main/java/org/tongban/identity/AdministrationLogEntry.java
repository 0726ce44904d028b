package org.tongban.identity;

import java.time.Instant;

/** One administrative change: who made it, when, what it was, and the old and new values in short. */
public record AdministrationLogEntry(Instant recordedAt, String actor, AdministrativeAction action,
                                     String description) {
}
