package org.tongban.identity;

import org.jspecify.annotations.Nullable;

import java.util.Set;

/** A staff account to create: department by credit code (none for city-wide staff) and roles. */
public record StaffAccountRequest(String username, String displayName, String password,
                                  @Nullable String departmentCreditCode, Set<Role> roles) {
}
