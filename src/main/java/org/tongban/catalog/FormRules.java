package org.tongban.catalog;

import org.jspecify.annotations.Nullable;
import org.tongban.catalog.ApprovalCondition.Operator;
import org.tongban.catalog.FormField.Option;
import org.tongban.catalog.FormField.RequiredWhen;
import org.tongban.catalog.FormField.Type;
import org.tongban.shared.PlainText;
import org.tongban.shared.Violation;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of {@link ItemRules} for what applying needs: the application form (bounded, each field's attributes
 * fitting its type, conditions on fields that exist) and the 秒批 rule (on a 承诺件 only, each condition on a field
 * that exists with a type its operator takes, and a value of that type). Paths as in the exchange format
 * ({@code applicationForm.fields[2].options[0].code}).
 */
final class FormRules {

    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern OPTION_CODE = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final int MAX_PATTERN = 200;
    private static final int MAX_DECIMALS = 6;
    private static final int MAX_CONDITION_VALUE = 500;
    private static final int MAX_IN_VALUES = 50;

    /** The field types each operator takes. */
    static final Map<Operator, Set<Type>> OPERATOR_TYPES = Map.of(
            Operator.EQUALS, EnumSet.of(Type.TEXT, Type.NUMBER, Type.DATE, Type.CHOICE, Type.YES_NO, Type.REGION,
                    Type.CREDIT_CODE),
            Operator.NOT_EQUALS, EnumSet.of(Type.TEXT, Type.NUMBER, Type.DATE, Type.CHOICE, Type.YES_NO, Type.REGION,
                    Type.CREDIT_CODE),
            Operator.AT_LEAST, EnumSet.of(Type.NUMBER, Type.DATE),
            Operator.AT_MOST, EnumSet.of(Type.NUMBER, Type.DATE),
            Operator.IN, EnumSet.of(Type.TEXT, Type.CHOICE),
            Operator.AGE_AT_LEAST, EnumSet.of(Type.ID_NUMBER, Type.DATE),
            Operator.REGION_WITHIN, EnumSet.of(Type.REGION));

    private final List<Violation> violations;

    private FormRules(List<Violation> violations) {
        this.violations = violations;
    }

    /** Adds the violations of the item's form and 秒批 rule to {@code violations}. */
    static void check(ItemContent item, List<Violation> violations) {
        FormRules rules = new FormRules(violations);
        rules.checkForm(item.applicationForm());
        rules.checkInstantApproval(item);
    }

    private void checkForm(ApplicationForm form) {
        List<FormField> fields = form.fields();
        if (fields.size() > ApplicationForm.MAX_FIELDS) {
            add("applicationForm.fields", "item.form.too-many-fields", "申请表最多 {0} 项，现有 {1} 项",
                    ApplicationForm.MAX_FIELDS, fields.size());
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FormField field = fields.get(i);
            String path = "applicationForm.fields[" + i + "]";
            if (field.key() == null || field.key().isBlank()) {
                add(path + ".key", "required", "请填写此项");
            } else if (!KEY.matcher(field.key()).matches() || field.key().length() > ApplicationForm.MAX_KEY) {
                add(path + ".key", "item.form.key.format",
                        "标识应以小写英文字母开头，只含英文字母和数字，最多 {0} 个字符，例如 applicantName",
                        ApplicationForm.MAX_KEY);
            } else if (!keys.add(field.key())) {
                add(path + ".key", "duplicate", "标识重复：{0}", field.key());
            }
            text(path + ".label", field.label(), true, ApplicationForm.MAX_LABEL);
            text(path + ".help", field.help(), false, ApplicationForm.MAX_HELP);
            if (field.type() == null) {
                add(path + ".type", "required", "请选择填写类型");
                continue;
            }
            checkAttributes(path, field);
        }
        for (int i = 0; i < fields.size(); i++) {
            FormField field = fields.get(i);
            if (field.requiredWhen() != null) {
                checkRequiredWhen("applicationForm.fields[" + i + "].requiredWhen", field, form);
            }
        }
    }

    /** Each attribute only on the types it applies to, and within its bounds. */
    private void checkAttributes(String path, FormField field) {
        Type type = field.type();
        if (field.maxLength() != null) {
            if (!field.textual()) {
                add(path + ".maxLength", "item.form.max-length.type", "最多字数只适用于文本和地址");
            } else if (field.maxLength() < 1 || field.maxLength() > ApplicationForm.MAX_TEXT_LENGTH) {
                add(path + ".maxLength", "item.form.max-length.range", "最多字数应在 1 到 {0} 之间",
                        ApplicationForm.MAX_TEXT_LENGTH);
            }
        }
        if (field.pattern() != null) {
            if (type != Type.TEXT) {
                add(path + ".pattern", "item.form.pattern.type", "格式（正则表达式）只适用于文本");
            } else if (field.pattern().isBlank() || field.pattern().length() > MAX_PATTERN
                    || FormValues.compile(field.pattern()) == null) {
                add(path + ".pattern", "item.form.pattern.invalid",
                        "格式应为有效的正则表达式，最多 {0} 个字符，例如 [A-Z][0-9]+", MAX_PATTERN);
            }
        }
        if ((field.min() != null || field.max() != null || field.decimals() != null) && type != Type.NUMBER) {
            add(path + (field.min() != null ? ".min" : field.max() != null ? ".max" : ".decimals"),
                    "item.form.number.type", "最小值、最大值和小数位数只适用于数字");
        } else if (type == Type.NUMBER) {
            checkNumber(path, field);
        }
        if (field.dateBound() != null && type != Type.DATE) {
            add(path + ".dateBound", "item.form.date-bound.type", "日期范围只适用于日期");
        }
        boolean listed = !field.options().isEmpty();
        boolean named = field.dictionary() != null;
        if (type != Type.CHOICE) {
            if (listed || named) {
                add(path + (listed ? ".options" : ".dictionary"), "item.form.options.type", "选项只适用于单项选择");
            }
            return;
        }
        if (listed == named) {
            add(path + ".options", "item.form.options.one-source",
                    "单项选择应列出选项，或选择一个共用字典，二者选一");
        } else if (named && SharedDictionary.named(field.dictionary()).isEmpty()) {
            add(path + ".dictionary", "item.form.dictionary.unknown", "没有这个共用字典：{0}", field.dictionary());
        } else if (listed) {
            checkOptions(path, field.options());
        }
    }

    private void checkNumber(String path, FormField field) {
        if (field.decimals() != null && (field.decimals() < 0 || field.decimals() > MAX_DECIMALS)) {
            add(path + ".decimals", "item.form.decimals.range", "小数位数应在 0 到 {0} 之间", MAX_DECIMALS);
        }
        bound(path + ".min", field.min());
        bound(path + ".max", field.max());
        if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
            add(path + ".max", "item.form.number.min-above-max", "最大值不能小于最小值");
        }
    }

    /** A bound the answers can be compared with: at most 15 digits before and 6 after the point. */
    private void bound(String path, @Nullable BigDecimal bound) {
        if (bound != null && (bound.precision() - bound.scale() > 15 || bound.scale() > MAX_DECIMALS)) {
            add(path, "item.form.number.bound", "最小值和最大值最多 15 位整数、{0} 位小数", MAX_DECIMALS);
        }
    }

    private void checkOptions(String path, List<Option> options) {
        if (options.size() > ApplicationForm.MAX_OPTIONS) {
            add(path + ".options", "item.form.options.too-many", "最多 {0} 个选项，现有 {1} 个",
                    ApplicationForm.MAX_OPTIONS, options.size());
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int j = 0; j < options.size(); j++) {
            Option option = options.get(j);
            String at = path + ".options[" + j + "]";
            if (option.code() == null || !OPTION_CODE.matcher(option.code()).matches()
                    || option.code().length() > ApplicationForm.MAX_OPTION_CODE) {
                add(at + ".code", "item.form.option.code", "第 {0} 个选项的代码应为最多 {1} 个英文字母、数字或 . _ -",
                        j + 1, ApplicationForm.MAX_OPTION_CODE);
            } else if (!codes.add(option.code())) {
                add(at + ".code", "duplicate", "选项代码重复：{0}", option.code());
            }
            if (option.label() == null || option.label().isBlank()
                    || option.label().strip().length() > ApplicationForm.MAX_LABEL) {
                add(at + ".label", "item.form.option.label", "第 {0} 个选项应有名称，最多 {1} 个字", j + 1,
                        ApplicationForm.MAX_LABEL);
            } else {
                PlainText.markup(at + ".label", option.label()).ifPresent(violations::add);
            }
        }
    }

    /** 条件必填: on another field of the form, with a value that field can take; not beside "always required". */
    private void checkRequiredWhen(String path, FormField field, ApplicationForm form) {
        RequiredWhen when = field.requiredWhen();
        if (field.required()) {
            add(path, "item.form.required-when.required", "已设为必填的项不再设条件必填；请取消“必填”或删去条件");
            return;
        }
        Optional<FormField> other = when.field() == null ? Optional.empty() : form.field(when.field());
        if (other.isEmpty() || other.get() == field) {
            add(path + ".field", "item.form.required-when.field", "条件必填所依据的项应为本申请表中另一项的标识");
            return;
        }
        if (!text(path + ".value", when.value(), true, 100)) {
            return;
        }
        if (!fits(other.get(), when.value())) {
            add(path + ".value", "item.form.required-when.value", "“{0}”不会填写这个值：{1}", other.get().label(),
                    when.value());
        }
    }

    /** Whether a field can take the value: an option's code, yes or no; anything for other types. */
    private static boolean fits(FormField field, String value) {
        if (field.type() == Type.CHOICE) {
            return field.choices().stream().anyMatch(o -> value.equals(o.code()));
        }
        return field.type() != Type.YES_NO || value.equals(FormField.YES) || value.equals(FormField.NO);
    }

    /**
     * 秒批: on a 承诺件 only (the reason is on {@link InstantApproval}); each condition on a field of the form or a
     * verified fact, with an operator its type takes and a value of that type, and explained to the applicant.
     */
    private void checkInstantApproval(ItemContent item) {
        List<ApprovalCondition> conditions = item.instantApproval().conditions();
        if (conditions.isEmpty()) {
            return;
        }
        if (item.caseType() == ItemContent.CaseType.IMMEDIATE) {
            add("instantApproval", "item.instant-approval.immediate",
                    "即办件当场办结，不设秒批；秒批只用于承诺件");
        }
        if (conditions.size() > InstantApproval.MAX_CONDITIONS) {
            add("instantApproval.conditions", "item.instant-approval.too-many", "秒批条件最多 {0} 条，现有 {1} 条",
                    InstantApproval.MAX_CONDITIONS, conditions.size());
            return;
        }
        for (int i = 0; i < conditions.size(); i++) {
            checkCondition("instantApproval.conditions[" + i + "]", conditions.get(i), item.applicationForm());
        }
    }

    private void checkCondition(String path, ApprovalCondition condition, ApplicationForm form) {
        text(path + ".explanation", condition.explanation(), true, InstantApproval.MAX_EXPLANATION);
        Type type = typeOf(condition.field(), form);
        if (type == null) {
            add(path + ".field", "item.instant-approval.field",
                    "条件应针对申请表中的一项（填写其标识）或一项核验信息（如 verified.householdRegion）");
        }
        if (condition.operator() == null) {
            add(path + ".operator", "required", "请选择判断方式");
            return;
        }
        if (type == null) {
            return;
        }
        if (!OPERATOR_TYPES.get(condition.operator()).contains(type)) {
            add(path + ".operator", "item.instant-approval.operator-type", "这种判断方式不适用于{0}类型的项",
                    TYPE_NAMES.get(type));
            return;
        }
        if (condition.value() == null || condition.value().isBlank()) {
            add(path + ".value", "required", "请填写此项");
        } else if (condition.value().length() > MAX_CONDITION_VALUE) {
            add(path + ".value", "too-long", "不能超过 {0} 个字", MAX_CONDITION_VALUE);
        } else if (!valueFits(condition, type, form)) {
            valueRefused(path + ".value", condition.operator(), type);
        }
    }

    /** Chinese names of the field types, for messages. */
    private static final Map<Type, String> TYPE_NAMES = Map.of(Type.TEXT, "文本", Type.NUMBER, "数字",
            Type.DATE, "日期", Type.ID_NUMBER, "身份证号码", Type.CREDIT_CODE, "统一社会信用代码", Type.REGION,
            "行政区划", Type.ADDRESS, "地址", Type.PHONE, "电话", Type.CHOICE, "单项选择", Type.YES_NO, "是否");

    /** What the value of a condition should have been, for its operator and the field's type. */
    private void valueRefused(String path, Operator operator, Type type) {
        if (operator == Operator.AGE_AT_LEAST) {
            add(path, "item.instant-approval.value.age", "年龄应为 0 到 150 之间的整数");
        } else if (operator == Operator.REGION_WITHIN || type == Type.REGION) {
            add(path, "item.instant-approval.value.region", "应为 6 位或 12 位的行政区划代码，例如 377000");
        } else if (type == Type.NUMBER) {
            add(path, "item.instant-approval.value.number", "应为数字，例如 15");
        } else if (type == Type.DATE) {
            add(path, "item.instant-approval.value.date", "应为日期，例如 2026-01-01");
        } else if (type == Type.CHOICE) {
            add(path, "item.instant-approval.value.choice", "应为该项选项的代码，多个用逗号分隔");
        } else if (type == Type.YES_NO) {
            add(path, "item.instant-approval.value.yes-no", "是否题的值应为 true（是）或 false（否）");
        } else if (type == Type.CREDIT_CODE) {
            add(path, "item.instant-approval.value.credit-code", "应为有效的统一社会信用代码");
        } else {
            add(path, "markup", "不能包含 HTML 标记或脚本（如 <script>），请只填写文字");
        }
    }

    private static @Nullable Type typeOf(@Nullable String field, ApplicationForm form) {
        if (field == null) {
            return null;
        }
        if (field.startsWith(VerifiedFact.PREFIX)) {
            return VerifiedFact.ofKey(field).map(VerifiedFact::type).orElse(null);
        }
        return form.field(field).map(FormField::type).orElse(null);
    }

    private static boolean valueFits(ApprovalCondition condition, Type type, ApplicationForm form) {
        String value = condition.value().strip();
        Optional<FormField> field = form.field(condition.field());
        return switch (condition.operator()) {
            case AGE_AT_LEAST -> InstantApproval.wholeNumber(value).filter(n -> n <= 150).isPresent();
            case REGION_WITHIN -> InstantApproval.region(value).isPresent();
            case IN -> {
                List<String> values = InstantApproval.values(value);
                yield !values.isEmpty() && values.size() <= MAX_IN_VALUES
                        && values.stream().allMatch(v -> single(type, v, field));
            }
            default -> single(type, value, field);
        };
    }

    /** One value of the field's type: a number, a date, one of its options, yes or no, a valid code. */
    private static boolean single(Type type, String value, Optional<FormField> field) {
        return switch (type) {
            case NUMBER -> FormValues.number(value).isPresent();
            case DATE -> FormValues.date(value).isPresent();
            case CHOICE -> field.map(f -> fits(f, value)).orElse(false);
            case YES_NO -> value.equals(FormField.YES) || value.equals(FormField.NO);
            case REGION -> InstantApproval.region(value).isPresent();
            case CREDIT_CODE -> validCreditCode(value);
            default -> PlainText.markup("value", value).isEmpty();
        };
    }

    private static boolean validCreditCode(String value) {
        try {
            new org.tongban.shared.CreditCode(value);
            return true;
        } catch (org.tongban.shared.InvalidValueException invalid) {
            return false;
        }
    }

    private boolean text(String field, @Nullable String value, boolean required, int maxLength) {
        Optional<Violation> problem = PlainText.check(field, value, required, maxLength);
        problem.ifPresent(violations::add);
        return problem.isEmpty() && value != null && !value.isBlank();
    }

    private void add(String field, String code, String message, Object... args) {
        violations.add(Violation.of(field, code, message, args));
    }
}
