package org.tongban.catalog;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.UUID;

/** A line of the administration list: an item's latest version. */
public record VersionSummary(String itemCode, int versionNo, VersionStatus status, String name,
                             @Nullable LocalDate effectiveFrom, UUID departmentId, boolean withdrawal) {
}
