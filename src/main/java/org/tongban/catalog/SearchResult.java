package org.tongban.catalog;

import java.util.List;

/** One page of search hits and the total number of matching items. */
public record SearchResult(List<SearchHit> hits, long total, int page, int size) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
