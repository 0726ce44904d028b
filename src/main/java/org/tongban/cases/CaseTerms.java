package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.tongban.identity.Role;
import org.tongban.shared.InvalidValueException;

import java.util.List;
import java.util.UUID;

/**
 * What the item version in force at submission holds the case to, copied onto the case so that a later version
 * never changes a running case and no transition reads the catalogue: the limits, whether and how far it may be
 * extended, the steps after acceptance and who handles each, the materials that may be deferred (容缺) or replaced
 * by a signed commitment (告知承诺), and the special procedures that stop the clock.
 *
 * @param immediate  即办件: decided at acceptance
 * @param extension  how far the case may be extended (延长审批), or {@code null} where the item allows none
 * @param steps      the steps after acceptance, in order; the last one decides
 */
public record CaseTerms(String itemName, UUID handlingDepartmentId, boolean immediate, @Nullable Limit statutory,
                        @Nullable Limit committed, @Nullable Limit extension, List<StepTerm> steps,
                        List<MaterialTerm> materials, List<String> specialProcedures, @Nullable String resultName) {

    /** A step (环节) and the role that handles it within the handling department. */
    public record StepTerm(String name, Role role) {
    }

    /** A material and what the item allows instead of handing it in at submission. */
    public record MaterialTerm(String name, boolean required, boolean deferrable, boolean commitmentAllowed) {
    }

    public CaseTerms {
        steps = List.copyOf(steps);
        materials = List.copyOf(materials);
        specialProcedures = List.copyOf(specialProcedures);
        if (!immediate && steps.isEmpty()) {
            throw new InvalidValueException("case.terms-no-steps", "承诺件至少要有一个受理后的办理环节");
        }
    }

    public MaterialTerm material(String name) {
        return materials.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new org.tongban.shared.InvalidInputException(org.tongban.shared.Violation.of(
                        "materials." + name, "case.unknown-material", "此事项没有“{0}”这项材料", name)));
    }

    public StepTerm step(int index) {
        return steps.get(index);
    }

    public int lastStep() {
        return steps.size() - 1;
    }
}
