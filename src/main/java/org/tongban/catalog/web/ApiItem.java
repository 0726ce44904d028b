package org.tongban.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tongban.catalog.ItemGuide;
import org.tongban.identity.Department;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** The guide of an item in force, as the public API publishes it: its department by credit code, not identity's record. */
@Schema(name = "Item", description = "The guide (办事指南) of a service item: the version in force today")
record ApiItem(
        @Schema(description = "实施编码", example = "11377000HC000025110129990010010") String code,
        @Schema(description = "version number, from 1") int versionNo,
        @Schema(description = "in force since") LocalDate effectiveFrom,
        ApiDepartment department,
        @Schema(description = "the national elements of the item (GB/T 39046)") ApiItemContent content) {

    static ApiItem of(ItemGuide guide, Map<UUID, Department> departments) {
        return new ApiItem(guide.code(), guide.versionNo(), guide.effectiveFrom(),
                ApiDepartment.of(guide.department(), departments), ApiItemContent.of(guide.content()));
    }
}
