package org.tongban.catalog;

import org.jspecify.annotations.Nullable;
import org.tongban.identity.DepartmentManagement.DepartmentEntry;
import org.tongban.identity.ServiceCentre;

import java.util.List;

/** A whole catalogue, or part of one, in the exchange format (docs/catalogue-format.md). */
public record CatalogueDocument(@Nullable String format, @Nullable Integer version, List<Theme> themes,
                                List<DepartmentEntry> departments, List<ServiceCentre> serviceCentres,
                                List<ItemContent> items) {

    public static final String FORMAT = "tongban-catalogue";
    public static final int VERSION = 1;

    public CatalogueDocument {
        themes = themes == null ? List.of() : themes;
        departments = departments == null ? List.of() : departments;
        serviceCentres = serviceCentres == null ? List.of() : serviceCentres;
        items = items == null ? List.of() : items;
    }
}
