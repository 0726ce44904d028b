package org.tongban.identity;

import org.jspecify.annotations.Nullable;

import java.util.Set;
import java.util.UUID;

/** An account as stored: the ID number only as ciphertext, lookup hash and masked form. */
record Account(UUID id, AccountKind kind, String username, String displayName, String passwordHash,
               @Nullable String mobile, byte @Nullable [] idNumberCipher, @Nullable String idNumberHash,
               @Nullable String idNumberMasked, @Nullable String creditCode, @Nullable String legalRepresentative,
               @Nullable UUID departmentId, Set<Role> roles, boolean enabled, RealNameLevel realNameLevel) {
}
