package org.tongban.catalog;

import org.tongban.catalog.FormField.DateBound;
import org.tongban.catalog.FormField.Option;
import org.tongban.shared.CreditCode;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.PlainText;
import org.tongban.shared.RegionCode;
import org.tongban.shared.Violation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application form (申请表) of an item version: the questions an applicant answers, in the order asked. An item
 * without one asks nothing beyond its materials. Stored with the version, so that a case is checked against the
 * form that was in force when it was made.
 *
 * <p>{@link #check} is the one check of submitted answers, for the online application and the counter alike; it
 * needs no Spring and no database.
 */
public record ApplicationForm(List<FormField> fields) {

    public static final int MAX_FIELDS = 60;
    public static final int MAX_KEY = 40;
    public static final int MAX_LABEL = 60;
    public static final int MAX_HELP = 300;
    public static final int MAX_OPTIONS = 200;
    public static final int MAX_OPTION_CODE = 32;
    /** The longest answer any field takes, whatever its type: a bound on what is stored per answer. */
    public static final int MAX_TEXT_LENGTH = 2000;
    /** The longest answer of a TEXT or ADDRESS field that does not say. */
    public static final int DEFAULT_TEXT_LENGTH = 200;
    /** Unknown answers named one by one; more than this are reported as one. */
    static final int MAX_UNKNOWN_LISTED = 10;

    /** No form: the item asks nothing beyond its materials. */
    public static final ApplicationForm NONE = new ApplicationForm(List.of());

    public ApplicationForm {
        fields = fields == null ? List.of() : fields.stream().filter(Objects::nonNull).toList();
    }

    public static ApplicationForm of(FormField... fields) {
        return new ApplicationForm(List.of(fields));
    }

    /** Whether the item asks anything. */
    public boolean asks() {
        return !fields.isEmpty();
    }

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> key.equals(f.key())).findFirst();
    }

    /**
     * Every problem with the submitted answers ({@code key → raw answer}, as typed), each naming the field's key:
     * an answer missing where required, an answer that is not of the field's type or breaks its bounds, an answer
     * for a key the form does not have. Blank answers count as not given. An empty list means the answers may be
     * saved and submitted. {@code today} is the day of checking: a DATE field's bound and an ID number's birth date
     * are measured against it (the caller's clock, so that a fixed demo clock applies).
     */
    public List<Violation> check(Map<String, String> answers, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        Set<String> keys = fields.stream().map(FormField::key).collect(Collectors.toSet());
        List<String> unknown = answers.keySet().stream().map(k -> k == null ? "" : k).filter(k -> !keys.contains(k))
                .sorted().toList();
        if (unknown.size() > MAX_UNKNOWN_LISTED) {
            violations.add(Violation.of("", "form.unknown-fields", "提交的内容中有 {0} 项不属于申请表", unknown.size()));
        } else {
            unknown.forEach(k -> violations.add(Violation.of(k, "form.unknown-field", "申请表中没有这一项：{0}",
                    k.length() > MAX_KEY ? k.substring(0, MAX_KEY) + "…" : k)));
        }
        for (FormField field : fields) {
            if (field.key() == null) {
                continue;  // refused when the item was stored; nothing to ask by
            }
            String raw = answers.get(field.key());
            if (raw == null || raw.isBlank()) {
                if (field.requiredGiven(answers)) {
                    violations.add(Violation.of(field.key(), "form.required", "请填写“{0}”", field.label()));
                }
            } else {
                problem(field, raw.strip(), today).ifPresent(violations::add);
            }
        }
        return List.copyOf(violations);
    }

    /** The one problem with a given answer, if any. */
    static Optional<Violation> problem(FormField field, String answer, LocalDate today) {
        String key = field.key();
        String label = field.label();
        if (answer.length() > MAX_TEXT_LENGTH) {
            return Optional.of(Violation.of(key, "form.too-long", "“{0}”不能超过 {1} 个字", label, MAX_TEXT_LENGTH));
        }
        if (field.type() == null) {
            return Optional.empty();
        }
        return switch (field.type()) {
            case TEXT -> text(field, answer).or(() -> pattern(field, answer));
            case ADDRESS -> text(field, answer);
            case NUMBER -> number(field, answer);
            case DATE -> date(field, answer, today);
            case ID_NUMBER -> code(key, () -> FormValues.idNumber(answer, today));
            case CREDIT_CODE -> code(key, () -> new CreditCode(answer));
            case REGION -> code(key, () -> new RegionCode(answer));
            case PHONE -> FormValues.phone(answer) ? Optional.empty() : Optional.of(Violation.of(key, "form.phone",
                    "“{0}”应为 11 位手机号码或带区号的固定电话，如 13800000000 或 0535-6610023", label));
            case CHOICE -> field.choices().stream().map(Option::code).anyMatch(answer::equals) ? Optional.empty()
                    : Optional.of(Violation.of(key, "form.choice", "“{0}”请从给出的选项中选择", label));
            case YES_NO -> answer.equals(FormField.YES) || answer.equals(FormField.NO) ? Optional.empty()
                    : Optional.of(Violation.of(key, "form.yes-no", "“{0}”请选择“是”或“否”", label));
        };
    }

    private static Optional<Violation> text(FormField field, String answer) {
        if (answer.length() > field.textLimit()) {
            return Optional.of(Violation.of(field.key(), "form.too-long", "“{0}”不能超过 {1} 个字", field.label(),
                    field.textLimit()));
        }
        return PlainText.markup(field.key(), answer);
    }

    private static Optional<Violation> pattern(FormField field, String answer) {
        if (field.pattern() == null) {
            return Optional.empty();
        }
        Pattern pattern = FormValues.compile(field.pattern());
        // A pattern that does not compile was refused when the item was stored; one that slipped through refuses all.
        return pattern != null && FormValues.matches(pattern, answer) ? Optional.empty()
                : Optional.of(Violation.of(field.key(), "form.pattern", "“{0}”的格式不正确", field.label()));
    }

    private static Optional<Violation> number(FormField field, String answer) {
        String key = field.key();
        String label = field.label();
        Optional<BigDecimal> parsed = FormValues.number(answer);
        if (parsed.isEmpty()) {
            return Optional.of(Violation.of(key, "form.number", "“{0}”应填写数字，如 12 或 12.5", label));
        }
        BigDecimal value = parsed.get();
        int decimals = field.decimals() == null ? 0 : field.decimals();
        if (value.scale() > decimals && value.stripTrailingZeros().scale() > decimals) {
            return Optional.of(decimals == 0 ? Violation.of(key, "form.number.integer", "“{0}”应填写整数", label)
                    : Violation.of(key, "form.number.decimals", "“{0}”最多保留 {1} 位小数", label, decimals));
        }
        if (field.min() != null && value.compareTo(field.min()) < 0) {
            return Optional.of(Violation.of(key, "form.number.min", "“{0}”不能小于 {1}", label,
                    field.min().toPlainString()));
        }
        if (field.max() != null && value.compareTo(field.max()) > 0) {
            return Optional.of(Violation.of(key, "form.number.max", "“{0}”不能大于 {1}", label,
                    field.max().toPlainString()));
        }
        return Optional.empty();
    }

    private static Optional<Violation> date(FormField field, String answer, LocalDate today) {
        String key = field.key();
        String label = field.label();
        Optional<LocalDate> parsed = FormValues.date(answer);
        if (parsed.isEmpty()) {
            return Optional.of(Violation.of(key, "form.date", "“{0}”应为日期，如 2026-09-30", label));
        }
        if (field.dateBound() == DateBound.NOT_IN_FUTURE && parsed.get().isAfter(today)) {
            return Optional.of(Violation.of(key, "form.date.future", "“{0}”不能晚于今天", label));
        }
        if (field.dateBound() == DateBound.NOT_IN_PAST && parsed.get().isBefore(today)) {
            return Optional.of(Violation.of(key, "form.date.past", "“{0}”不能早于今天", label));
        }
        return Optional.empty();
    }

    /** A value of the shared kernel: its own code and message (身份证号码校验位不正确), which never repeat the value. */
    private static Optional<Violation> code(String key, java.util.function.Supplier<?> parse) {
        try {
            parse.get();
            return Optional.empty();
        } catch (InvalidValueException e) {
            return Optional.of(new Violation(key, e.code(), e.getMessage(), List.of()));
        }
    }
}
