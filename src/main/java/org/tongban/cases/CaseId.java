package org.tongban.cases;

import java.util.Objects;
import java.util.UUID;

/** The internal identity of a case; people and other systems use its {@link CaseNumber}. */
public record CaseId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {

    /** From its JSON form, a plain UUID string. */
    @com.fasterxml.jackson.annotation.JsonCreator
    static CaseId fromJson(UUID value) {
        return new CaseId(value);
    }

    public CaseId {
        Objects.requireNonNull(value, "case id");
    }

    static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
