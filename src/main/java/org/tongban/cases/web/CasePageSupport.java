package org.tongban.cases.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.cases.Case;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.CaseSummary;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.NotFound;
import org.tongban.shared.Refused;
import org.tongban.shared.Violation;
import org.tongban.web.ChineseDateFormatter;
import org.tongban.web.TimelineEntry;
import org.tongban.web.ViolationMessages;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** What the applicant's and the staff's case pages share: deadlines as badges, the timeline, and acting by form. */
@Component
class CasePageSupport {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final CaseManagement cases;
    private final MessageSource messages;
    private final ViolationMessages violations;
    private final org.tongban.identity.DepartmentManagement departments;

    CasePageSupport(CaseManagement cases, MessageSource messages, ViolationMessages violations,
                    org.tongban.identity.DepartmentManagement departments) {
        this.departments = departments;
        this.cases = cases;
        this.messages = messages;
        this.violations = violations;
    }

    /** A deadline with the working days left (negative: overdue), for the deadline badge. */
    record Due(LocalDate date, int left) {
    }

    /** A list row: the case and its first deadline. */
    record Row(CaseSummary summary, @Nullable Due due, String maskedApplicant, String tone) {
    }

    org.springframework.http.ResponseEntity<byte[]> file(CaseManagement.MaterialFile f) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(f.mediaType()))
                .header("Content-Disposition", org.springframework.http.ContentDisposition.inline()
                        .filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.bytes());
    }

    Row row(CaseSummary s) {
        return new Row(s, due(s.due()), s.maskedApplicantName(), tone(s.status()));
    }

    /** In the 承诺待核查 view the deadline that counts is the check's, not the closed case's. */
    Row row(CaseSummary s, org.tongban.cases.Inbox.View view) {
        return view == org.tongban.cases.Inbox.View.COMMITMENTS
                ? new Row(s, due(s.commitmentCheckDue()), s.maskedApplicantName(), tone(s.status())) : row(s);
    }

    @Nullable Due due(@Nullable LocalDate date) {
        return date == null ? null : new Due(date, cases.workingDaysLeft(date));
    }

    void describe(Case c, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("dueSoonDays", cases.dueSoonWorkingDays());
        model.addAttribute("acceptanceDue", c.status() == CaseStatus.SUBMITTED ? due(c.deadlines().acceptanceDue()) : null);
        boolean running = c.status().open() && c.status() != CaseStatus.SUBMITTED;
        model.addAttribute("promisedDue", running ? due(c.deadlines().promisedDue()) : null);
        model.addAttribute("statutoryDue", running ? due(c.deadlines().statutoryDue()) : null);
        model.addAttribute("statusTone", tone(c.status()));
        model.addAttribute("notices", java.util.Arrays.stream(org.tongban.cases.NoticeKind.values())
                .filter(k -> k.issued(c)).toList());
        model.addAttribute("commitmentCheckDue", c.commitmentCheck() != null && c.commitmentCheck().pending()
                ? due(c.commitmentCheck().dueOn()) : null);
        model.addAttribute("commitmentLetter", c.materials().stream()
                .anyMatch(m -> m.provision() == org.tongban.cases.SubmittedMaterial.Provision.COMMITMENT));
        model.addAttribute("acceptingCentre", c.intake().acceptingCentre() == null ? null
                : departments.serviceCentre(c.intake().acceptingCentre()).map(x -> x.name())
                        .orElse(c.intake().acceptingCentre()));
    }

    static String tone(CaseStatus s) {
        return switch (s) {
            case SUBMITTED -> "purple";
            case AWAITING_CORRECTION -> "orange";
            case IN_PROGRESS -> "blue";
            case SUSPENDED -> "yellow";
            case APPROVED, COMPLETED -> "green";
            case NOT_ACCEPTED, REVOKED -> "red";
            case WITHDRAWN -> "grey";
        };
    }

    /** The recorded events oldest first, then what is still to come: the steps not yet reached and completion. */
    List<TimelineEntry> timeline(List<CaseManagement.Progress> progress, Case c) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (CaseManagement.Progress p : progress) {
            String by = actor(p.actorRole(), p.actorName());
            String detail = join(by, p.opinion());
            entries.add(new TimelineEntry(text("case.event." + p.event()), detail,
                    LocalDateTime.ofInstant(p.at(), CITY), TimelineEntry.State.DONE));
        }
        if (c.status().open()) {
            if (c.status() == CaseStatus.IN_PROGRESS || c.status() == CaseStatus.SUSPENDED) {
                for (int i = c.step(); i < c.terms().steps().size(); i++) {
                    entries.add(new TimelineEntry(c.terms().step(i).name(), text("role." + c.terms().step(i).role().name()),
                            null, i == c.step() ? TimelineEntry.State.CURRENT : TimelineEntry.State.UPCOMING));
                }
            }
            entries.add(new TimelineEntry(text("case.event.CaseCompleted"), null, null, TimelineEntry.State.UPCOMING));
        }
        return entries;
    }

    /**
     * Who acted, as the timeline names them: the role they acted in before the name, unless the name already begins
     * with a title of its own ("科室负责人 孙丽（市市场监管局）"), which would then say the role twice.
     */
    private @Nullable String actor(@Nullable String role, @Nullable String name) {
        String who = role == null ? null : text("role." + role);
        if (name == null) {
            return who;
        }
        boolean titled = name.strip().contains(" ");
        return who == null || titled || name.contains(who) ? name : who + " " + name;
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "：" + b;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    LocalDate date(String field, String text) {
        try {
            return new ChineseDateFormatter().parse(text, LocaleContextHolder.getLocale());
        }
        catch (ParseException | RuntimeException e) {
            throw new InvalidInputException(Violation.of(field, "type-mismatch", "取值“{0}”的格式不正确", text));
        }
    }

    /**
     * Runs an act from a form and comes back to the case page: with a notice of what happened, or with why it was
     * refused (the field's message beside its field, a refusal in a banner). Nothing changes when it is refused.
     */
    String act(String base, String number, String action, Supplier<Case> act, RedirectAttributes redirect) {
        try {
            Case c = act.get();
            redirect.addFlashAttribute("notice", "case.done." + action);
            return "redirect:" + base + c.number().value();
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("failedAction", action);
            redirect.addFlashAttribute("fieldErrors", violations.byField(e.violations()));
        }
        catch (Refused e) {
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        catch (NotFound e) {
            throw e;
        }
        return "redirect:" + base + CaseApi.parse(number).value();
    }
}
