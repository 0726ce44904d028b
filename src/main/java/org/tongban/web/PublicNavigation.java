package org.tongban.web;

import java.util.List;
import java.util.Map;

/**
 * The portal's main navigation, by audience as provincial portals arrange it (个人办事, 法人办事, 部门). Later
 * capabilities (一件事, 好差评, 互动交流) are added here when their pages exist, so that the menu never links to a
 * page that is not there.
 */
final class PublicNavigation {

    /** One entry: a message key, the section's path and the query parameters that identify it. */
    record Section(String label, String path, Map<String, String> parameters) {

        String href() {
            return parameters.isEmpty() ? path : path + "?" + parameters.entrySet().stream()
                    .map(parameter -> parameter.getKey() + "=" + parameter.getValue())
                    .reduce((a, b) -> a + "&" + b).orElseThrow();
        }
    }

    /** A rendered entry; {@code label} is a message key, {@code current} sets {@code aria-current="page"}. */
    record Item(String label, String href, boolean current) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("nav.home", "/", Map.of()),
            new Section("nav.person", "/themes", Map.of("audience", "PERSON")),
            new Section("nav.organisation", "/themes", Map.of("audience", "ORGANISATION")),
            new Section("nav.departments", "/departments", Map.of()));

    private PublicNavigation() {
    }

    static List<Item> itemsFor(CurrentPage page) {
        return SECTIONS.stream()
                .map(section -> new Item(section.label(), section.href(), page.isWithin(section.path(), section.parameters())))
                .toList();
    }
}
