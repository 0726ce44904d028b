package org.tongban.cases.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.tongban.cases.Application;
import org.tongban.cases.CaseDrafts;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.Intake;
import org.tongban.cases.MaterialSources;
import org.tongban.cases.SubmittedMaterial;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemVersion;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application form as both the applicant (online) and the counter clerk (窗口收件) fill it in: the item's
 * questions, each material uploaded, replaced by a commitment or deferred where the item allows (at the counter
 * also an original seen at the window), and how the result comes back. Works without JavaScript: the form posts
 * once with its files; when something is wrong it comes back with every answer and choice kept, files already
 * uploaded kept by reference, and each message beside its field.
 */
@Component
class ApplicationFormPage {

    /** The value of a provision radio that attaches a held licence or record: this prefix and its reference. */
    static final String BY_REFERENCE = "REF:";

    private final CaseManagement cases;

    ApplicationFormPage(CaseManagement cases) {
        this.cases = cases;
    }

    /** One material on the form: what the item allows for it and what has been given so far. */
    record MaterialChoice(ItemContent.Material material, boolean needed, @Nullable String reference,
                          @Nullable String fileName, String provision, List<MaterialSources.HeldMaterial> offers) {
    }

    /** What a posted form said, read whether or not it is right: to submit, or to show again with its problems. */
    record Filled(Map<String, String> answers, Map<String, String> provisions, Map<String, String> references,
                  Map<String, String> fileNames, List<SubmittedMaterial> materials, String delivery, String address,
                  String idempotencyKey, List<Violation> problems) {

        /** The application, or every problem found so far (uploads refused, the delivery) at once. */
        Application application(ItemVersion v) {
            List<Violation> all = new ArrayList<>(problems);
            Intake.Delivery d = null;
            try {
                d = ApplicationFormPage.delivery(delivery, address);
            }
            catch (InvalidInputException e) {
                all.addAll(e.violations());
            }
            if (!all.isEmpty()) {
                throw new InvalidInputException(all);
            }
            return new Application(v.itemCode(), v.versionNo(), answers, materials, d);
        }

        static Filled empty(String key, String delivery) {
            return new Filled(Map.of(), Map.of(), Map.of(), Map.of(), List.of(), delivery, "", key, List.of());
        }

        /** A saved draft, to go on filling in: the answers, each material as chosen, files already uploaded. */
        static Filled of(CaseDrafts.Draft draft, String key, String delivery) {
            Map<String, String> provisions = new LinkedHashMap<>();
            Map<String, String> references = new LinkedHashMap<>();
            Map<String, String> fileNames = new LinkedHashMap<>();
            for (SubmittedMaterial m : draft.materials()) {
                provisions.put(m.name(), m.provision() == SubmittedMaterial.Provision.BY_REFERENCE
                        ? BY_REFERENCE + m.reference() : m.provision().name());
                if (m.provision() == SubmittedMaterial.Provision.FILE && m.reference() != null) {
                    references.put(m.name(), m.reference());
                    fileNames.put(m.name(), m.fileName() == null ? m.name() : m.fileName());
                }
            }
            return new Filled(draft.form(), provisions, references, fileNames, draft.materials(), delivery, "", key,
                    List.of());
        }
    }

    /** Reads the form, storing each file uploaded with it (a refused file becomes a problem beside its material). */
    Filled read(ItemVersion v, MultipartHttpServletRequest request, boolean counter) throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        v.content().applicationForm().fields().forEach(f -> {
            String value = request.getParameter("form." + f.key());
            if (value != null && !value.isBlank()) {
                answers.put(f.key(), value.strip());
            }
        });
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
                    CaseManagement.UploadedFile u = cases.upload("materials." + m.name(), file.getOriginalFilename(),
                            file.getBytes());
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
            if (provision.startsWith(BY_REFERENCE)) {
                materials.add(new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.BY_REFERENCE,
                        provision.substring(BY_REFERENCE.length()), null));
                continue;
            }
            switch (provision) {
                case "COMMITMENT" -> materials.add(new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.COMMITMENT, null, null));
                case "DEFERRED" -> materials.add(new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.DEFERRED, null, null));
                case "PAPER" -> {
                    if (counter) {
                        materials.add(new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.PAPER, null, null));
                    }
                }
                default -> {
                    if (reference != null && !reference.isBlank()) {
                        materials.add(new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.FILE, reference,
                                fileNames.get(m.name())));
                    }
                }
            }
        }
        String address = request.getParameter("address") == null ? "" : request.getParameter("address").strip();
        return new Filled(answers, provisions, references, fileNames, materials,
                String.valueOf(request.getParameter("delivery")), address,
                String.valueOf(request.getParameter("idempotencyKey")), problems);
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

    /**
     * Puts the form, as filled so far, on the model for the {@code cases/application-form} fragments. A material
     * the applicant holds a licence or shared record for offers it first (免提交), chosen unless they chose otherwise.
     *
     * @param held what the applicant holds for each material, by name ({@link CaseManagement#heldMaterials})
     */
    void show(ItemVersion v, Filled filled, Map<String, List<MaterialSources.HeldMaterial>> held,
              Map<String, String> errors, Model model) {
        List<MaterialChoice> materials = v.content().materials().stream()
                .map(m -> {
                    List<MaterialSources.HeldMaterial> offers = held.getOrDefault(m.name(), List.of());
                    String chosen = filled.provisions().getOrDefault(m.name(),
                            offers.isEmpty() ? "FILE" : BY_REFERENCE + offers.getFirst().reference());
                    return new MaterialChoice(m, !m.replaced() || !offers.isEmpty(), filled.references().get(m.name()),
                            filled.fileNames().get(m.name()), chosen, offers);
                })
                .toList();
        model.addAttribute("version", v);
        model.addAttribute("item", v.content());
        model.addAttribute("answers", filled.answers());
        model.addAttribute("materials", materials);
        model.addAttribute("delivery", filled.delivery());
        model.addAttribute("address", filled.address());
        model.addAttribute("idempotencyKey", filled.idempotencyKey());
        model.addAttribute("errors", errors);
        model.addAttribute("accept", cases.acceptedFileTypes());
    }
}
