package org.tongban.web;

import java.util.Objects;

/**
 * One task in the staff shell's left menu, as a module contributes it.
 *
 * @param section message key of the heading it is listed under (entries with the same key share a heading)
 * @param label   message key of the link text
 * @param href    the page, a path within the application starting with {@code /}
 * @param role    the role without its {@code ROLE_} prefix (as in {@code hasRole}) a user needs to see the entry
 * @param order   position: sections follow their lowest entry, entries within a section ascend
 */
public record StaffMenuEntry(String section, String label, String href, String role, int order) {

    public StaffMenuEntry {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(role, "role");
        if (href == null || !href.startsWith("/") || href.startsWith("//")) {
            throw new IllegalArgumentException("A staff menu entry links to a path in the application, not " + href);
        }
        if (role.startsWith("ROLE_") || role.isBlank()) {
            throw new IllegalArgumentException("Give the role without its ROLE_ prefix: " + role);
        }
    }
}
