package org.tongban.catalog.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.web.ViolationMessages;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemVersion;
import org.tongban.catalog.VersionStatus;
import org.tongban.identity.DepartmentManagement;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.shared.Refused;

import java.util.List;

/**
 * Legal review (合法性审查): the queue of submitted versions, each shown as the public will read it together with
 * what changed since the version in force, and the decision: publish, or return with reasons.
 */
@Controller
@RequestMapping("/admin/review")
class LegalReviewController {

    private final CatalogManagement catalog;
    private final DepartmentManagement departments;
    private final ViolationMessages messages;
    private final ChangeLabels changeLabels;

    LegalReviewController(CatalogManagement catalog, DepartmentManagement departments, ViolationMessages messages,
                          ChangeLabels changeLabels) {
        this.changeLabels = changeLabels;
        this.catalog = catalog;
        this.departments = departments;
        this.messages = messages;
    }

    @GetMapping
    String queue(Model model) {
        model.addAttribute("submitted", catalog.awaitingReview());
        model.addAttribute("departments", departments.allById());
        return "catalog/admin/review-queue";
    }

    @GetMapping("/{code}")
    String review(@PathVariable String code, Model model) {
        ItemVersion submitted = catalog.history(code).stream().filter(v -> v.status() == VersionStatus.SUBMITTED)
                .findFirst().orElseThrow(() -> new NotFound("此事项没有待审核的版本"));
        ItemVersion previous = catalog.history(code).stream()
                .filter(v -> v.status() == VersionStatus.PUBLISHED && v.versionNo() < submitted.versionNo())
                .findFirst().orElse(null);
        model.addAttribute("version", submitted);
        model.addAttribute("item", submitted.content());
        model.addAttribute("department", departments.byCreditCode(submitted.content().departmentCreditCode()).orElse(null));
        model.addAttribute("previous", previous);
        model.addAttribute("changes", previous == null ? List.of()
                : changeLabels.rows(catalog.changes(code, previous.versionNo(), submitted.versionNo())));
        return "catalog/admin/review";
    }

    @PostMapping("/{code}/publication")
    String publish(@PathVariable String code, @RequestParam(required = false) @Nullable String comment,
                   RedirectAttributes redirect) {
        return decide(code, () -> catalog.publish(code, comment), "catalog.review.published", redirect);
    }

    @PostMapping("/{code}/return")
    String returnForChanges(@PathVariable String code, @RequestParam(defaultValue = "") String reasons,
                            RedirectAttributes redirect) {
        return decide(code, () -> catalog.returnForChanges(code, reasons), "catalog.review.returned", redirect);
    }

    /** Back to the queue with what was decided, or back to the version with why it was refused. */
    private String decide(String code, java.util.function.Supplier<ItemVersion> decision, String notice,
                          RedirectAttributes redirect) {
        try {
            ItemVersion decided = decision.get();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeItem", decided.content().name());
            return "redirect:/admin/review";
        } catch (Refused e) {
            redirect.addFlashAttribute("refusal", e.getMessage());
            return "redirect:/admin/review/" + code;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("refusal", String.join("；", messages.byField(e.violations()).values()));
            return "redirect:/admin/review/" + code;
        }
    }
}
