package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** 容缺: a material accepted as outstanding, due by a date; the case cannot be decided while one is missing. */
public record DeferredMaterial(String name, LocalDate dueOn, @Nullable LocalDate receivedOn) {

    public boolean outstanding() {
        return receivedOn == null;
    }

    DeferredMaterial receivedOn(LocalDate day) {
        return new DeferredMaterial(name, dueOn, day);
    }
}
