package org.tongban.cases.web;

import org.springframework.stereotype.Component;
import org.tongban.web.StaffMenuContributor;
import org.tongban.web.StaffMenuEntry;

import java.util.List;

/** The cases' entries in the staff menu: the inbox for the counter, reviewers and heads. */
@Component
class CasesStaffMenu implements StaffMenuContributor {

    private static final String SECTION = "case.menu.section";

    @Override
    public List<StaffMenuEntry> staffMenuEntries() {
        return List.of(
                new StaffMenuEntry(SECTION, "case.menu.intake", "/staff/counter", "WINDOW_CLERK", 9),
                new StaffMenuEntry(SECTION, "case.menu.counter", "/staff/cases", "WINDOW_CLERK", 10),
                new StaffMenuEntry(SECTION, "case.menu.inbox", "/staff/cases", "DEPARTMENT_REVIEWER", 11),
                new StaffMenuEntry(SECTION, "case.menu.approvals", "/staff/cases", "DEPARTMENT_HEAD", 12));
    }
}
