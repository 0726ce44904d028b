package org.tongban.cases.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongban.cases.Application;
import org.tongban.cases.Case;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.Inbox;
import org.tongban.cases.Intake;
import org.tongban.cases.SubmittedMaterial;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemVersion;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.shared.Refused;
import org.tongban.shared.Violation;
import org.tongban.web.Pagination;
import org.tongban.web.ViolationMessages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The applicant's pages: applying online for an item (the item's form, each material uploaded, replaced by a
 * commitment or deferred where the item allows, how the result should come back), their cases, and each case's
 * progress. Works without JavaScript: the form posts once with its files; when something is wrong it comes back
 * with every answer kept, files already uploaded kept by reference, and the message beside its field.
 */
@Controller
class ApplicantCasesController {

    private final CaseManagement cases;
    private final CatalogManagement catalog;
    private final CasePageSupport support;
    private final ViolationMessages messages;

    ApplicantCasesController(CaseManagement cases, CatalogManagement catalog, CasePageSupport support,
                             ViolationMessages messages) {
        this.cases = cases;
        this.catalog = catalog;
        this.support = support;
        this.messages = messages;
    }

    /** One material on the form: what the item allows for it and what the applicant has given so far. */
    record MaterialChoice(ItemContent.Material material, boolean needed, @Nullable String reference,
                          @Nullable String fileName, String provision) {
    }

    @GetMapping("/items/{code}/apply")
    String form(@PathVariable String code, Model model) {
        ItemVersion v = inForce(code);
        return render(v, Map.of(), Map.of(), Map.of(), "ELECTRONIC", "", "apply-" + UUID.randomUUID(), Map.of(), model);
    }

    @PostMapping("/items/{code}/apply")
    String submit(@PathVariable String code, MultipartHttpServletRequest request, Model model,
                  RedirectAttributes redirect) throws IOException {
        ItemVersion v = inForce(code);
        Map<String, String> answers = new LinkedHashMap<>();
        v.content().applicationForm().fields().forEach(f -> {
            String value = request.getParameter("form." + f.key());
            if (value != null && !value.isBlank()) {
                answers.put(f.key(), value.strip());
            }
        });
        String key = String.valueOf(request.getParameter("idempotencyKey"));
        String method = String.valueOf(request.getParameter("delivery"));
        String address = request.getParameter("address") == null ? "" : request.getParameter("address").strip();
        Map<String, String> provisions = new LinkedHashMap<>();
        Map<String, String> references = new LinkedHashMap<>();
        Map<String, String> fileNames = new LinkedHashMap<>();
        List<Violation> problems = new ArrayList<>();
        List<SubmittedMaterial> materials = new ArrayList<>();
        for (ItemContent.Material m : v.content().materials()) {
            String provision = String.valueOf(request.getParameter("provision." + m.name()));
            provisions.put(m.name(), provision);
            MultipartFile file = request.getFile("file." + m.name());
            String reference = request.getParameter("ref." + m.name());
            String fileName = request.getParameter("name." + m.name());
            if (file != null && !file.isEmpty()) {
                try {
                    CaseManagement.UploadedFile u = cases.upload("materials." + m.name(), file.getOriginalFilename(), file.getBytes());
                    reference = u.sha256();
                    fileName = u.fileName();
                }
                catch (InvalidInputException e) {
                    problems.addAll(e.violations());
                    reference = null;
                }
            }
            if (reference != null && !reference.isBlank()) {
                references.put(m.name(), reference);
                fileNames.put(m.name(), fileName == null ? m.name() : fileName);
            }
            switch (provision) {
                case "COMMITMENT" -> materials.add(new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.COMMITMENT, null, null));
                case "DEFERRED" -> materials.add(new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.DEFERRED, null, null));
                default -> {
                    if (reference != null && !reference.isBlank()) {
                        materials.add(new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.FILE, reference,
                                fileNames.get(m.name())));
                    }
                }
            }
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Intake.Delivery delivery = delivery(method, address);
            Case c = cases.submit(new Application(code, v.versionNo(), answers, materials, delivery), key).submitted();
            redirect.addFlashAttribute("notice", "case.done.submitted");
            return "redirect:/cases/" + c.number().value();
        }
        catch (InvalidInputException e) {
            List<Violation> all = new ArrayList<>(problems);
            e.violations().stream().filter(x -> !problems.contains(x)).forEach(all::add);
            model.addAttribute("refusal", null);
            return render(v, answers, references, fileNames, method, address, key, messages.byField(all), model);
        }
        catch (Refused e) {
            model.addAttribute("refusal", e.getMessage());
            return render(v, answers, references, fileNames, method, address, key, Map.of(), model);
        }
    }

    private static Intake.Delivery delivery(String method, String address) {
        Intake.Delivery.Method m;
        try {
            m = Intake.Delivery.Method.valueOf(method);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("delivery", "case.delivery-method", "请选择领取结果的方式"));
        }
        if (m == Intake.Delivery.Method.MAIL && address.isBlank()) {
            throw new InvalidInputException(Violation.of("address", "case.delivery-address", "选择邮寄送达时须填写收件地址"));
        }
        if (address.length() > 200) {
            throw new InvalidInputException(Violation.of("address", "case.text-too-long", "地址不能超过 200 个字"));
        }
        return new Intake.Delivery(m, address.isBlank() ? null : address);
    }

    private String render(ItemVersion v, Map<String, String> answers, Map<String, String> references,
                          Map<String, String> fileNames, String delivery, String address, String key,
                          Map<String, String> errors, Model model) {
        List<MaterialChoice> materials = v.content().materials().stream()
                .map(m -> new MaterialChoice(m, !m.replaced(), references.get(m.name()), fileNames.get(m.name()),
                        "FILE"))
                .toList();
        model.addAttribute("version", v);
        model.addAttribute("item", v.content());
        model.addAttribute("answers", answers);
        model.addAttribute("materials", materials);
        model.addAttribute("delivery", delivery);
        model.addAttribute("address", address);
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("errors", errors);
        model.addAttribute("accept", cases.acceptedFileTypes());
        return "cases/apply";
    }

    private ItemVersion inForce(String code) {
        return catalog.inForce(code).orElseThrow(() -> new NotFound("此事项未发布或已取消，不能申请"));
    }

    @GetMapping("/cases")
    String mine(@RequestParam(defaultValue = "1") int page, Model model) {
        Inbox.Page found = cases.mine(page, 20);
        model.addAttribute("rows", found.cases().stream().map(support::row).toList());
        model.addAttribute("dueSoonDays", cases.dueSoonWorkingDays());
        model.addAttribute("pagination", Pagination.of(found.page(), found.more() ? found.page() + 1 : found.page(),
                p -> UriComponentsBuilder.fromPath("/cases").queryParam("page", p).encode().toUriString()));
        return "cases/mine";
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
