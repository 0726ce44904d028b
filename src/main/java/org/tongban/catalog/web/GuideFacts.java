package org.tongban.catalog.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemContent.TimeLimit;
import org.tongban.identity.Department;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The key facts of a guide or a department, in the reader's language, for the summary list component. */
@Component
class GuideFacts {

    private final MessageSource messages;

    GuideFacts(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, String> of(ItemContent item) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "guide.type", item.type() == null ? null : msg("item.type." + item.type()));
        put(facts, "guide.serviceObjects", labels("item.serviceObject.", item.serviceObjects()));
        put(facts, "guide.committed", limit(item.committedLimit()));
        put(facts, "guide.statutory", item.statutoryLimit() == null ? msg("guide.statutory.none") : limit(item.statutoryLimit()));
        put(facts, "guide.extension", item.extension() == null ? null : msg("guide.extension.value", limit(item.extension())));
        put(facts, "guide.visits", item.visits() == null ? null
                : item.visits() == 0 ? msg("portal.visits.zero") : msg("portal.visits.n", item.visits()));
        put(facts, "guide.fee", item.free() ? msg("guide.fee.free")
                : item.fees().stream().map(f -> f.name() + "：" + f.standard()).collect(Collectors.joining("；")));
        put(facts, "guide.handlingForms", labels("item.handlingForm.", item.handlingForms()));
        put(facts, "guide.onlineDepth", item.onlineDepth() == null ? null : msg("item.onlineDepth." + item.onlineDepth()));
        put(facts, "guide.scope", item.scope() == null ? null : msg("item.scope." + item.scope()));
        put(facts, "guide.caseType", item.caseType() == null ? null : msg("item.caseType." + item.caseType()));
        put(facts, "guide.result", item.resultName());
        put(facts, "guide.quantityLimit", item.quantityLimit());
        put(facts, "guide.intermediaryServices", String.join("、", item.intermediaryServices()));
        return facts;
    }

    /** Who exercises the item and on what authority (行使层级, 权力来源, 委托部门). */
    Map<String, String> authority(ItemContent item) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "guide.exerciseLevels", labels("item.exerciseLevel.", item.exerciseLevels()));
        put(facts, "guide.powerSource", item.powerSource() == null ? null : msg("item.powerSource." + item.powerSource()));
        put(facts, "guide.entrustingDepartment", item.entrustingDepartment());
        return facts;
    }

    /** How long a special procedure usually takes, when its limit is known. */
    String specialProcedureLimit(ItemContent.SpecialProcedure procedure) {
        String limit = limit(procedure.limit());
        return limit.isEmpty() ? "" : msg("guide.specialProcedure.limit", limit);
    }

    Map<String, String> where(ItemContent item) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "guide.location", item.location());
        put(facts, "guide.hours", item.officeHours());
        put(facts, "guide.phone", item.phone());
        put(facts, "guide.complaint", item.complaintPhone());
        return facts;
    }

    Map<String, String> of(Department department) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "guide.location", department.address());
        put(facts, "guide.hours", department.officeHours());
        put(facts, "guide.phone", department.phone());
        return facts;
    }

    /** Who handles a step, and in how long: 审批人员，时限 3 个工作日. */
    String step(ItemContent.Step step) {
        String role = step.role() == null ? "" : msg("item.stepRole." + step.role());
        String limit = limit(step.limit());
        if (role.isEmpty() || limit.isEmpty()) {
            return role.isEmpty() ? limit : role;
        }
        return msg("guide.step.detail", role, limit);
    }

    String limit(@Nullable TimeLimit limit) {
        if (limit == null || limit.unit() == null) {
            return "";
        }
        return limit.value() == 0 ? msg("portal.limit.immediate")
                : msg("portal.limit.value", limit.value(), msg("item.limitUnit." + limit.unit()));
    }

    /** The labels of several choices, as a list in running text: 窗口办理、网上办理. */
    private String labels(String prefix, List<? extends Enum<?>> choices) {
        return choices.stream().map(c -> msg(prefix + c.name())).collect(Collectors.joining("、"));
    }

    private void put(Map<String, String> facts, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            facts.put(msg(key), value);
        }
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
