package org.tongban.catalog;

/** What an import changed: new items, items with a new version, and items already up to date. */
public record ImportReport(int created, int updated, int unchanged, int departmentsChanged, int themesChanged) {

    public boolean changedNothing() {
        return created == 0 && updated == 0 && departmentsChanged == 0 && themesChanged == 0;
    }
}
