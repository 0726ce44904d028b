package org.tongban.operations;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * An event whose reaction by one listener has not completed.
 *
 * @param eventType  the event's class name
 * @param listener   the listener's identifier (class, method and parameter types)
 * @param status     as the registry records it: PUBLISHED, PROCESSING, FAILED or RESUBMITTED
 * @param attempts   how often it was resubmitted
 */
public record IncompletePublication(UUID id, String eventType, String listener, Instant publishedAt,
                                    @Nullable String status, int attempts, @Nullable Instant lastResubmittedAt) {

    /** The event's simple name, {@code ItemVersionPublished}. */
    public String eventName() {
        return eventType.substring(eventType.lastIndexOf('.') + 1);
    }

    /** The listener without its packages: {@code SearchFreshness.on(ItemVersionPublished)}. */
    public String listenerName() {
        int parameters = listener.indexOf('(');
        String method = parameters < 0 ? listener : listener.substring(0, parameters);
        String shortMethod = method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1);
        if (parameters < 0) {
            return shortMethod;
        }
        String[] types = listener.substring(parameters + 1, listener.length() - 1).split(",");
        StringBuilder text = new StringBuilder(shortMethod).append('(');
        for (int i = 0; i < types.length; i++) {
            String type = types[i].strip();
            text.append(i == 0 ? "" : ", ").append(type.substring(type.lastIndexOf('.') + 1));
        }
        return text.append(')').toString();
    }
}
