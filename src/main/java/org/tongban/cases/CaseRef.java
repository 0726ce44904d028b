package org.tongban.cases;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * What every case event says about its case, so that a listener needs nothing else to file it: the case, its
 * number, the item version, the handling department, the applicant and the accepting centre (收受分离).
 */
public record CaseRef(CaseId id, CaseNumber number, ItemVersionRef item, UUID handlingDepartmentId,
                      UUID applicantId, @Nullable String acceptingCentre) {
}
