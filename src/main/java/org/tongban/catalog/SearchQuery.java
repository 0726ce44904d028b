package org.tongban.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A search of the public catalogue: free text (may be empty to browse), optional filters, a 1-based page.
 */
public record SearchQuery(@Nullable String text, @Nullable String departmentCreditCode,
                          ItemContent.@Nullable Audience audience, @Nullable String theme, int page, int size) {

    public static final int MAX_SIZE = 100;

    public SearchQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        departmentCreditCode = departmentCreditCode == null || departmentCreditCode.isBlank() ? null : departmentCreditCode;
        theme = theme == null || theme.isBlank() ? null : theme;
        page = Math.max(page, 1);
        size = Math.clamp(size, 1, MAX_SIZE);
    }

    public static SearchQuery text(String text) {
        return new SearchQuery(text, null, null, null, 1, 20);
    }
}
