package org.tongban.cases.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.cases.Case;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CounterApplication;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.CatalogSearch;
import org.tongban.catalog.ItemVersion;
import org.tongban.catalog.SearchQuery;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountSummary;
import org.tongban.identity.CounterRegistration;
import org.tongban.identity.DepartmentManagement;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.shared.Refused;
import org.tongban.shared.Violation;
import org.tongban.web.ViolationMessages;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 窗口收件 (综合窗口, 帮办代办): the counter clerk finds the applicant by the ID number or credit code on the document
 * in front of them (or registers them, having seen the originals), finds the item, fills in the application with
 * them, with what authorises the clerk and the centre whose counter takes it, and prints the receipt. Any centre
 * takes any item (收受分离): the handling department may be elsewhere. Plain forms, one step per page.
 */
@Controller
@RequestMapping("/staff/counter")
class CounterController {

    private final CaseManagement cases;
    private final AccountManagement accounts;
    private final CatalogManagement catalog;
    private final CatalogSearch search;
    private final DepartmentManagement departments;
    private final ApplicationFormPage form;
    private final ViolationMessages messages;

    CounterController(CaseManagement cases, AccountManagement accounts, CatalogManagement catalog, CatalogSearch search,
                      DepartmentManagement departments, ApplicationFormPage form, ViolationMessages messages) {
        this.cases = cases;
        this.accounts = accounts;
        this.catalog = catalog;
        this.search = search;
        this.departments = departments;
        this.form = form;
        this.messages = messages;
    }

    @GetMapping
    String start(Model model) {
        model.addAttribute("identifier", "");
        model.addAttribute("errors", Map.of());
        return "cases/counter";
    }

    /** Step 1: the applicant by ID number or credit code; nobody found → the registration form, the number kept. */
    @PostMapping("/applicant")
    String find(@RequestParam(defaultValue = "") String identifier, Model model) {
        model.addAttribute("identifier", identifier.strip());
        try {
            var found = accounts.findApplicantAtCounter(identifier);
            if (found.isPresent()) {
                return "redirect:/staff/counter/" + found.get().id();
            }
            model.addAttribute("errors", Map.of());
            model.addAttribute("register", registration(identifier));
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", messages.byField(e.violations()));
        }
        return "cases/counter";
    }

    /** The registration form's answers, kept when it comes back with problems. */
    record Registration(boolean organisation, String identifier, String name, String mobile,
                        String legalRepresentative, String legalRepresentativeIdNumber, boolean documentsSeen) {

        CounterRegistration toRequest() {
            return new CounterRegistration(organisation, identifier, name, mobile, legalRepresentative,
                    legalRepresentativeIdNumber, documentsSeen);
        }
    }

    private static Registration registration(String identifier) {
        String typed = identifier.strip().toUpperCase(java.util.Locale.ROOT);
        return new Registration(!typed.matches("\\d{17}[\\dX]"), typed, "", "", "", "", false);
    }

    @PostMapping("/registration")
    String register(@RequestParam(defaultValue = "false") boolean organisation,
                    @RequestParam(defaultValue = "") String identifier, @RequestParam(defaultValue = "") String name,
                    @RequestParam(defaultValue = "") String mobile,
                    @RequestParam(defaultValue = "") String legalRepresentative,
                    @RequestParam(defaultValue = "") String legalRepresentativeIdNumber,
                    @RequestParam(defaultValue = "false") boolean documentsSeen, Model model,
                    RedirectAttributes redirect) {
        Registration r = new Registration(organisation, identifier.strip(), name.strip(), mobile.strip(),
                legalRepresentative.strip(), legalRepresentativeIdNumber.strip(), documentsSeen);
        try {
            AccountSummary a = accounts.registerAtCounter(r.toRequest());
            redirect.addFlashAttribute("notice", "case.counter.registered");
            return "redirect:/staff/counter/" + a.id();
        }
        catch (InvalidInputException e) {
            model.addAttribute("identifier", r.identifier());
            model.addAttribute("register", r);
            model.addAttribute("errors", messages.byField(e.violations()));
            return "cases/counter";
        }
    }

    /** Step 2: the applicant found, and the item to apply for, by name or code. */
    @GetMapping("/{accountId}")
    String applicant(@PathVariable UUID accountId, @RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("applicant", applicant(accountId));
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("errors", Map.of());
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("hits", search.search(new SearchQuery(q, null, null, null, 1, 10)).hits());
            }
            catch (InvalidInputException e) {
                model.addAttribute("errors", messages.byField(e.violations()));
            }
        }
        return "cases/counter-applicant";
    }

    private AccountSummary applicant(UUID accountId) {
        return accounts.applicantAtCounter(accountId).orElseThrow(() -> new NotFound("没有这个申请人账号"));
    }

    /** Step 3: the application, filled in with the applicant. */
    @GetMapping("/{accountId}/items/{code}")
    String applicationForm(@PathVariable UUID accountId, @PathVariable String code, Model model) {
        ItemVersion v = inForce(code);
        form.show(v, ApplicationFormPage.Filled.empty("counter-" + UUID.randomUUID(), "PICK_UP"),
                cases.heldMaterialsAtCounter(accountId, code), Map.of(), model);
        return page(accountId, v, Map.of("kind", "APPLICANT_IN_PERSON"), null, model);
    }

    @PostMapping("/{accountId}/items/{code}")
    String submit(@PathVariable UUID accountId, @PathVariable String code, MultipartHttpServletRequest request,
                  Model model, RedirectAttributes redirect) throws IOException {
        ItemVersion v = inForce(code);
        ApplicationFormPage.Filled filled = form.read(v, request, true);
        Map<String, String> authority = new LinkedHashMap<>();
        for (String p : List.of("kind", "agentName", "agentIdNumber")) {
            authority.put(p, request.getParameter(p) == null ? "" : request.getParameter(p).strip());
        }
        String centre = request.getParameter("acceptingCentre") == null ? "" : request.getParameter("acceptingCentre");
        try {
            CounterApplication counter = new CounterApplication(accountId, filled.application(v), centre,
                    new CounterApplication.Authorisation(kind(authority.get("kind")), authority.get("agentName"),
                            authority.get("agentIdNumber")));
            Case c = cases.submitAtCounter(counter, filled.idempotencyKey()).submitted();
            redirect.addFlashAttribute("notice", "case.done.counter");
            return "redirect:/staff/cases/" + c.number().value();
        }
        catch (InvalidInputException e) {
            form.show(v, filled, cases.heldMaterialsAtCounter(accountId, code), messages.byField(e.violations()), model);
        }
        catch (Refused e) {
            model.addAttribute("refusal", e.getMessage());
            form.show(v, filled, cases.heldMaterialsAtCounter(accountId, code), Map.of(), model);
        }
        return page(accountId, v, authority, centre, model);
    }

    private static CounterApplication.Authorisation.Kind kind(String kind) {
        try {
            return CounterApplication.Authorisation.Kind.valueOf(kind);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("kind", "case.counter.authorisation", "请选择办理人身份"));
        }
    }

    private String page(UUID accountId, ItemVersion v, Map<String, String> authority, @Nullable String centre,
                        Model model) {
        model.addAttribute("applicant", applicant(accountId));
        model.addAttribute("authority", authority);
        model.addAttribute("kinds", CounterApplication.Authorisation.Kind.values());
        model.addAttribute("centres", departments.serviceCentres());
        model.addAttribute("centre", centre);
        model.addAttribute("handlingDepartment", departments.byCreditCode(v.content().departmentCreditCode())
                .map(d -> d.name()).orElse(null));
        return "cases/counter-apply";
    }

    private ItemVersion inForce(String code) {
        return catalog.inForce(code).orElseThrow(() -> new NotFound("此事项未发布或已取消，不能申请"));
    }
}
