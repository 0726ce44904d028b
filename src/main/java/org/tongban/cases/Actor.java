package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.tongban.identity.Role;

import java.util.UUID;

/**
 * Who did something to a case, as the audit and the national records need it: the account, the name shown on
 * notices, and the role acted in ({@code null} for the applicant). The platform itself (deemed acceptance, 秒批)
 * acts as {@link org.tongban.identity.SystemActor}.
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "CaseActor")
public record Actor(UUID accountId, String name, @Nullable Role role, @Nullable UUID departmentId) {

    public static Actor applicant(UUID accountId, String name) {
        return new Actor(accountId, name, null, null);
    }

    public static Actor platform() {
        return new Actor(org.tongban.identity.SystemActor.ID, "通办平台", null, null);
    }

    public boolean actsAs(Role r) {
        return role == r;
    }
}
