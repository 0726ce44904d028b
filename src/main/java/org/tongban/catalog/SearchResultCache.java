package org.tongban.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Recent search results. People search for the same few hundred things (生孩子, 退休, 营业执照 …) over and over;
 * a result stays valid until the index changes, and every change of the index clears this cache. Size 0 turns
 * it off (the benchmark reports both).
 */
final class SearchResultCache {

    private final int capacity;
    private final AtomicLong generation = new AtomicLong();
    private final Map<SearchQuery, SearchResult> results;

    SearchResultCache(int capacity) {
        this.capacity = capacity;
        this.results = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SearchQuery, SearchResult> eldest) {
                return size() > SearchResultCache.this.capacity;
            }
        };
    }

    SearchResult get(SearchQuery query, Supplier<SearchResult> search) {
        if (capacity == 0) {
            return search.get();
        }
        synchronized (results) {
            SearchResult cached = results.get(query);
            if (cached != null) {
                return cached;
            }
        }
        long generationAtSearch = generation.get();
        SearchResult result = search.get();
        synchronized (results) {
            // A result computed while the index changed may be out of date: return it, but do not keep it.
            if (generation.get() == generationAtSearch) {
                results.put(query, result);
            }
        }
        return result;
    }

    void clear() {
        synchronized (results) {
            generation.incrementAndGet();
            results.clear();
        }
    }
}
