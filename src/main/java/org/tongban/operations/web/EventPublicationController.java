package org.tongban.operations.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.operations.EventPublicationManagement;

import java.util.UUID;

/** Incomplete event publications (未完成的事件处理) and their resubmission, for platform administrators. */
@Controller
@RequestMapping("/admin/events")
class EventPublicationController {

    private final EventPublicationManagement publications;

    EventPublicationController(EventPublicationManagement publications) {
        this.publications = publications;
    }

    @GetMapping
    String page(@RequestParam(required = false) @Nullable Integer resubmitted, Model model) {
        model.addAttribute("publications", publications.stale());
        model.addAttribute("staleAfterMinutes", Math.max(1, publications.staleAfter().toMinutes()));
        model.addAttribute("resubmitted", resubmitted);
        return "operations/events";
    }

    @PostMapping("/resubmission")
    String resubmitAll(RedirectAttributes redirect) {
        redirect.addAttribute("resubmitted", publications.resubmitStale());
        return "redirect:/admin/events";
    }

    @PostMapping("/{id}/resubmission")
    String resubmit(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addAttribute("resubmitted", publications.resubmit(id) ? 1 : 0);
        return "redirect:/admin/events";
    }
}
