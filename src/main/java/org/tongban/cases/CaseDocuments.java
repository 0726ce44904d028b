package org.tongban.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemContent;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement;
import org.tongban.shared.Refused;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The case documents as PDF: the receipt, the signed 告知承诺书 and each notice a case has been given, with the handling department's name
 * and, for a refusal to accept, the reasons from the case's audit. The embedded font is resolved once, at start
 * ({@link DocumentFont}), so a missing one stops the application instead of the first receipt. Callers check the
 * asker's hold on the case first ({@link CaseManagement}).
 */
@Component
class CaseDocuments {

    private static final Logger log = LoggerFactory.getLogger(CaseDocuments.class);

    private final CaseDocumentWriter writer;
    private final DepartmentManagement departments;
    private final CaseAudit audit;
    private final Clock clock;

    private final CatalogManagement catalog;

    CaseDocuments(DocumentsProperties properties, CasesProperties cases, DepartmentManagement departments,
                  CaseAudit audit, Clock clock, CatalogManagement catalog) {
        this.catalog = catalog;
        DocumentFont font = DocumentFont.resolve(properties.font(), CaseDocuments.class.getClassLoader());
        log.info("Case documents embed the font {}", font.source());
        this.writer = new CaseDocumentWriter(properties, font, clock.getZone(), cases.acceptanceLimit());
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    byte[] receipt(Case c) {
        return writer.receipt(c, letterhead(c));
    }

    /** A notice the case has been given; refused (409) for one it has not, such as a decision before there is one. */
    byte[] notice(Case c, NoticeKind kind) {
        if (!kind.issued(c)) {
            throw new Refused("case.no-such-notice", "此办件还没有" + kind.title() + "；" + c.status().label());
        }
        CaseDocumentWriter.Letterhead letterhead = letterhead(c);
        return switch (kind) {
            case ACCEPTANCE -> writer.acceptance(c, letterhead);
            case NON_ACCEPTANCE -> writer.nonAcceptance(c, refusal(c), letterhead);
            case CORRECTION -> writer.correction(c, letterhead);
            case DECISION -> writer.decision(c, letterhead);
        };
    }

    /**
     * The signed 告知承诺书 of a case that replaced a material by a commitment; refused (409) for one that replaced
     * none. The 告知 reads the conditions and standards from the item version the case is held to.
     */
    byte[] commitment(Case c) {
        if (!hasCommitment(c)) {
            throw new Refused("case.no-commitment-letter", "此办件没有以告知承诺代替的材料，没有告知承诺书");
        }
        CaseDocumentWriter.CommitmentTerms terms = catalog.published(c.item().itemCode(), c.item().versionNo())
                .map(v -> new CaseDocumentWriter.CommitmentTerms(v.content().legalBasis(),
                        v.content().acceptanceConditions(), v.content().materials().stream()
                                .collect(java.util.stream.Collectors.toMap(ItemContent.Material::name,
                                        m -> new CaseDocumentWriter.CommitmentTerms.Material(m.acceptanceStandard(), m.basis()),
                                        (first, second) -> first))))
                .orElse(CaseDocumentWriter.CommitmentTerms.UNKNOWN);
        return writer.commitment(c, letterhead(c), terms);
    }

    static boolean hasCommitment(Case c) {
        return c.materials().stream().anyMatch(m -> m.provision() == SubmittedMaterial.Provision.COMMITMENT);
    }

    /** A stand-in for an applicant's uploaded material in the demo city's cases ({@link DemoCases}). */
    byte[] sampleMaterial() {
        return writer.sampleMaterial(clock.instant());
    }

    private CaseDocumentWriter.Letterhead letterhead(Case c) {
        String department = departments.byId(c.terms().handlingDepartmentId()).map(Department::name)
                .orElseThrow(() -> new IllegalStateException("The handling department "
                        + c.terms().handlingDepartmentId() + " of case " + c.number() + " is not in identity"));
        String centre = c.intake().acceptingCentre() == null ? null : departments.serviceCentre(c.intake().acceptingCentre())
                .map(org.tongban.identity.ServiceCentre::name).orElse(c.intake().acceptingCentre());
        return new CaseDocumentWriter.Letterhead(department, clock.instant(), centre);
    }

    /** The case keeps its state, not the refusal's words: those are in its audit, as the transition recorded them. */
    private CaseDocumentWriter.Refusal refusal(Case c) {
        return audit.entries(c.id()).stream()
                .filter(e -> e.event().equals(CaseNotAccepted.class.getSimpleName()) && e.opinion() != null)
                .reduce((first, second) -> second)
                .map(e -> new CaseDocumentWriter.Refusal(e.opinion(), LocalDate.ofInstant(e.occurredAt(), clock.getZone())))
                .orElseThrow(() -> new IllegalStateException("Case " + c.number() + " is not accepted but its audit has no refusal"));
    }
}
