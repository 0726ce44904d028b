package org.tongban.cases.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongban.cases.Case;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseNumber;
import org.tongban.cases.Correction;
import org.tongban.cases.Inbox;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountPrincipal;
import org.tongban.identity.DepartmentManagement;
import org.tongban.web.Pagination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff desk for cases: the inbox (待办) by view, and one page per case with the acts its state and the
 * signed-in role allow, each a plain form that posts, changes the case through {@link CaseManagement} and comes
 * back to the case with what happened or why it was refused.
 */
@Controller
@RequestMapping("/staff/cases")
class StaffCasesController {

    private final CaseManagement cases;
    private final DepartmentManagement departments;
    private final CasePageSupport support;

    StaffCasesController(CaseManagement cases, DepartmentManagement departments, CasePageSupport support) {
        this.cases = cases;
        this.departments = departments;
        this.support = support;
    }

    @GetMapping
    String inbox(@RequestParam(defaultValue = "ALL") Inbox.View view, @RequestParam(required = false) @Nullable String item,
                 @RequestParam(defaultValue = "1") int page, Model model) {
        Inbox.Page found = cases.inbox(new Inbox(view, item == null || item.isBlank() ? null : item), page, 20);
        model.addAttribute("view", view);
        model.addAttribute("dueSoonDays", cases.dueSoonWorkingDays());
        model.addAttribute("views", Inbox.View.values());
        model.addAttribute("page", found);
        model.addAttribute("rows", found.cases().stream().map(s -> support.row(s, view)).toList());
        model.addAttribute("pagination", Pagination.of(found.page(), found.more() ? found.page() + 1 : found.page(),
                p -> UriComponentsBuilder.fromPath("/staff/cases").queryParam("view", view).queryParam("page", p)
                        .encode().toUriString()));
        return "cases/inbox";
    }

    @GetMapping("/{number}")
    String show(@PathVariable String number, Model model) {
        Case c = cases.view(CaseApi.parse(number));
        AccountPrincipal who = AccountManagement.currentPrincipal().orElseThrow();
        support.describe(c, model);
        model.addAttribute("department", departments.byId(c.terms().handlingDepartmentId()).orElse(null));
        model.addAttribute("actions", StaffActions.of(c, who));
        model.addAttribute("timeline", support.timeline(cases.progress(c.number()), c));
        return "cases/staff-case";
    }

    /** A material's file, shown inline when it is a PDF or an image (the browser's own viewer). */
    @GetMapping("/{number}/files/{sha256}")
    org.springframework.http.ResponseEntity<byte[]> file(@PathVariable String number, @PathVariable String sha256) {
        return support.file(cases.materialFile(CaseApi.parse(number), sha256));
    }

    @GetMapping("/{number}/audit")
    String audit(@PathVariable String number, Model model) {
        CaseNumber n = CaseApi.parse(number);
        model.addAttribute("c", cases.view(n));
        org.tongban.cases.AuditTrail trail = cases.audit(n);
        model.addAttribute("trail", trail);
        model.addAttribute("times", trail.entries().stream()
                .map(e -> java.time.LocalDateTime.ofInstant(e.occurredAt(), java.time.ZoneId.of("Asia/Shanghai"))).toList());
        return "cases/audit";
    }

    @PostMapping("/{number}/acceptance")
    String accept(@PathVariable String number, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Map<String, LocalDate> due = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("due.") && !v.isBlank()) {
                due.put(k.substring(4), support.date("deferredDue." + k.substring(4), v));
            }
        });
        return act(number, "acceptance", () -> cases.accept(CaseApi.parse(number), due), redirect);
    }

    @PostMapping("/{number}/refusal")
    String refuse(@PathVariable String number, @RequestParam(defaultValue = "") String reasons, RedirectAttributes redirect) {
        return act(number, "refusal", () -> cases.refuseToAccept(CaseApi.parse(number), reasons), redirect);
    }

    /** The correction notice: each ticked material with what is wrong with it, all on one notice. */
    @PostMapping("/{number}/corrections")
    String corrections(@PathVariable String number, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        List<Correction.Item> items = new ArrayList<>();
        params.forEach((k, v) -> {
            if (k.startsWith("problem.") && !v.isBlank()) {
                items.add(new Correction.Item(k.substring(8), v.strip()));
            }
        });
        return act(number, "corrections", () -> cases.requestCorrection(CaseApi.parse(number), items), redirect);
    }

    @PostMapping("/{number}/claim")
    String claim(@PathVariable String number, RedirectAttributes redirect) {
        return act(number, "claim", () -> cases.claim(CaseApi.parse(number)), redirect);
    }

    @PostMapping("/{number}/steps/{step}/completion")
    String completeStep(@PathVariable String number, @PathVariable int step, @RequestParam(defaultValue = "") String opinion,
                        RedirectAttributes redirect) {
        return act(number, "completeStep", () -> cases.completeStep(CaseApi.parse(number), step, opinion), redirect);
    }

    @PostMapping("/{number}/return")
    String returnToStep(@PathVariable String number, @RequestParam(defaultValue = "-1") int toStep,
                        @RequestParam(defaultValue = "") String opinion, RedirectAttributes redirect) {
        return act(number, "return", () -> cases.returnToStep(CaseApi.parse(number), toStep, opinion), redirect);
    }

    @PostMapping("/{number}/suspension")
    String suspend(@PathVariable String number, @RequestParam(defaultValue = "") String procedure,
                   @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(number, "suspension", () -> cases.suspend(CaseApi.parse(number), procedure, reason), redirect);
    }

    @PostMapping("/{number}/resumption")
    String resume(@PathVariable String number, @RequestParam(defaultValue = "") String result, RedirectAttributes redirect) {
        return act(number, "resumption", () -> cases.resume(CaseApi.parse(number), result), redirect);
    }

    @PostMapping("/{number}/extension")
    String extend(@PathVariable String number, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(number, "extension", () -> cases.extend(CaseApi.parse(number), reason), redirect);
    }

    @PostMapping("/{number}/deferred-materials")
    String receive(@PathVariable String number, @RequestParam(defaultValue = "") String material, RedirectAttributes redirect) {
        return act(number, "deferred", () -> cases.receiveDeferredMaterial(CaseApi.parse(number), material), redirect);
    }

    @PostMapping("/{number}/approval")
    String approve(@PathVariable String number, @RequestParam(defaultValue = "") String opinion, RedirectAttributes redirect) {
        return act(number, "approval", () -> cases.approve(CaseApi.parse(number), opinion), redirect);
    }

    @PostMapping("/{number}/rejection")
    String reject(@PathVariable String number, @RequestParam(defaultValue = "") String reasons,
                  @RequestParam(defaultValue = "") String legalBasis, RedirectAttributes redirect) {
        return act(number, "rejection", () -> cases.reject(CaseApi.parse(number), reasons, legalBasis), redirect);
    }

    @PostMapping("/{number}/completion")
    String complete(@PathVariable String number, RedirectAttributes redirect) {
        return act(number, "completion", () -> cases.complete(CaseApi.parse(number)), redirect);
    }

    @PostMapping("/{number}/commitment-check")
    String checkCommitment(@PathVariable String number, @RequestParam(defaultValue = "") String truthful,
                           @RequestParam(defaultValue = "") String finding, RedirectAttributes redirect) {
        return act(number, "commitment-check", () -> cases.checkCommitment(CaseApi.parse(number),
                "true".equals(truthful), finding), redirect);
    }

    @PostMapping("/{number}/revocation")
    String revoke(@PathVariable String number, @RequestParam(defaultValue = "") String reasons, RedirectAttributes redirect) {
        return act(number, "revocation", () -> cases.revoke(CaseApi.parse(number), reasons), redirect);
    }

    private String act(String number, String action, java.util.function.Supplier<Case> act, RedirectAttributes redirect) {
        return support.act("/staff/cases/", number, action, act, redirect);
    }
}
