package org.tongban.catalog.web;

import org.springframework.stereotype.Component;
import org.tongban.web.StaffMenuContributor;
import org.tongban.web.StaffMenuEntry;

import java.util.List;

/** The catalogue's tasks in the staff menu. */
@Component
class CatalogStaffMenu implements StaffMenuContributor {

    private static final String SECTION = "catalog.menu.section";

    @Override
    public List<StaffMenuEntry> staffMenuEntries() {
        return List.of(
                new StaffMenuEntry(SECTION, "catalog.menu.items", "/admin/catalogue", "CATALOGUE_ADMIN", 100),
                new StaffMenuEntry(SECTION, "catalog.menu.new", "/admin/catalogue/new", "CATALOGUE_ADMIN", 101),
                new StaffMenuEntry(SECTION, "catalog.menu.review", "/admin/review", "LEGAL_REVIEWER", 110),
                new StaffMenuEntry(SECTION, "catalog.menu.transfer", "/admin/catalogue/transfer", "PLATFORM_ADMIN", 120));
    }
}
