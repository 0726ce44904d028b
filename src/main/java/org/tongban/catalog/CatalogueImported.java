package org.tongban.catalog;

/** A catalogue document was imported; its items are published (each in force from the day of import). */
public record CatalogueImported(int created, int updated) {
}
