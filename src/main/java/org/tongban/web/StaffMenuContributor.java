package org.tongban.web;

import java.util.List;

/**
 * How a module puts its tasks into the staff shell's left menu without the web module knowing the module: declare a
 * bean implementing this interface. The shell collects every contributor on each staff page, keeps the entries
 * whose role the signed-in user has, groups them by section and marks the one for the current page.
 *
 * <pre>{@code
 * @Component
 * class CaseMenu implements StaffMenuContributor {
 *     public List<StaffMenuEntry> staffMenuEntries() {
 *         return List.of(new StaffMenuEntry("cases.menu.section", "cases.menu.inbox", "/staff/cases/inbox", "CLERK", 10));
 *     }
 * }
 * }</pre>
 */
public interface StaffMenuContributor {

    List<StaffMenuEntry> staffMenuEntries();
}
