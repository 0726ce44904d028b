package org.tongban.identity;

import java.util.UUID;

/**
 * A department was created, or its name, short name or English name changed: whatever shows or searches
 * departments by name (the catalogue's index) should read it again.
 */
public record DepartmentChanged(UUID departmentId) {
}
