package org.tongban.calendar.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.jspecify.annotations.Nullable;
import org.tongban.calendar.CalendarManagement;
import org.tongban.shared.HolidaySchedule;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;
import org.tongban.web.ViolationMessages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
        return "calendar/years";
    }

    @PostMapping
    String importYear(@RequestParam(required = false) @Nullable MultipartFile file, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException(Violation.of("file", "calendar.file.required", "请选择节假日安排文件（JSON）"));
            }
            HolidaySchedule imported = calendars.importYear(new String(file.getBytes(), StandardCharsets.UTF_8));
            // A string, so that the message reads 2027 年 and not 2,027 年.
            model.addAttribute("imported", String.valueOf(imported.year()));
        } catch (InvalidInputException e) {
            model.addAttribute("error", messages.fieldErrors(e.violations()).getFirst().get("message"));
        }
        model.addAttribute("years", calendars.years());
        return "calendar/years";
    }
}
