package org.tongban.catalog.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.catalog.ApprovalCondition;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.FormField;
import org.tongban.catalog.SharedDictionary;
import org.tongban.catalog.VerifiedFact;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemVersion;
import org.tongban.catalog.Theme;
import org.tongban.catalog.Upload;
import org.tongban.catalog.VersionTransitionRefused;
import org.tongban.catalog.VersionStatus;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountPrincipal;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.shared.Violation;
import org.tongban.web.ViolationMessages;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Catalogue administration (事项管理): the list of items, writing a new item or a new version, and submitting it
 * for legal review. Lists in the form grow and shrink with submit buttons, so it works without JavaScript.
 */
@Controller
@RequestMapping("/admin/catalogue")
class ItemAdminController {

    private final CatalogManagement catalog;
    private final DepartmentManagement departments;
    private final ViolationMessages messages;
    private final java.time.Clock clock;
    private final MessageSource messageSource;
    private final ChangeLabels changeLabels;

    ItemAdminController(CatalogManagement catalog, DepartmentManagement departments, ViolationMessages messages,
                        java.time.Clock clock, MessageSource messageSource, ChangeLabels changeLabels) {
        this.messageSource = messageSource;
        this.changeLabels = changeLabels;
        this.catalog = catalog;
        this.departments = departments;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("items", catalog.administeredItems(q, 200, 0));
        model.addAttribute("departments", departments.allById());
        return "catalog/admin/list";
    }

    @GetMapping("/new")
    String newItem(Model model) {
        ItemForm form = new ItemForm();
        AccountManagement.currentPrincipal().map(AccountPrincipal::departmentId)
                .flatMap(departments::byId).ifPresent(d -> form.setDepartmentCreditCode(d.creditCode()));
        return form(model, form, null);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") ItemForm form, BindingResult binding,
                  @RequestParam(required = false) @Nullable String addRow,
                  @RequestParam(required = false) @Nullable String removeRow,
                  @RequestParam(required = false) @Nullable String moveRowUp, Model model,
                  RedirectAttributes redirect) {
        if (changeRows(form, addRow, removeRow, moveRowUp)) {
            return form(model, form, null);
        }
        try {
            // The uploads first: checking them puts their names and hashes into the form's materials.
            List<Upload> uploads = uploads(form);
            ItemVersion created = catalog.createItem(form.toContent(), uploads);
            redirect.addFlashAttribute("notice", "catalog.admin.created");
            return "redirect:/admin/catalogue/" + created.itemCode();
        } catch (InvalidInputException e) {
            messages.bind(binding, e.violations());
            return form(model, form, null);
        }
    }

    @GetMapping("/{code}")
    String item(@PathVariable String code, Model model) {
        List<ItemVersion> history = catalog.history(code);
        if (history.isEmpty()) {
            throw new NotFound("没有实施编码为 " + code + " 的事项");
        }
        model.addAttribute("code", code);
        model.addAttribute("history", history);
        model.addAttribute("latest", history.getFirst());
        model.addAttribute("inForce", catalog.inForce(code).orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        return "catalog/admin/item";
    }

    /** Opens a version to work on: the one in progress, or a new draft copied from the latest published one. */
    @PostMapping("/{code}/draft")
    String openDraft(@PathVariable String code) {
        catalog.openDraft(code);
        return "redirect:/admin/catalogue/" + code + "/edit";
    }

    @GetMapping("/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        ItemVersion open = catalog.history(code).stream().filter(v -> v.status().open()).findFirst()
                .orElseThrow(() -> new NotFound("此事项没有正在编辑的版本，请先创建新版本"));
        if (open.status() == VersionStatus.SUBMITTED || open.withdrawal()) {
            // Nothing to edit: it awaits review, or it is a withdrawal request (submitted or given up on its page).
            return "redirect:/admin/catalogue/" + code;
        }
        ItemForm form = ItemForm.of(open.content());
        form.setChangeNote(open.changeNote() == null ? "" : open.changeNote());
        return form(model, form, open);
    }

    @PostMapping("/{code}/edit")
    String update(@PathVariable String code, @ModelAttribute("form") ItemForm form, BindingResult binding,
                  @RequestParam(required = false) @Nullable String addRow,
                  @RequestParam(required = false) @Nullable String removeRow,
                  @RequestParam(required = false) @Nullable String moveRowUp, Model model,
                  RedirectAttributes redirect) {
        ItemVersion open = catalog.history(code).stream().filter(v -> v.status().open()).findFirst()
                .orElseThrow(() -> new NotFound("此事项没有正在编辑的版本"));
        if (changeRows(form, addRow, removeRow, moveRowUp)) {
            return form(model, form, open);
        }
        try {
            List<Upload> uploads = uploads(form);
            catalog.updateDraft(code, form.toContent(), form.getChangeNote(), uploads);
            redirect.addFlashAttribute("notice", "catalog.admin.saved");
            return "redirect:/admin/catalogue/" + code;
        } catch (InvalidInputException e) {
            messages.bind(binding, e.violations());
            return form(model, form, open);
        }
    }

    @PostMapping("/{code}/submission")
    String submit(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate effectiveFrom,
                  RedirectAttributes redirect) {
        try {
            catalog.submitForReview(code, effectiveFrom);
            redirect.addFlashAttribute("notice", "catalog.admin.submitted");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("submitErrors", messages.byField(e.violations()));
        } catch (VersionTransitionRefused e) {
            explainRefusal(e, redirect);
        }
        return "redirect:/admin/catalogue/" + code;
    }

    /** A request to withdraw the item, with its reason; submitted for legal review from the item page. */
    @PostMapping("/{code}/withdrawal")
    String requestWithdrawal(@PathVariable String code, @RequestParam(required = false) @Nullable String reason,
                             RedirectAttributes redirect) {
        try {
            catalog.requestWithdrawal(code, reason);
            redirect.addFlashAttribute("notice", "catalog.admin.withdrawal-requested");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("withdrawalErrors", messages.byField(e.violations()));
            redirect.addFlashAttribute("reason", reason);
        } catch (VersionTransitionRefused e) {
            explainRefusal(e, redirect);
        }
        return "redirect:/admin/catalogue/" + code;
    }

    @PostMapping("/{code}/discard")
    String discard(@PathVariable String code, RedirectAttributes redirect) {
        try {
            catalog.discardOpenVersion(code);
            redirect.addFlashAttribute("notice", "catalog.admin.discarded");
        } catch (VersionTransitionRefused e) {
            explainRefusal(e, redirect);
        }
        return "redirect:/admin/catalogue/" + code;
    }

    /** Someone moved the version on meanwhile, or the step does not apply: said on the item page. */
    private void explainRefusal(VersionTransitionRefused e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("submitErrors",
                messages.byField(List.of(Violation.of("version", e.code(), e.getMessage()))));
    }

    @GetMapping("/{code}/changes")
    String changes(@PathVariable String code, @RequestParam int from, @RequestParam int to, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("from", catalog.version(code, from).orElseThrow(() -> new NotFound("没有第 " + from + " 版")));
        model.addAttribute("to", catalog.version(code, to).orElseThrow(() -> new NotFound("没有第 " + to + " 版")));
        model.addAttribute("changes", changeLabels.rows(catalog.changes(code, from, to)));
        return "catalog/admin/changes";
    }

    private String form(Model model, ItemForm form, @Nullable ItemVersion editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("themes", catalog.themes());
        // A department's own catalogue administrator writes that department's items only.
        java.util.UUID own = AccountManagement.currentPrincipal().map(AccountPrincipal::departmentId).orElse(null);
        model.addAttribute("departmentOptions", departments.all().stream()
                .filter(d -> own == null || d.id().equals(own))
                .collect(Collectors.toMap(Department::creditCode, Department::name, (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("accept", catalog.acceptedUploadTypes());
        Map<String, Map<String, String>> options = options();
        options.put("conditionField", conditionFields(form));
        model.addAttribute("options", options);
        return "catalog/admin/form";
    }

    private static boolean changeRows(ItemForm form, @Nullable String addRow, @Nullable String removeRow,
                                      @Nullable String moveRowUp) {
        if (addRow != null) {
            form.addRow(addRow);
            return true;
        }
        if (removeRow != null) {
            form.removeRow(removeRow);
            return true;
        }
        if (moveRowUp != null) {
            form.moveRowUp(moveRowUp);
            return true;
        }
        return false;
    }

    /** Checks the new files; a bad one is refused with the form, before anything is stored. */
    private List<Upload> uploads(ItemForm form) {
        List<Upload> uploads = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        check("resultSample.upload", form.getResultSample(), uploads, violations);
        for (int i = 0; i < form.getMaterials().size(); i++) {
            ItemForm.MaterialRow row = form.getMaterials().get(i);
            check("materials[" + i + "].blankForm.upload", row.getBlankForm(), uploads, violations);
            check("materials[" + i + "].sample.upload", row.getSample(), uploads, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return uploads;
    }

    private void check(String field, ItemForm.AttachmentFields attachment, List<Upload> uploads,
                       List<Violation> violations) {
        if (!attachment.hasUpload()) {
            return;
        }
        try {
            var file = attachment.getUpload();
            String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
            Upload checked = catalog.checkUpload(field, name, file.getBytes());
            attachment.accept(name, checked);
            uploads.add(checked);
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The choices of the form's radio buttons and check boxes, value to label, in display order. */
    private Map<String, Map<String, String>> options() {
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        options.put("type", labels("item.type.", ItemContent.Type.values()));
        options.put("exerciseLevel", labels("item.exerciseLevel.", ItemContent.ExerciseLevel.values()));
        options.put("powerSource", labels("item.powerSource.", ItemContent.PowerSource.values()));
        options.put("caseType", labels("item.caseType.", ItemContent.CaseType.values()));
        options.put("onlineDepth", labels("item.onlineDepth.", ItemContent.OnlineDepth.values()));
        options.put("handlingForm", labels("item.handlingForm.", ItemContent.HandlingForm.values()));
        options.put("scope", labels("item.scope.", ItemContent.Scope.values()));
        options.put("audience", labels("item.audience.", ItemContent.Audience.values()));
        options.put("serviceObject", labels("item.serviceObject.", ItemContent.ServiceObject.values()));
        options.put("resultType", labels("item.resultType.", ItemContent.ResultType.values()));
        options.put("limitUnit", labels("item.limitUnit.", ItemContent.LimitUnit.values()));
        options.put("stepRole", labels("item.stepRole.", ItemContent.StepRole.values()));
        options.put("requirement", labels("item.requirement.", ItemContent.Requirement.values()));
        options.put("materialForm", labels("item.materialForm.", ItemContent.MaterialForm.values()));
        options.put("materialSource", labels("item.materialSource.", ItemContent.MaterialSource.values()));
        options.put("fieldType", labels("item.fieldType.", FormField.Type.values()));
        options.put("dateBound", labels("item.dateBound.", FormField.DateBound.values()));
        options.put("operator", labels("item.operator.", ApprovalCondition.Operator.values()));
        options.put("dictionary", java.util.Arrays.stream(SharedDictionary.values()).collect(Collectors.toMap(
                SharedDictionary::dictionaryName, d -> labelOf("item.dictionary." + d.name()) + "（" + d.dictionaryName() + "）",
                (x, y) -> x, LinkedHashMap::new)));
        boolean english = LocaleContextHolder.getLocale().getLanguage().equals("en");
        options.put("theme", catalog.themes().stream().collect(Collectors.toMap(Theme::code,
                t -> t.displayName(english) + "（" + labelOf("item.audience." + t.audience()) + "）",
                (x, y) -> x, LinkedHashMap::new)));
        return options;
    }

    /**
     * What a 秒批 condition can refer to: the fields of the form as it stands (with their labels), the verified
     * facts, and whatever a condition already names, so that a choice is never lost on the way back.
     */
    private Map<String, String> conditionFields(ItemForm form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ItemForm.FieldRow row : form.getApplicationForm().getFields()) {
            if (!row.getKey().isBlank()) {
                fields.put(row.getKey().strip(), row.getLabel().strip() + "（" + row.getKey().strip() + "）");
            }
        }
        for (VerifiedFact fact : VerifiedFact.values()) {
            fields.put(fact.key(), labelOf("item.verifiedFact." + fact.name()) + "（" + fact.key() + "）");
        }
        for (ItemForm.ConditionRow row : form.getInstantApproval().getConditions()) {
            fields.putIfAbsent(row.getField(), row.getField());
        }
        fields.remove("");
        return fields;
    }

    private Map<String, String> labels(String prefix, Enum<?>[] values) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            labels.put(value.name(), labelOf(prefix + value.name()));
        }
        return labels;
    }

    private String labelOf(String key) {
        return messageSource.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
