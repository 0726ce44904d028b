package org.tongban.cases;

import java.time.Instant;

/**
 * Something that happened to a case, published through the event publication registry in the transaction that
 * changed the case, for bundles, licenses, ratings, the hotline and reporting to react to; each carries what the
 * national case records (GB/T 39046 受理, 过程, 结果, 特别程序) need, never the {@link Case} itself. Listeners must
 * be idempotent per case and event: the registry delivers again after a failure.
 */
public sealed interface CaseEvent permits
        CaseSubmitted, CaseAccepted, CaseNotAccepted, CaseCorrectionRequested,
        CaseResubmitted, CaseWithdrawn, CaseStepClaimed, CaseStepCompleted,
        CaseReturnedToStep, CaseSuspended, CaseResumed, CaseExtended,
        DeferredMaterialReceived, CaseApproved, CaseRejected, CaseCompleted,
        CaseRevoked, CommitmentChecked, CaseDeadlinesRecounted, CaseDueSoon, CaseOverdue {

    CaseRef ref();

    Instant at();

    Actor by();
}
