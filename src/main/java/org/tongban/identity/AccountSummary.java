package org.tongban.identity;

import org.jspecify.annotations.Nullable;

import java.util.Set;
import java.util.UUID;

/** An account as others may see it: personal numbers masked. */
public record AccountSummary(UUID id, AccountKind kind, String username, String displayName,
                             @Nullable String maskedMobile, @Nullable String maskedIdNumber,
                             @Nullable String creditCode, @Nullable String legalRepresentative,
                             @Nullable UUID departmentId, Set<Role> roles, boolean locked, boolean enabled,
                             RealNameLevel realNameLevel) {

    /** {@code locked}: sign-in for this account is being refused from at least one client address just now. */
    static AccountSummary of(Account a, boolean locked) {
        return new AccountSummary(a.id(), a.kind(), a.kind() == AccountKind.CITIZEN ? maskMobile(a.username()) : a.username(),
                a.displayName(), maskMobile(a.mobile()), a.idNumberMasked(), a.creditCode(), a.legalRepresentative(),
                a.departmentId(), a.roles(), locked, a.enabled(), a.realNameLevel());
    }

    /** 138****0001: enough to recognise one's own number, not enough to call it. */
    static @Nullable String maskMobile(@Nullable String mobile) {
        return mobile == null || mobile.length() != 11 ? mobile : mobile.substring(0, 3) + "****" + mobile.substring(7);
    }
}
