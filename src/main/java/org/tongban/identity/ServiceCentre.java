package org.tongban.identity;

import org.jspecify.annotations.Nullable;

/** A government service centre (政务服务中心) where applicants come to the counter. */
public record ServiceCentre(String code, String name, String regionCode, @Nullable String address,
                            @Nullable String phone, @Nullable String openingHours) {
}
