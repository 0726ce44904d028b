package org.tongban.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The component gallery at {@code /design}: every component in every state, drawn by the same fragments the
 * pages use, so that a change to a component is seen here at once. It is public on purpose: it holds no data,
 * it lets citizens' advocates and auditors (适老化 assessment) check the components, and the browser tests reach it
 * without signing in.
 */
@Controller
class DesignGalleryController {

    static final String FORM = "galleryForm";

    private final MessageSource messages;
    private final ConversionService conversionService;
    private final Validator validator;
    private final ShellModel shellModel;

    DesignGalleryController(MessageSource messages, @Qualifier("mvcConversionService") ConversionService conversionService,
                            @Qualifier("mvcValidator") Validator validator, ShellModel shellModel) {
        this.messages = messages;
        this.conversionService = conversionService;
        this.validator = validator;
        this.shellModel = shellModel;
    }

    @GetMapping("/design")
    String gallery(@RequestParam(name = "submitted", required = false) @Nullable String submitted, Model model,
                   Locale locale) {
        if (submitted != null) {
            // After a successful submission: the success banner above a clean form.
            DataBinder clean = new DataBinder(new GalleryForm(), FORM);
            model.addAttribute(FORM, clean.getTarget());
            return gallery(model, locale, clean.getBindingResult());
        }
        // Otherwise the sample form arrives with the mistakes people make, bound and validated as a real submission
        // would be, so that the gallery shows every error state.
        DataBinder binder = new DataBinder(new GalleryForm(), FORM);
        binder.setConversionService(conversionService);
        binder.setValidator(validator);
        binder.bind(new MutablePropertyValues(Map.of(
                "fullName", "",
                "idNumber", "11010519491231002",
                "appointmentDate", messages.getMessage("design.sample.badDate", null, locale),
                "phone", "13800138000",
                "materials", List.of("ID_CARD"))));
        binder.validate();
        model.addAttribute(FORM, binder.getTarget());
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, binder.getBindingResult());
        return gallery(model, locale, binder.getBindingResult());
    }

    @PostMapping("/design")
    String submit(@Valid @ModelAttribute(FORM) GalleryForm form, BindingResult result, Model model, Locale locale) {
        if (result.hasErrors()) {
            return gallery(model, locale, result);
        }
        return "redirect:/design?submitted#sample-form";
    }

    @GetMapping("/design/staff")
    String staffShell(@RequestParam(name = "number", required = false) @Nullable String number, Model model,
                      Locale locale, HttpServletRequest request) {
        // The gallery is public, so the staff shell is shown with a sample clerk and the menu she would get.
        model.addAttribute(ShellModel.SHELL, shellModel.shell(request, locale).withUser(new Shell.SignedInUser(
                text("design.sample.user", locale), List.of(text("role.WINDOW_CLERK", locale), text("role.DEPARTMENT_REVIEWER", locale)))));
        model.addAttribute(ShellModel.STAFF_MENU, StaffMenu.build(sampleStaffMenu(), Set.of("CLERK", "REVIEWER"), "/staff/cases/inbox"));
        // Request parameters may not be passed into fragments (Thymeleaf restricts them), so the model carries it.
        model.addAttribute("number", number);
        model.addAttribute("cases", sampleCases(locale));
        model.addAttribute("pagination", Pagination.of(2, 12, page -> "/design/staff?page=" + page));
        return "design/staff";
    }

    private String gallery(Model model, Locale locale, BindingResult result) {
        model.addAttribute("handlingOptions", options(locale, "design.form.handling.", "ONLINE", "WINDOW", "POST"));
        model.addAttribute("materialOptions", options(locale, "design.form.materials.", "ID_CARD", "HOUSEHOLD", "PHOTO"));
        model.addAttribute("statuses", List.of("in_progress", "completed", "correction", "overdue", "draft",
                "pending_review", "published", "returned", "suspended", "rejected"));
        model.addAttribute("deadlines", List.of(12, 5, 3, 1, 0, -2));
        model.addAttribute("cases", sampleCases(locale));
        model.addAttribute("timeline", sampleTimeline(locale));
        model.addAttribute("steps", sampleSteps(locale));
        model.addAttribute("themes", sampleThemes(locale));
        model.addAttribute("guideFacts", guideFacts(locale));
        model.addAttribute("firstPage", Pagination.of(1, 20, page -> pageUrl(page)));
        model.addAttribute("middlePage", Pagination.of(6, 20, page -> pageUrl(page)));
        model.addAttribute("lastPage", Pagination.of(4, 4, page -> pageUrl(page)));
        model.addAttribute("tableColumns", List.of(text("design.sample.table.item", locale),
                text("design.sample.table.department", locale), text("design.sample.table.limit", locale)));
        model.addAttribute("tableRows", List.of(
                List.of(text("design.sample.item.birth", locale), text("design.sample.dept.health", locale), "5"),
                List.of(text("design.sample.item.household", locale), text("design.sample.dept.police", locale), "10"),
                List.of(text("design.sample.item.business", locale), text("design.sample.dept.market", locale), "1")));
        model.addAttribute("formErrors", FormErrors.inFieldOrder(result, messages, locale));
        return "design/gallery";
    }

    private static String pageUrl(int page) {
        return UriComponentsBuilder.fromPath("/design").queryParam("page", page).fragment("pagination").toUriString();
    }

    private Map<String, String> options(Locale locale, String prefix, String... codes) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String code : codes) {
            options.put(code, text(prefix + code, locale));
        }
        return options;
    }

    /** Label to value, in order, for the summary list of a guide (办理时限, 收费, 办理地点, 设定依据). */
    private Map<String, String> guideFacts(Locale locale) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String fact : List.of("limit", "fee", "place", "basis")) {
            facts.put(text("design.sample.fact." + fact, locale), text("design.sample.fact." + fact + ".value", locale));
        }
        return facts;
    }

    /** A row of the sample case table, as a module's view model would look. */
    record SampleCase(String number, String item, String applicant, String status, int remainingDays) {
    }

    private List<SampleCase> sampleCases(Locale locale) {
        return List.of(
                new SampleCase("HC2026093000017", text("design.sample.item.birth", locale), text("design.sample.applicant.1", locale), "in_progress", 4),
                new SampleCase("HC2026092900102", text("design.sample.item.household", locale), text("design.sample.applicant.2", locale), "correction", 2),
                new SampleCase("HC2026092600088", text("design.sample.item.business", locale), text("design.sample.applicant.3", locale), "overdue", -1),
                new SampleCase("HC2026092500031", text("design.sample.item.pension", locale), text("design.sample.applicant.4", locale), "completed", 9));
    }

    private List<TimelineEntry> sampleTimeline(Locale locale) {
        return List.of(
                new TimelineEntry(text("design.sample.timeline.submitted", locale), text("design.sample.timeline.submittedDetail", locale),
                        LocalDateTime.of(2026, 9, 28, 9, 12), TimelineEntry.State.DONE),
                new TimelineEntry(text("design.sample.timeline.accepted", locale), text("design.sample.timeline.acceptedDetail", locale),
                        LocalDateTime.of(2026, 9, 28, 14, 30), TimelineEntry.State.DONE),
                new TimelineEntry(text("design.sample.timeline.review", locale), text("design.sample.timeline.reviewDetail", locale),
                        LocalDateTime.of(2026, 9, 29, 10, 5), TimelineEntry.State.CURRENT),
                new TimelineEntry(text("design.sample.timeline.done", locale), null, null, TimelineEntry.State.UPCOMING));
    }

    /** A step of the sample guide; any object with {@code title} and {@code detail} will do for the fragment. */
    record SampleStep(String title, String detail) {
    }

    private List<SampleStep> sampleSteps(Locale locale) {
        return List.of(1, 2, 3, 4).stream()
                .map(n -> new SampleStep(text("design.sample.step." + n, locale), text("design.sample.step." + n + ".detail", locale)))
                .toList();
    }

    /** A life-event theme card; any object with {@code title}, {@code description} and {@code href} will do. */
    record SampleTheme(String title, String description, String href) {
    }

    private List<SampleTheme> sampleThemes(Locale locale) {
        return List.of("birth", "school", "business", "retire").stream()
                .map(code -> new SampleTheme(text("design.sample.theme." + code, locale),
                        text("design.sample.theme." + code + ".detail", locale), "/themes/" + code))
                .toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private List<StaffMenuEntry> sampleStaffMenu() {
        return List.of(
                new StaffMenuEntry("design.staff.section.cases", "design.staff.menu.inbox", "/staff/cases/inbox", "CLERK", 10),
                new StaffMenuEntry("design.staff.section.cases", "design.staff.menu.correction", "/staff/cases/corrections", "CLERK", 20),
                new StaffMenuEntry("design.staff.section.cases", "design.staff.menu.review", "/staff/cases/review", "REVIEWER", 30),
                new StaffMenuEntry("design.staff.section.cases", "design.staff.menu.done", "/staff/cases/done", "CLERK", 40),
                new StaffMenuEntry("design.staff.section.catalog", "design.staff.menu.items", "/staff/catalog/items", "ADMIN", 50),
                new StaffMenuEntry("design.staff.section.insight", "design.staff.menu.supervision", "/staff/insight", "SUPERVISOR", 60),
                new StaffMenuEntry("design.staff.section.account", "design.staff.menu.profile", "/staff/profile", "CLERK", 90));
    }
}
