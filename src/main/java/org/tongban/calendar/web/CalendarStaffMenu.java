package org.tongban.calendar.web;

import org.springframework.stereotype.Component;
import org.tongban.web.StaffMenuContributor;
import org.tongban.web.StaffMenuEntry;

import java.util.List;

/**
 * The calendar's task in the staff menu, under the platform administration heading ({@code admin.menu.section})
 * beside accounts and departments, where administrators looked for it before it had a module of its own.
 */
@Component
class CalendarStaffMenu implements StaffMenuContributor {

    @Override
    public List<StaffMenuEntry> staffMenuEntries() {
        return List.of(new StaffMenuEntry("admin.menu.section", "calendar.menu", "/admin/calendar", "PLATFORM_ADMIN", 900));
    }
}
