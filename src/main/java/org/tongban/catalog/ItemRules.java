package org.tongban.catalog;

import org.jspecify.annotations.Nullable;
import org.tongban.catalog.ItemContent.Attachment;
import org.tongban.catalog.ItemContent.CaseType;
import org.tongban.catalog.ItemContent.HandlingForm;
import org.tongban.catalog.ItemContent.LimitUnit;
import org.tongban.catalog.ItemContent.Material;
import org.tongban.catalog.ItemContent.OnlineDepth;
import org.tongban.catalog.ItemContent.Requirement;
import org.tongban.catalog.ItemContent.Step;
import org.tongban.catalog.ItemContent.TimeLimit;
import org.tongban.shared.CreditCode;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.PlainText;
import org.tongban.shared.Violation;
import org.tongban.shared.WorkingDayCalendar;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules an item version must meet before it is stored: national code structure (REFERENCE.md §3.2), a known
 * implementing department, committed ≤ statutory limits (across units on the published working-day calendar, see
 * {@link TimeLimit#mayEndAfter}), consistent case type and steps, complete materials, an extension only where there
 * is a statutory limit to extend, a sound application form and 秒批 rule ({@link FormRules}), and plain text only.
 * Every violation names its field in the exchange format's path ({@code materials[1].name}).
 */
final class ItemRules {

    private static final Pattern BASIC_CODE = Pattern.compile("[0-9A-Z]{12}");
    private static final Pattern CODE_TAIL = Pattern.compile("[0-9A-Z]{13}");
    /** 业务办理项编码: up to 50 characters (national schema); its inner structure is not verified, so only the alphabet. */
    private static final Pattern HANDLE_ITEM_CODE = Pattern.compile("[0-9A-Za-z._-]{1,50}");
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    static final int MAX_LIMIT_DAYS = 3650;
    static final int SHORT_TEXT = 200;
    static final int LONG_TEXT = 4000;

    private final Set<String> departmentCreditCodes;
    private final Map<String, ItemContent.Audience> themeAudiences;
    private final WorkingDayCalendar calendar;
    private final List<Violation> violations = new ArrayList<>();

    private ItemRules(Set<String> departmentCreditCodes, Map<String, ItemContent.Audience> themeAudiences,
                      WorkingDayCalendar calendar) {
        this.departmentCreditCodes = departmentCreditCodes;
        this.themeAudiences = themeAudiences;
        this.calendar = calendar;
    }

    static List<Violation> check(ItemContent item, Set<String> departmentCreditCodes,
                                 Map<String, ItemContent.Audience> themeAudiences, WorkingDayCalendar calendar) {
        ItemRules rules = new ItemRules(departmentCreditCodes, themeAudiences, calendar);
        rules.checkItem(item);
        return List.copyOf(rules.violations);
    }

    private void checkItem(ItemContent item) {
        if (required("basicCode", item.basicCode()) && !BASIC_CODE.matcher(item.basicCode()).matches()) {
            add("basicCode", "item.basic-code.format", "基本编码应为 12 位数字或大写字母");
        }
        checkDepartmentAndImplementationCode(item);
        if (item.handleItemCode() != null && !HANDLE_ITEM_CODE.matcher(item.handleItemCode()).matches()) {
            add("handleItemCode", "item.handle-item-code.format",
                    "业务办理项编码最多 50 位，只能有字母、数字和 . _ -");
        }
        checkPowerSource(item);
        text("name", item.name(), true, 100);
        texts("aliases", item.aliases());
        texts("keywords", item.keywords());
        if (item.type() == null) {
            add("type", "required", "请选择事项类型");
        }
        text("summary", item.summary(), true, 1000);
        text("legalBasis", item.legalBasis(), true, LONG_TEXT);
        text("acceptanceConditions", item.acceptanceConditions(), true, LONG_TEXT);
        checkLimits(item);
        if (item.visits() == null) {
            add("visits", "required", "请填写到办事现场次数");
        } else if (item.visits() < 0 || item.visits() > 10) {
            add("visits", "item.visits.range", "到办事现场次数应在 0 到 10 之间");
        }
        if (item.onlineDepth() == null) {
            add("onlineDepth", "required", "请选择网上办理深度");
        } else if (item.onlineDepth() == OnlineDepth.FULLY_ONLINE) {
            if (!item.handlingForms().contains(HandlingForm.ONLINE)) {
                add("handlingForms", "item.fully-online.needs-online", "全程网办的事项须提供网上办理");
            }
            if (item.visits() != null && item.visits() > 0) {
                add("visits", "item.fully-online.no-visit", "全程网办的事项到现场次数应为 0");
            }
        }
        if (item.handlingForms().isEmpty()) {
            add("handlingForms", "required", "请至少选择一种办理形式");
        }
        checkOnlineAddress(item);
        if (item.scope() == null) {
            add("scope", "required", "请选择通办范围");
        }
        text("quantityLimit", item.quantityLimit(), false, 500);
        if (item.audiences().isEmpty()) {
            add("audiences", "required", "请至少选择一个服务对象");
        }
        for (int i = 0; i < item.serviceObjects().size(); i++) {
            ItemContent.ServiceObject object = item.serviceObjects().get(i);
            if (i > 0 && object == item.serviceObjects().get(i - 1)) {
                add("serviceObjects[" + i + "]", "duplicate", "重复的服务对象：{0}", object);
            } else if (!item.audiences().isEmpty() && !item.audiences().contains(object.audience())) {
                add("serviceObjects[" + i + "]", "item.service-object.audience",
                        "所选的服务对象细类属于另一类服务对象：请同时勾选它所属的个人或法人，或取消这一细类");
            }
        }
        checkThemes(item);
        text("resultName", item.resultName(), false, SHORT_TEXT);
        attachment("resultSample", item.resultSample());
        text("location", item.location(), false, 500);
        text("officeHours", item.officeHours(), false, 500);
        text("phone", item.phone(), false, 100);
        text("complaintPhone", item.complaintPhone(), false, 100);
        checkSteps(item);
        checkSpecialProcedures(item.specialProcedures());
        texts("intermediaryServices", item.intermediaryServices(), 100);
        checkMaterials(item.materials());
        FormRules.check(item, violations);
        for (int i = 0; i < item.fees().size(); i++) {
            ItemContent.Fee fee = item.fees().get(i);
            text("fees[" + i + "].name", fee.name(), true, SHORT_TEXT);
            text("fees[" + i + "].standard", fee.standard(), true, 1000);
            text("fees[" + i + "].basis", fee.basis(), false, 1000);
            if (text("fees[" + i + "].waiverBasis", fee.waiverBasis(), false, 1000) && !fee.waivable()) {
                add("fees[" + i + "].waiverBasis", "item.fee.waiver-basis.not-waivable",
                        "只有可减免的收费才填写减免依据；请勾选“可减免”或删去减免依据");
            }
        }
        for (int i = 0; i < item.faqs().size(); i++) {
            text("faqs[" + i + "].question", item.faqs().get(i).question(), true, 500);
            text("faqs[" + i + "].answer", item.faqs().get(i).answer(), true, LONG_TEXT);
        }
    }

    private void checkDepartmentAndImplementationCode(ItemContent item) {
        boolean departmentKnown = false;
        if (required("departmentCreditCode", item.departmentCreditCode())) {
            departmentKnown = departmentCreditCodes.contains(item.departmentCreditCode());
            if (!departmentKnown) {
                add("departmentCreditCode", "department.unknown", "没有这个实施部门（统一社会信用代码 {0}）",
                        item.departmentCreditCode());
            }
        }
        String code = item.implementationCode();
        if (!required("implementationCode", code)) {
            return;
        }
        if (code.length() != 31 || !CODE_TAIL.matcher(code.substring(18)).matches()) {
            add("implementationCode", "item.implementation-code.format",
                    "实施编码应为 31 位：实施部门统一社会信用代码 18 位加 13 位数字或大写字母");
            return;
        }
        try {
            new CreditCode(code.substring(0, 18));
        } catch (InvalidValueException e) {
            add("implementationCode", "item.implementation-code.credit-code",
                    "实施编码的前 18 位不是有效的统一社会信用代码：{0}", e.getMessage());
            return;
        }
        if (departmentKnown && !code.startsWith(item.departmentCreditCode())) {
            add("implementationCode", "item.implementation-code.department",
                    "实施编码的前 18 位应与实施部门的统一社会信用代码一致");
        }
    }

    /** 权力来源: an entrusted power names the department that entrusted it (委托部门), and only then. */
    private void checkPowerSource(ItemContent item) {
        boolean entrusted = item.powerSource() != null && item.powerSource().entrusted();
        if (text("entrustingDepartment", item.entrustingDepartment(), entrusted, SHORT_TEXT) && !entrusted) {
            add("entrustingDepartment", "item.entrusting-department.not-entrusted",
                    "只有受委托实施的事项才填写委托部门；请将权力来源选为上级委托或同级委托，或删去委托部门");
        }
        Set<ItemContent.ExerciseLevel> levels = new HashSet<>();
        for (int i = 0; i < item.exerciseLevels().size(); i++) {
            if (!levels.add(item.exerciseLevels().get(i))) {
                add("exerciseLevels[" + i + "]", "duplicate", "重复的行使层级：{0}", item.exerciseLevels().get(i));
            }
        }
    }

    /** 网办地址: a web address (http or https only, so that no script can hide in a guide's link). */
    private void checkOnlineAddress(ItemContent item) {
        String address = item.onlineAddress();
        if (address == null) {
            return;
        }
        if (!WEB_ADDRESS.matcher(address).matches() || address.length() > 500 || !hasHost(address)) {
            add("onlineAddress", "item.online-address.format",
                    "网办地址应为以 https:// 或 http:// 开头的网址，最多 500 个字符");
        } else if (!item.handlingForms().contains(HandlingForm.ONLINE)) {
            add("onlineAddress", "item.online-address.not-online", "有网办地址的事项，办理形式应包括网上办理");
        }
    }

    private static boolean hasHost(String address) {
        try {
            return java.net.URI.create(address).getHost() != null;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** 特别程序: each named, with a valid limit when one is given. */
    private void checkSpecialProcedures(List<ItemContent.SpecialProcedure> procedures) {
        for (int i = 0; i < procedures.size(); i++) {
            ItemContent.SpecialProcedure procedure = procedures.get(i);
            String path = "specialProcedures[" + i + "]";
            text(path + ".name", procedure.name(), true, 100);
            if (procedure.limit() != null) {
                limit(path + ".limit", procedure.limit());
            }
            text(path + ".note", procedure.note(), false, 1000);
        }
    }

    private void checkLimits(ItemContent item) {
        TimeLimit statutory = item.statutoryLimit();
        TimeLimit committed = item.committedLimit();
        if (statutory != null) {
            limit("statutoryLimit", statutory);
        }
        if (committed == null) {
            add("committedLimit", "required", "请填写承诺办结时限");
            return;
        }
        boolean committedValid = limit("committedLimit", committed);
        if (committedValid && statutory != null && statutory.unit() != null && committed.mayEndAfter(statutory, calendar)) {
            exceedsStatutory(committed, statutory);
        }
        checkExtension(item);
        if (item.caseType() == null) {
            add("caseType", "required", "请选择办件类型");
        } else if (committedValid && item.caseType() == CaseType.IMMEDIATE && committed.value() != 0) {
            add("committedLimit", "item.immediate.limit", "即办件当场办结，承诺办结时限应为 0");
        } else if (committedValid && item.caseType() == CaseType.PROMISED && committed.value() == 0) {
            add("committedLimit", "item.promised.limit", "承诺件的承诺办结时限至少为 1 天");
        }
    }

    /**
     * 延长审批: a limit of at least one day, and only where there is a statutory limit to extend and a case that
     * waits for its decision. The law grants extensions of statutory limits (行政许可法 §42: 20 working days,
     * extended by 10 with the head's approval), so an item without one has nothing to extend; a 即办件 is decided at
     * acceptance. Whether the law allows this much for this item is legal review's to read, not a rule's.
     */
    private void checkExtension(ItemContent item) {
        TimeLimit extension = item.extension();
        if (extension == null) {
            return;
        }
        if (limit("extension", extension) && extension.value() == 0) {
            add("extension.value", "item.extension.zero", "允许延长的，延长时限至少为 1 天；不允许延长的不填");
        }
        if (item.statutoryLimit() == null) {
            add("extension", "item.extension.no-statutory-limit",
                    "延长审批延长的是法定办结时限：没有法定办结时限的事项不设延长");
        } else if (item.caseType() == CaseType.IMMEDIATE) {
            add("extension", "item.extension.immediate", "即办件当场办结，不设延长审批");
        }
    }

    /** Across units the message gives the span that decided, so that the refusal of "5 working days ≤ 7 days" is clear. */
    private void exceedsStatutory(TimeLimit committed, TimeLimit statutory) {
        if (committed.unit() == statutory.unit()) {
            add("committedLimit", "item.committed-exceeds-statutory", "承诺办结时限不能超过法定办结时限（{0}）",
                    statutory.value());
        } else if (committed.unit() == LimitUnit.WORKING_DAYS) {
            add("committedLimit", "item.committed-exceeds-statutory.working-days",
                    "承诺办结时限 {0} 个工作日遇上长假最长要 {1} 个自然日，超过了法定办结时限 {2} 个自然日",
                    committed.value(), calendar.longestSpan(committed.value()), statutory.value());
        } else {
            add("committedLimit", "item.committed-exceeds-statutory.natural-days",
                    "法定办结时限 {0} 个工作日遇上调休上班最短只有 {1} 个自然日，承诺办结时限 {2} 个自然日会超过它",
                    statutory.value(), calendar.shortestSpan(statutory.value()), committed.value());
        }
    }

    private boolean limit(String field, TimeLimit limit) {
        boolean valid = true;
        if (limit.unit() == null) {
            add(field + ".unit", "required", "请选择时限单位（工作日或自然日）");
            valid = false;
        }
        if (limit.value() < 0 || limit.value() > MAX_LIMIT_DAYS) {
            add(field + ".value", "item.limit.range", "时限应在 0 到 {0} 天之间", MAX_LIMIT_DAYS);
            valid = false;
        }
        return valid;
    }

    private void checkThemes(ItemContent item) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < item.themes().size(); i++) {
            String theme = item.themes().get(i);
            ItemContent.Audience audience = themeAudiences.get(theme);
            if (audience == null) {
                add("themes[" + i + "]", "item.theme.unknown", "没有这个主题：{0}", theme);
            } else if (!item.audiences().contains(audience)) {
                add("themes[" + i + "]", "item.theme.audience", "主题“{0}”属于另一类服务对象", theme);
            } else if (!seen.add(theme)) {
                add("themes[" + i + "]", "duplicate", "重复的主题：{0}", theme);
            }
        }
    }

    private void checkSteps(ItemContent item) {
        if (item.steps().isEmpty()) {
            add("steps", "item.steps.required", "请至少填写一个办理环节");
            return;
        }
        int total = 0;
        boolean comparable = item.committedLimit() != null && item.committedLimit().unit() != null;
        for (int i = 0; i < item.steps().size(); i++) {
            Step step = item.steps().get(i);
            String path = "steps[" + i + "]";
            text(path + ".name", step.name(), true, 100);
            if (step.role() == null) {
                add(path + ".role", "required", "请选择办理角色");
            }
            if (step.limit() == null) {
                add(path + ".limit", "required", "请填写环节时限");
                comparable = false;
            } else if (!limit(path + ".limit", step.limit())) {
                comparable = false;
            } else if (comparable && step.limit().unit() == item.committedLimit().unit()) {
                total += step.limit().value();
            } else {
                comparable = false;
            }
        }
        if (comparable && total > item.committedLimit().value()) {
            add("steps", "item.steps.exceed-committed", "各环节时限之和（{0}）超过承诺办结时限（{1}）", total,
                    item.committedLimit().value());
        }
    }

    private void checkMaterials(List<Material> materials) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < materials.size(); i++) {
            Material m = materials.get(i);
            String path = "materials[" + i + "]";
            if (text(path + ".name", m.name(), true, SHORT_TEXT) && !names.add(m.name().strip())) {
                add(path + ".name", "duplicate", "材料名称重复：{0}", m.name());
            }
            if (m.requirement() == null) {
                add(path + ".requirement", "required", "请选择材料必要性");
            } else if (m.requirement() == Requirement.CONDITIONAL) {
                text(path + ".condition", m.condition(), true, 500);
            }
            if (m.form() == null) {
                add(path + ".form", "required", "请选择材料形式");
            }
            if (m.source() == null) {
                add(path + ".source", "required", "请选择来源渠道");
            }
            if (m.originals() != null && (m.originals() < 0 || m.originals() > 20)) {
                add(path + ".originals", "item.material.count", "份数应在 0 到 20 之间");
            }
            if (m.copies() != null && (m.copies() < 0 || m.copies() > 20)) {
                add(path + ".copies", "item.material.count", "份数应在 0 到 20 之间");
            }
            text(path + ".sourceNote", m.sourceNote(), false, 500);
            text(path + ".condition", m.condition(), false, 500);
            text(path + ".replacedByLicense", m.replacedByLicense(), false, 100);
            text(path + ".replacedBySharedData", m.replacedBySharedData(), false, 100);
            text(path + ".note", m.note(), false, LONG_TEXT);
            text(path + ".paperSpec", m.paperSpec(), false, 200);
            text(path + ".acceptanceStandard", m.acceptanceStandard(), false, 1000);
            text(path + ".basis", m.basis(), false, 1000);
            if (m.commitmentAllowed() && m.replaced()) {
                add(path + ".commitmentAllowed", "item.material.commitment.replaced",
                        "免提交的材料不必以承诺代替：请取消“可告知承诺”，或删去代替它的电子证照或共享数据");
            }
            attachment(path + ".blankForm", m.blankForm());
            attachment(path + ".sample", m.sample());
        }
    }

    private void attachment(String path, @Nullable Attachment attachment) {
        if (attachment == null) {
            return;
        }
        text(path + ".fileName", attachment.fileName(), true, 200);
        if (attachment.sha256() == null && attachment.base64() == null) {
            add(path, "item.attachment.body", "附件缺少文件内容");
        }
    }

    private void texts(String field, List<String> values) {
        texts(field, values, 50);
    }

    private void texts(String field, List<String> values, int maxLength) {
        for (int i = 0; i < values.size(); i++) {
            text(field + "[" + i + "]", values.get(i), true, maxLength);
        }
    }

    /** @return true when the text is present and valid */
    private boolean text(String field, @Nullable String value, boolean required, int maxLength) {
        Optional<Violation> problem = PlainText.check(field, value, required, maxLength);
        problem.ifPresent(violations::add);
        return problem.isEmpty() && value != null && !value.isBlank();
    }

    private boolean required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            add(field, "required", "请填写此项");
            return false;
        }
        return true;
    }

    private void add(String field, String code, String message, Object... args) {
        violations.add(Violation.of(field, code, message, args));
    }
}
