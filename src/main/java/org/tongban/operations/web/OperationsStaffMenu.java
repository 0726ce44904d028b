package org.tongban.operations.web;

import org.springframework.stereotype.Component;
import org.tongban.web.StaffMenuContributor;
import org.tongban.web.StaffMenuEntry;

import java.util.List;

/** Platform operations in the staff menu. */
@Component
class OperationsStaffMenu implements StaffMenuContributor {

    @Override
    public List<StaffMenuEntry> staffMenuEntries() {
        return List.of(new StaffMenuEntry("operations.menu.section", "operations.menu.events", "/admin/events",
                "PLATFORM_ADMIN", 900));
    }
}
