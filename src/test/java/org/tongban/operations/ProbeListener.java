package org.tongban.operations;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reacts to a {@link Probe}: fails while its name is set to fail, records it as handled otherwise. (Methods, not
 * fields: the bean is proxied for its asynchronous listener.)
 */
@Component
class ProbeListener {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();

    void fail(String name) {
        failing.add(name);
    }

    void succeed(String name) {
        failing.remove(name);
    }

    boolean handled(String name) {
        return handled.contains(name);
    }

    @ApplicationModuleListener
    void on(Probe probe) {
        if (failing.contains(probe.name())) {
            throw new IllegalStateException("Probe " + probe.name() + " fails on purpose");
        }
        handled.add(probe.name());
    }
}
