package org.tongban.catalog;

import org.jspecify.annotations.Nullable;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Paging;
import org.tongban.shared.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * A search of the public catalogue: free text (may be empty to browse), optional filters, a 1-based page. A query
 * out of bounds (text longer than {@link #MAX_TEXT}, a page beyond the first {@link #MAX_RESULTS} results, a size
 * over {@link #MAX_SIZE}) cannot be made: its constructor refuses it naming the parameter, so that no search
 * costs more than the deepest page a person reads.
 */
public record SearchQuery(@Nullable String text, @Nullable String departmentCreditCode,
                          ItemContent.@Nullable Audience audience, @Nullable String theme, int page, int size) {

    public static final int MAX_SIZE = Paging.MAX_SIZE;
    public static final int MAX_TEXT = 100;
    /** Deep paging stops here: a search collects at most this many hits, whatever page is asked for. */
    public static final int MAX_RESULTS = Paging.MAX_RESULTS;

    public SearchQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        departmentCreditCode = departmentCreditCode == null || departmentCreditCode.isBlank() ? null : departmentCreditCode;
        theme = theme == null || theme.isBlank() ? null : theme;
        List<Violation> violations = violations(text, page, size);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** What is wrong with these parameters (field names {@code q}, {@code page}, {@code size}); empty if nothing. */
    public static List<Violation> violations(@Nullable String text, long page, long size) {
        List<Violation> violations = new ArrayList<>();
        if (text != null && text.strip().length() > MAX_TEXT) {
            violations.add(Violation.of("q", "too-long", "不能超过 {0} 个字", MAX_TEXT));
        }
        violations.addAll(Paging.violations(page, size, MAX_RESULTS));
        return violations;
    }

    public static SearchQuery text(String text) {
        return new SearchQuery(text, null, null, null, 1, 20);
    }
}
