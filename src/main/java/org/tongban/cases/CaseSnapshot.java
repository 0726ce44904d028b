package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The stored state of a {@link Case}: one JSON document per case, beside the columns that lists query. */
record CaseSnapshot(CaseId id, CaseNumber number, ItemVersionRef item, CaseTerms terms, Applicant applicant,
                    Intake intake, Map<String, String> form, List<SubmittedMaterial> materials, CaseStatus status,
                    Instant submittedAt, LocalDate receivedOn, LocalDate acceptanceClockFrom,
                    @Nullable LocalDate acceptedOn, boolean deemedAccepted, @Nullable Correction correction,
                    List<DeferredMaterial> deferred, int step, @Nullable Actor assignee, List<Pause> pauses,
                    List<Extension> extensions, @Nullable Decision decision, @Nullable LocalDate completedOn,
                    @Nullable String revocationReasons, Deadlines deadlines, long version,
                    @Nullable CommitmentCheck commitmentCheck) {
}
