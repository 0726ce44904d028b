package org.tongban.identity;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** A government department (部门) or other implementing body, identified nationally by its credit code. */
public record Department(UUID id, String creditCode, String name, String shortName, @Nullable String nameEn,
                         String regionCode, @Nullable UUID parentId, @Nullable String address,
                         @Nullable String phone, @Nullable String officeHours) {

    /** The department's name in the reader's language, falling back to Chinese. */
    public String displayName(boolean english) {
        return english && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }
}
