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
        // In key order: the request's fingerprint (the Idempotency-Key's check) is its JSON, so the answers must come
        // out in the same order in every JVM. Map.copyOf's order changes from one start to the next, which made a
        // retry after a restart, or to another instance, look like a different application (409).
        form = form == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(Map.copyOf(form)));
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
