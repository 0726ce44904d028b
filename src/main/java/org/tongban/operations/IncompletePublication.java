package org.tongban.operations;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * An event whose reaction by one listener has not completed.
 *
 * @param eventType         the event's class name
 * @param listener          the listener's identifier (class, method and parameter types)
 * @param status            as the registry records it: PUBLISHED, PROCESSING, FAILED or RESUBMITTED
 * @param resubmissions     how often it was resubmitted (not counting the first run after the publication)
 * @param lastResubmittedAt when it was last resubmitted; null if it never was
 */
public record IncompletePublication(UUID id, String eventType, String listener, Instant publishedAt,
                                    @Nullable String status, int resubmissions, @Nullable Instant lastResubmittedAt) {

    /**
     * From the registry's columns. Spring Modulith's JDBC registry (schema v2) stores a new publication with
     * {@code completion_attempts = 1} and {@code last_resubmission_date} = its publication date, and adds one attempt
     * and the date at each resubmission: the resubmissions are the attempts after the first.
     */
    static IncompletePublication of(UUID id, String eventType, String listener, Instant publishedAt,
                                    @Nullable String status, int completionAttempts,
                                    @Nullable Instant lastResubmissionDate) {
        return new IncompletePublication(id, eventType, listener, publishedAt, status,
                Math.max(0, completionAttempts - 1), completionAttempts > 1 ? lastResubmissionDate : null);
    }

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
