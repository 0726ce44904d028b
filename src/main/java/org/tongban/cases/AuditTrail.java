package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** The audit of one case as staff read it, and whether its hash chain is intact. */
public record AuditTrail(List<Entry> entries, boolean intact) {

    /** One transition: who, as what, when it happened and when it was recorded, the states and deadlines around it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AuditEntry")
    public record Entry(int seq, String event, String actorName, @Nullable String actorRole, Instant occurredAt,
                        Instant recordedAt, CaseStatus from, CaseStatus to, @Nullable String opinion,
                        String deadlinesBefore, String deadlinesAfter) {

        static Entry of(CaseAudit.Entry e) {
            return new Entry(e.seq(), e.event(), e.actorName(), e.actorRole(), e.occurredAt(), e.recordedAt(),
                    CaseStatus.valueOf(e.fromStatus()), CaseStatus.valueOf(e.toStatus()), e.opinion(),
                    e.deadlinesBefore(), e.deadlinesAfter());
        }
    }
}
