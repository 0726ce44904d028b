package org.tongban.cases.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.tongban.cases.Case;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.CommitmentCheck;
import org.tongban.cases.Correction;
import org.tongban.cases.Deadlines;
import org.tongban.cases.Decision;
import org.tongban.cases.DeferredMaterial;
import org.tongban.cases.Extension;
import org.tongban.cases.Pause;
import org.tongban.cases.SubmittedMaterial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A case (办件) as the API shows it to its applicant and to the staff who may see it. */
@Schema(name = "Case", description = "A case (办件): an application and where it stands")
record ApiCase(
        @Schema(description = "办件编号: 23 characters, region + date received + sequence + check character",
                example = "37700020260928000000125") String number,
        @Schema(description = "where the case stands") CaseStatus status,
        @Schema(description = "实施编码 of the item applied for") String itemCode,
        @Schema(description = "the item version the case is held to") int itemVersion,
        String itemName,
        @Schema(description = "applicant's name and masked ID number or credit code") String applicantName,
        @Nullable String applicantIdentifier,
        Instant submittedAt,
        LocalDate receivedOn,
        @Nullable LocalDate acceptedOn,
        @Schema(description = "accepted because the acceptance deadline passed (行政许可法 §32)") boolean deemedAccepted,
        Deadlines deadlines,
        @Schema(description = "the current step (环节), from 0; null before acceptance and after the decision")
        @Nullable Step step,
        Map<String, String> form,
        List<SubmittedMaterial> materials,
        @Nullable Correction correction,
        List<DeferredMaterial> deferredMaterials,
        List<Pause> specialProcedures,
        List<Extension> extensions,
        @Nullable Decision decision,
        @Nullable LocalDate completedOn,
        @Nullable String revocationReasons,
        @Schema(description = "the accepting service centre's code when taken at a counter (收受分离)")
        @Nullable String acceptingCentre,
        @Schema(description = "申报来源: COUNTER, WEB, MOBILE or MAIL") String channel,
        @Schema(description = "at a counter: what authorised the clerk (帮办代办), an agent's ID number masked")
        @Nullable String authorisation,
        @Schema(description = "how the result reaches the applicant") String delivery,
        @Schema(description = "告知承诺事后核查 of an approval made on a commitment: pending, or its finding")
        @Nullable CommitmentCheck commitmentCheck) {

    @Schema(name = "CaseStep")
    record Step(int index, String name, String role, @Nullable String assignee) {
    }

    static ApiCase of(Case c) {
        boolean atStep = c.status() == CaseStatus.IN_PROGRESS || c.status() == CaseStatus.SUSPENDED;
        Step step = atStep ? new Step(c.step(), c.terms().step(c.step()).name(), c.terms().step(c.step()).role().name(),
                c.assignee() == null ? null : c.assignee().name()) : null;
        return new ApiCase(c.number().value(), c.status(), c.item().itemCode(), c.item().versionNo(),
                c.terms().itemName(), c.applicant().name(), c.applicant().maskedIdentifier(), c.submittedAt(),
                c.receivedOn(), c.acceptedOn(), c.deemedAccepted(), c.deadlines(), step, c.form(), c.materials(),
                c.correction(), c.deferred(), c.pauses(), c.extensions(), c.decision(), c.completedOn(),
                c.revocationReasons(), c.intake().acceptingCentre(), c.intake().channel().name(), c.intake().authorisation(),
                c.intake().delivery().method().name(),
                c.commitmentCheck());
    }
}
