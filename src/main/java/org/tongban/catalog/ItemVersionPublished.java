package org.tongban.catalog;

import java.time.LocalDate;

/** A version of a service item passed legal review and is (or will be, from its date) in force. */
public record ItemVersionPublished(String itemCode, int versionNo, LocalDate effectiveFrom) {
}
