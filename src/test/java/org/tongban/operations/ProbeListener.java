package org.tongban.operations;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reacts to a {@link Probe}: fails while its name is set to fail, records it as handled otherwise. (Methods, not
 * fields: the bean is proxied for its asynchronous listener.)
 */
@Component
class ProbeListener {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    void fail(String name) {
        failing.add(name);
    }

    void succeed(String name) {
        failing.remove(name);
    }

    boolean handled(String name) {
        return handled.contains(name);
    }

    /** How often the listener has run for this probe, failing or not. */
    int runs(String name) {
        AtomicInteger count = runs.get(name);
        return count == null ? 0 : count.get();
    }

    @ApplicationModuleListener
    void on(Probe probe) {
        runs.computeIfAbsent(probe.name(), n -> new AtomicInteger()).incrementAndGet();
        if (failing.contains(probe.name())) {
            throw new IllegalStateException("Probe " + probe.name() + " fails on purpose");
        }
        handled.add(probe.name());
    }
}
