package org.tongban.identity;

import java.util.UUID;

/** A department was created, or its names changed: whatever shows its name (the catalogue's guides) may refresh. */
public record DepartmentChanged(UUID departmentId) {
}
