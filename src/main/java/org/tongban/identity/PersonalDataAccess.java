package org.tongban.identity;

import java.time.Instant;

/** One look at unmasked personal data: who, what, why, when. */
public record PersonalDataAccess(String accessedBy, String dataItem, String purpose, Instant accessedAt) {
}
