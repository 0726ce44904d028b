package org.tongban.web;

import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.shared.CalendarManagement;
import org.tongban.shared.HolidaySchedule;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The working-day calendar (工作日历) for platform administrators: which years are published, and the import of
 * a new year when the State Council publishes its holiday notice.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    private final CalendarManagement calendars;
    private final ViolationMessages messages;

    CalendarAdminController(CalendarManagement calendars, ViolationMessages messages) {
        this.calendars = calendars;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("years", calendars.years());
        return "admin/calendar";
    }

    @PostMapping
    String importYear(@RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException(Violation.of("file", "calendar.file.required", "请选择节假日安排文件（JSON）"));
            }
            HolidaySchedule imported = calendars.importYear(new String(file.getBytes(), StandardCharsets.UTF_8));
            model.addAttribute("imported", imported.year());
        } catch (InvalidInputException e) {
            model.addAttribute("error", messages.fieldErrors(e.violations()).getFirst().get("message"));
        }
        model.addAttribute("years", calendars.years());
        return "admin/calendar";
    }

    @Component
    static class Menu implements StaffMenuContributor {
        @Override
        public List<StaffMenuEntry> staffMenuEntries() {
            return List.of(new StaffMenuEntry("admin.menu.section", "admin.menu.calendar", "/admin/calendar",
                    "PLATFORM_ADMIN", 900));
        }
    }
}
