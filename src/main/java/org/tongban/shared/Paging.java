package org.tongban.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of a list, checked before any work is done: pages are counted from 1, a page holds at most
 * {@link #MAX_SIZE} entries, and no page starts beyond {@code maxResults} entries, so that no request, however
 * absurd its numbers, costs more than the deepest page a person reads. Out of range, the request is refused
 * naming the parameter ({@code page} or {@code size}), never clamped silently and never a server error.
 *
 * <pre>{@code
 * Paging paging = Paging.of(page, size, Paging.MAX_RESULTS);   // throws InvalidInputException
 * List<Row> rows = query.limit(paging.size()).offset(paging.offset());
 * }</pre>
 *
 * @param page counted from 1
 * @param size entries a page
 */
public record Paging(int page, int size) {

    /** The most entries one page may hold. */
    public static final int MAX_SIZE = 100;

    /**
     * How deep paging reaches: the first thousand entries of a list (fifty pages of twenty). A person narrows a
     * search long before that; a machine that wants everything uses the export or a filter.
     */
    public static final int MAX_RESULTS = 1000;

    public Paging {
        List<Violation> violations = violations(page, size, Integer.MAX_VALUE);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** A checked page whose first entry lies within the first {@code maxResults} entries. */
    public static Paging of(int page, int size, int maxResults) {
        List<Violation> violations = violations(page, size, maxResults);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Paging(page, size);
    }

    /**
     * What is wrong with a page request, for callers that report it together with their own checks; empty when
     * the page may be served.
     */
    public static List<Violation> violations(long page, long size, int maxResults) {
        List<Violation> violations = new ArrayList<>();
        if (size < 1 || size > MAX_SIZE) {
            violations.add(Violation.of("size", "size.range", "每页条数应在 1 到 {0} 之间", MAX_SIZE));
        }
        if (page < 1) {
            violations.add(Violation.of("page", "page.min", "页码从 1 开始"));
        } else if (size >= 1 && size <= MAX_SIZE && (page - 1) * size >= maxResults) {
            violations.add(Violation.of("page", "page.max", "最多只能翻到第 {0} 页（前 {1} 条结果），请缩小搜索范围",
                    lastPage((int) size, maxResults), maxResults));
        }
        return violations;
    }

    /** The deepest page that may be asked for at this page size. */
    public static int lastPage(int size, int maxResults) {
        return Math.max(1, (maxResults + size - 1) / size);
    }

    /** How many entries come before this page. */
    public int offset() {
        return (page - 1) * size;
    }
}
