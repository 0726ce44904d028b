package org.tongban.catalog;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The most-read guides, kept in memory: the guide page is the busiest page of the portal, and a guide changes
 * only when a version is published or takes effect. Entries are dropped exactly when the search index reindexes
 * the item (same triggers, including other instances' publications), so the two never disagree for long.
 */
@Component
class GuideCache {

    static final int CAPACITY = 5_000;

    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private final Map<String, ItemGuide> guides = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ItemGuide> eldest) {
            return size() > CAPACITY;
        }
    };

    Optional<ItemGuide> get(String code, Supplier<Optional<ItemGuide>> load) {
        synchronized (guides) {
            ItemGuide cached = guides.get(code);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        long generationAtLoad = generation.get();
        Optional<ItemGuide> loaded = load.get();
        loaded.ifPresent(guide -> {
            synchronized (guides) {
                // An eviction while loading means the loaded guide may already be out of date: do not keep it.
                if (generation.get() == generationAtLoad) {
                    guides.put(code, guide);
                }
            }
        });
        return loaded;
    }

    void evict(String code) {
        synchronized (guides) {
            generation.incrementAndGet();
            guides.remove(code);
        }
    }

    void clear() {
        synchronized (guides) {
            generation.incrementAndGet();
            guides.clear();
        }
    }
}
