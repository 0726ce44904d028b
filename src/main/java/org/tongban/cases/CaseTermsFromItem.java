package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.tongban.catalog.ItemContent;
import org.tongban.identity.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Copies the terms a case is held to from the item version in force. The catalogue lists acceptance (受理) as the
 * first step when the counter does it; the case handles acceptance as its own transition, so that step is not
 * repeated among the steps after acceptance. Likewise a last step of the counter's (办结送达, 制证发证, 结果告知 …)
 * is the hand-over of the result, which the case does as its completion after the decision, so it is not a step
 * either: were it one, the decision would fall to the counter's step, which only the department may act on, and
 * the case could never be decided. A step without a role is the department reviewer's, and a promised item that
 * lists no other step gets one "审查决定" step.
 */
final class CaseTermsFromItem {

    private CaseTermsFromItem() {
    }

    static CaseTerms of(ItemContent item, UUID handlingDepartment) {
        boolean immediate = item.caseType() == ItemContent.CaseType.IMMEDIATE;
        List<CaseTerms.StepTerm> steps = new ArrayList<>();
        for (int i = 0; i < item.steps().size(); i++) {
            ItemContent.Step s = item.steps().get(i);
            Role role = s.role() == null ? Role.DEPARTMENT_REVIEWER : Role.valueOf(s.role().name());
            if (i == 0 && role == Role.WINDOW_CLERK && (item.steps().size() > 1 || !immediate)) {
                continue;
            }
            if (i > 0 && i == item.steps().size() - 1 && role == Role.WINDOW_CLERK) {
                continue;
            }
            steps.add(new CaseTerms.StepTerm(s.name(), role));
        }
        if (steps.isEmpty()) {
            steps.add(new CaseTerms.StepTerm(immediate ? "办结" : "审查决定",
                    immediate ? Role.WINDOW_CLERK : Role.DEPARTMENT_REVIEWER));
        }
        List<CaseTerms.MaterialTerm> materials = item.materials().stream()
                .map(m -> new CaseTerms.MaterialTerm(m.name(), m.requirement() != ItemContent.Requirement.CONDITIONAL,
                        m.deferrable(), m.commitmentAllowed()))
                .toList();
        return new CaseTerms(item.name(), handlingDepartment, immediate, limit(item.statutoryLimit()),
                limit(item.committedLimit()), limit(item.extension()), steps, materials,
                item.specialProcedures().stream().map(ItemContent.SpecialProcedure::name).toList(), item.resultName());
    }

    static @Nullable Limit limit(ItemContent.@Nullable TimeLimit limit) {
        if (limit == null) {
            return null;
        }
        return new Limit(limit.value(), limit.unit() == ItemContent.LimitUnit.NATURAL_DAYS
                ? Limit.Unit.NATURAL_DAYS : Limit.Unit.WORKING_DAYS);
    }
}
