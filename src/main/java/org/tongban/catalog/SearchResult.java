package org.tongban.catalog;

import java.util.List;

/**
 * One page of search hits and the number of matching items: exact, or when {@code totalExact} is false a lower
 * bound (a broad word such as 登记 matches most of a large catalogue).
 */
public record SearchResult(List<SearchHit> hits, long total, boolean totalExact, int page, int size) {

    /** Pages that may be asked for: all of them, but no deeper than {@link SearchQuery#MAX_RESULTS} results. */
    public int totalPages() {
        return (int) Math.min(Math.max(1, (total + size - 1) / size),
                org.tongban.shared.Paging.lastPage(size, SearchQuery.MAX_RESULTS));
    }
}
