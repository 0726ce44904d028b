package org.tongban.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.tongban.identity.Department;

import java.util.Map;
import java.util.UUID;

/**
 * A department as the public API shows it: identified by its national credit code, its parent likewise, and no
 * internal identifiers, so that identity's own record can change without changing the published contract.
 */
@Schema(name = "Department", description = "An implementing department (部门), identified by its unified social credit code")
record ApiDepartment(
        @Schema(description = "统一社会信用代码, 18 characters", example = "11377000HC00002511") String creditCode,
        @Schema(example = "海川市市场监督管理局") String name,
        @Schema(example = "市市场监管局") String shortName,
        @Nullable String nameEn,
        @Schema(description = "GB/T 2260 region code", example = "377000") String regionCode,
        @Schema(description = "credit code of the parent department, if any") @Nullable String parentCreditCode,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String officeHours) {

    static ApiDepartment of(Department d, Map<UUID, Department> byId) {
        Department parent = d.parentId() == null ? null : byId.get(d.parentId());
        return new ApiDepartment(d.creditCode(), d.name(), d.shortName(), d.nameEn(), d.regionCode(),
                parent == null ? null : parent.creditCode(), d.address(), d.phone(), d.officeHours());
    }
}
