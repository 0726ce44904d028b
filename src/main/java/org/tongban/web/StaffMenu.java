package org.tongban.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The staff shell's left menu for one user on one page: contributed entries filtered by the user's roles, grouped
 * by section, with the entry that best matches the current path marked active (the longest matching href, so that
 * {@code /staff/cases/inbox} wins over {@code /staff/cases} on the inbox page).
 */
final class StaffMenu {

    /** A heading and its links; {@code label} is a message key. */
    record Section(String label, List<Item> items) {
    }

    /** One link; {@code label} is a message key, {@code active} marks the current page ({@code aria-current}). */
    record Item(String label, String href, boolean active) {
    }

    private StaffMenu() {
    }

    static List<Section> build(Collection<StaffMenuEntry> contributed, Set<String> roles, String currentPath) {
        List<StaffMenuEntry> visible = contributed.stream()
                .filter(entry -> roles.contains(entry.role()))
                .sorted(Comparator.comparingInt(StaffMenuEntry::order))
                .toList();
        String activeHref = visible.stream()
                .map(StaffMenuEntry::href)
                .filter(href -> matches(href, currentPath))
                .max(Comparator.comparingInt(String::length))
                .orElse(null);
        Map<String, List<Item>> sections = new LinkedHashMap<>();
        for (StaffMenuEntry entry : visible) {
            List<Item> items = sections.computeIfAbsent(entry.section(), section -> new ArrayList<>());
            boolean duplicate = items.stream().anyMatch(item -> item.href().equals(entry.href()));
            if (!duplicate) {
                items.add(new Item(entry.label(), entry.href(), entry.href().equals(activeHref)));
            }
        }
        return sections.entrySet().stream().map(section -> new Section(section.getKey(), List.copyOf(section.getValue())))
                .toList();
    }

    private static boolean matches(String href, String currentPath) {
        String path = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
        return currentPath.equals(path) || currentPath.startsWith(path.endsWith("/") ? path : path + "/");
    }
}
