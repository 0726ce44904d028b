package org.tongban.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseNumber;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.Refused;

import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The public progress lookup (办件进度查询) that the receipt's QR code opens: the case number (filled in from the code)
 * and the last four digits of the applicant's mobile. A plain GET form, so it works without JavaScript.
 */
@Controller
class ProgressLookupController {

    private final CaseManagement cases;

    ProgressLookupController(CaseManagement cases) {
        this.cases = cases;
    }

    /** One step for the page: what happened, in the city's time. */
    record Shown(String event, LocalDateTime at) {
    }

    @GetMapping("/progress")
    String lookup(@RequestParam(required = false) @Nullable String number,
                  @RequestParam(required = false) @Nullable String tail, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        model.addAttribute("number", number == null ? "" : number.strip());
        model.addAttribute("tail", "");
        if (number == null || number.isBlank()) {
            return "cases/progress";
        }
        CaseNumber parsed;
        try {
            parsed = CaseNumber.parse(number);
        }
        catch (InvalidValueException e) {
            model.addAttribute("numberError", e.getMessage());
            return "cases/progress";
        }
        if (tail == null || !tail.strip().matches("\\d{4}")) {
            model.addAttribute("tailError", "请输入申请时所留手机号码的后四位数字");
            return "cases/progress";
        }
        try {
            cases.publicProgress(parsed, tail.strip(), request.getRemoteAddr()).ifPresentOrElse(p -> {
                model.addAttribute("progress", p);
                model.addAttribute("steps", p.steps().stream()
                        .map(s -> new Shown(s.event(), LocalDateTime.ofInstant(s.at(), ZoneId.of("Asia/Shanghai")))).toList());
            }, () -> model.addAttribute("notFound", true));
        }
        catch (Refused e) {
            // Both limits on guessing (per number, per address) say to come back later.
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("refusal", e.getMessage());
        }
        return "cases/progress";
    }
}
