package org.tongban.catalog;

import org.jspecify.annotations.Nullable;
import org.tongban.catalog.ApprovalCondition.Operator;
import org.tongban.catalog.ApprovalEvaluation.ConditionResult;
import org.tongban.catalog.ApprovalEvaluation.Outcome;
import org.tongban.catalog.ApprovalEvaluation.State;
import org.tongban.catalog.FormField.Type;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.RegionCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An item's 秒批 (instant approval) rule: conditions over the application form's answers and the platform's
 * {@linkplain VerifiedFact verified facts}, all of which must hold for the case to be approved automatically at
 * submission, the decision recorded with this rule. An empty rule offers no 秒批.
 *
 * <p>Only a 承诺件 (promised item) may declare one ({@link ItemRules}). A 即办件 is decided on the spot by the person
 * who accepts it, so there is no wait for a rule to remove and no decision left for it to make: a rule on one would
 * give the case two deciders at the same moment. 秒批 is what makes a 承诺件 instant when the data prove its
 * conditions; when they do not, the case goes on through the steps and within the committed limit that a 承诺件 has
 * and a 即办件 has not.
 */
public record InstantApproval(List<ApprovalCondition> conditions) {

    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_EXPLANATION = 100;

    /** No 秒批. */
    public static final InstantApproval NONE = new InstantApproval(List.of());

    public InstantApproval {
        conditions = conditions == null ? List.of() : conditions.stream().filter(Objects::nonNull).toList();
    }

    public static InstantApproval of(ApprovalCondition... conditions) {
        return new InstantApproval(List.of(conditions));
    }

    /** Whether the item offers 秒批 at all. */
    public boolean offered() {
        return !conditions.isEmpty();
    }

    /**
     * Evaluates every condition against one application. Pure: the same answers, facts and day give the same
     * evaluation.
     *
     * @param form        the application form of the same item version, for the type of each answer
     * @param answers     the form's answers, key to raw value, as submitted (and checked by {@link ApplicationForm#check})
     * @param verified    verified facts by {@link VerifiedFact#key()}; a fact missing here cannot be evaluated
     * @param submittedOn the day of submission, for ages
     */
    public ApprovalEvaluation evaluate(ApplicationForm form, Map<String, String> answers,
                                       Map<String, String> verified, LocalDate submittedOn) {
        List<ConditionResult> results = conditions.stream()
                .map(c -> evaluate(c, form, answers, verified, submittedOn)).toList();
        boolean all = !results.isEmpty() && results.stream().allMatch(r -> r.state() == State.HOLDS);
        return new ApprovalEvaluation(all ? Outcome.APPROVE : Outcome.TO_A_PERSON, results);
    }

    private static ConditionResult evaluate(ApprovalCondition condition, ApplicationForm form,
                                            Map<String, String> answers, Map<String, String> verified,
                                            LocalDate submittedOn) {
        String key = condition.field();
        if (key == null || condition.value() == null) {
            return cannot(condition, "条件不完整");
        }
        Type type;
        String label;
        @Nullable String raw;
        if (key.startsWith(VerifiedFact.PREFIX)) {
            Optional<VerifiedFact> fact = VerifiedFact.ofKey(key);
            if (fact.isEmpty()) {
                return cannot(condition, "没有这项核验信息：" + key);
            }
            type = fact.get().type();
            label = fact.get().label();
            raw = verified.get(key);
            if (raw == null || raw.isBlank()) {
                return cannot(condition, "未取得核验信息：" + label);
            }
        } else {
            Optional<FormField> field = form.field(key);
            if (field.isEmpty() || field.get().type() == null) {
                return cannot(condition, "申请表中没有这一项：" + key);
            }
            type = field.get().type();
            label = field.get().label();
            raw = answers.get(key);
            if (raw == null || raw.isBlank()) {
                return cannot(condition, "未填写“" + label + "”");
            }
        }
        if (condition.operator() == null) {
            return cannot(condition, "条件没有运算方式");
        }
        Optional<Boolean> holds = holds(condition.operator(), type, raw.strip(), condition.value().strip(), submittedOn);
        return holds.map(h -> new ConditionResult(condition, h ? State.HOLDS : State.FAILS, null))
                .orElseGet(() -> cannot(condition, "“" + label + "”无法按条件判断"));
    }

    private static ConditionResult cannot(ApprovalCondition condition, String reason) {
        return new ConditionResult(condition, State.CANNOT_EVALUATE, reason);
    }

    /** Whether the answer meets the condition; empty when either side cannot be read as the type needs. */
    static Optional<Boolean> holds(Operator operator, Type type, String answer, String value, LocalDate submittedOn) {
        return switch (operator) {
            case EQUALS -> same(type, answer, value);
            case NOT_EQUALS -> same(type, answer, value).map(equal -> !equal);
            case IN -> {
                List<Optional<Boolean>> each = values(value).stream().map(v -> same(type, answer, v)).toList();
                yield each.stream().anyMatch(Optional::isEmpty) ? Optional.empty()
                        : Optional.of(each.stream().anyMatch(Optional::get));
            }
            case AT_LEAST -> compare(type, answer, value).map(c -> c >= 0);
            case AT_MOST -> compare(type, answer, value).map(c -> c <= 0);
            case AGE_AT_LEAST -> age(type, answer, submittedOn).flatMap(age -> wholeNumber(value).map(n -> age >= n));
            case REGION_WITHIN -> region(answer).flatMap(a -> region(value).map(within -> within.contains(a)));
        };
    }

    /** The values of an IN condition: separated by commas (full or half width) or 、. */
    static List<String> values(String value) {
        return Arrays.stream(value.split("[,，、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<Boolean> same(Type type, String answer, String value) {
        return switch (type) {
            case NUMBER -> FormValues.number(answer)
                    .flatMap(a -> FormValues.number(value).map(v -> a.compareTo(v) == 0));
            case DATE -> FormValues.date(answer).flatMap(a -> FormValues.date(value).map(a::isEqual));
            case REGION -> region(answer).flatMap(a -> region(value).map(v -> a.toTwelveDigits().equals(v.toTwelveDigits())));
            case ID_NUMBER, CREDIT_CODE -> Optional.of(answer.toUpperCase(Locale.ROOT).equals(value.toUpperCase(Locale.ROOT)));
            default -> Optional.of(answer.equals(value));
        };
    }

    private static Optional<Integer> compare(Type type, String answer, String value) {
        return switch (type) {
            case NUMBER -> FormValues.number(answer).flatMap(a -> FormValues.number(value).map(a::compareTo));
            case DATE -> FormValues.date(answer).flatMap(a -> FormValues.date(value).map(a::compareTo));
            default -> Optional.empty();
        };
    }

    /** Whole years from the birth date to the day, as people count their age; empty for a birth after that day. */
    private static Optional<Integer> age(Type type, String answer, LocalDate on) {
        Optional<LocalDate> birth = switch (type) {
            case ID_NUMBER -> FormValues.validIdNumber(answer, on).map(org.tongban.shared.IdNumber::birthDate);
            case DATE -> FormValues.date(answer);
            default -> Optional.empty();
        };
        return birth.filter(b -> !b.isAfter(on)).map(b -> Period.between(b, on).getYears());
    }

    static Optional<Integer> wholeNumber(String value) {
        return FormValues.number(value).filter(n -> n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0)
                .filter(n -> n.compareTo(BigDecimal.valueOf(200)) <= 0).map(BigDecimal::intValue);
    }

    static Optional<RegionCode> region(String value) {
        try {
            return Optional.of(new RegionCode(value));
        } catch (InvalidValueException invalid) {
            return Optional.empty();
        }
    }
}
