package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * What an applicant submits: the item (and, to be sure nothing changed while they filled it in, the version they
 * read), the form's answers by field key, each material as provided, and how the result should reach them.
 *
 * @param versionNo the version the applicant saw; {@code null} for the one in force
 */
public record Application(String itemCode, @Nullable Integer versionNo, Map<String, String> form,
                          List<SubmittedMaterial> materials, Intake.Delivery delivery) {

    public Application {
        form = form == null ? Map.of() : Map.copyOf(form);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
