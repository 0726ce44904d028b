package org.tongban.cases.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongban.cases.Case;
import org.tongban.cases.CaseDrafts;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseNotifications;
import org.tongban.cases.Inbox;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemVersion;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.shared.Refused;
import org.tongban.web.Pagination;
import org.tongban.web.ViolationMessages;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * The applicant's pages: applying online for an item (the {@link ApplicationFormPage}), their cases, and each
 * case's progress.
 */
@Controller
class ApplicantCasesController {

    private final CaseManagement cases;
    private final CatalogManagement catalog;
    private final CasePageSupport support;
    private final ViolationMessages messages;
    private final ApplicationFormPage form;
    private final CaseNotifications notifications;
    private final CaseDrafts drafts;
    private final java.time.Clock clock;

    ApplicantCasesController(CaseManagement cases, CatalogManagement catalog, CasePageSupport support,
                             ViolationMessages messages, ApplicationFormPage form, CaseNotifications notifications,
                             java.time.Clock clock, CaseDrafts drafts) {
        this.drafts = drafts;
        this.clock = clock;
        this.notifications = notifications;
        this.form = form;
        this.cases = cases;
        this.catalog = catalog;
        this.support = support;
        this.messages = messages;
    }

    @GetMapping("/items/{code}/apply")
    String form(@PathVariable String code, @RequestParam(required = false) @Nullable UUID draft, Model model) {
        ItemVersion v = inForce(code);
        String key = "apply-" + UUID.randomUUID();
        ApplicationFormPage.Filled filled = ApplicationFormPage.Filled.empty(key, "ELECTRONIC");
        if (draft != null) {
            CaseDrafts.Draft saved = drafts.open(draft);
            if (!saved.itemCode().equals(code)) {
                throw new NotFound("没有找到这份草稿");
            }
            filled = ApplicationFormPage.Filled.of(saved, key, "ELECTRONIC");
            model.addAttribute("draftId", draft);
        }
        form.show(v, filled, cases.heldMaterials(code), Map.of(), model);
        return "cases/apply";
    }

    @PostMapping("/items/{code}/apply")
    String submit(@PathVariable String code, MultipartHttpServletRequest request, Model model,
                  RedirectAttributes redirect) throws IOException {
        ItemVersion v = inForce(code);
        ApplicationFormPage.Filled filled = form.read(v, request, false);
        UUID draft = draftId(request.getParameter("draft"));
        model.addAttribute("draftId", draft);
        try {
            if ("draft".equals(request.getParameter("action"))) {
                drafts.save(draft, code, filled.answers(), filled.materials());
                redirect.addFlashAttribute("notice", "case.draft.saved");
                return "redirect:/cases";
            }
            Case c = cases.submit(filled.application(v), filled.idempotencyKey()).submitted();
            if (draft != null) {
                drafts.discard(draft);
            }
            redirect.addFlashAttribute("notice", "case.done.submitted");
            return "redirect:/cases/" + c.number().value();
        }
        catch (InvalidInputException e) {
            form.show(v, filled, cases.heldMaterials(code), messages.byField(e.violations()), model);
        }
        catch (Refused e) {
            model.addAttribute("refusal", e.getMessage());
            form.show(v, filled, cases.heldMaterials(code), Map.of(), model);
        }
        return "cases/apply";
    }

    private static @Nullable UUID draftId(@Nullable String typed) {
        try {
            return typed == null || typed.isBlank() ? null : UUID.fromString(typed);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/cases/drafts/{id}/deletion")
    String discard(@PathVariable UUID id, RedirectAttributes redirect) {
        drafts.discard(id);
        redirect.addFlashAttribute("notice", "case.draft.discarded");
        return "redirect:/cases";
    }

    private ItemVersion inForce(String code) {
        return catalog.inForce(code).orElseThrow(() -> new NotFound("此事项未发布或已取消，不能申请"));
    }

    @GetMapping("/cases")
    String mine(@RequestParam(defaultValue = "1") int page, Model model) {
        Inbox.Page found = cases.mine(page, 20);
        model.addAttribute("rows", found.cases().stream().map(support::row).toList());
        model.addAttribute("dueSoonDays", cases.dueSoonWorkingDays());
        model.addAttribute("unread", notifications.unread());
        model.addAttribute("drafts", drafts.mine());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("pagination", Pagination.of(found.page(), found.more() ? found.page() + 1 : found.page(),
                p -> UriComponentsBuilder.fromPath("/cases").queryParam("page", p).encode().toUriString()));
        return "cases/mine";
    }

    /** 我的消息: the notices of every milestone, newest first; reading them marks them read. */
    @GetMapping("/cases/messages")
    String messages(@RequestParam(defaultValue = "1") int page, Model model) {
        CaseNotifications.Page found = notifications.mine(page, 20);
        model.addAttribute("notifications", found.notifications());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("pagination", Pagination.of(found.page(), found.more() ? found.page() + 1 : found.page(),
                p -> UriComponentsBuilder.fromPath("/cases/messages").queryParam("page", p).encode().toUriString()));
        return "cases/messages";
    }

    @GetMapping("/cases/{number}")
    String show(@PathVariable String number, Model model) {
        Case c = cases.view(CaseApi.parse(number));
        support.describe(c, model);
        model.addAttribute("timeline", support.timeline(cases.progress(c.number()), c));
        return "cases/applicant-case";
    }

    @GetMapping("/cases/{number}/files/{sha256}")
    org.springframework.http.ResponseEntity<byte[]> file(@PathVariable String number, @PathVariable String sha256) {
        return support.file(cases.materialFile(CaseApi.parse(number), sha256));
    }

    @PostMapping("/cases/{number}/withdrawal")
    String withdraw(@PathVariable String number, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return support.act("/cases/", number, "withdrawal", () -> cases.withdraw(CaseApi.parse(number), reason), redirect);
    }
}
