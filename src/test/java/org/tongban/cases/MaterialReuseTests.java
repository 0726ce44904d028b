package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.tongban.cases.SubmittedMaterial.Provision;
import org.tongban.catalog.CatalogManagement;
import org.tongban.shared.InvalidInputException;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/**
 * 免提交: a material the item says a licence replaces is attached by reference to a licence the applicant holds, as
 * {@link MaterialSources} offers it; a reference it does not offer this applicant for that material is refused.
 */
@TongbanTest
class MaterialReuseTests {

    static final String ENTERPRISE = "91377002HC10000182";
    static final String OTHER_ENTERPRISE = "92377003HC10000268";
    static final String LICENCE = "营业执照";

    @Autowired CaseManagement cases;
    @Autowired CatalogManagement catalog;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;

    String item;

    @BeforeEach
    void publish() {
        clock.dayAt10("2026-09-28");
        item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2026, 9, 28));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Application withLicence(String reference) {
        byte[] pdf = "%PDF-1.4\n% 申请书\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String form = signedIn.as(ENTERPRISE, () -> cases.upload("file", "申请书.pdf", pdf)).sha256();
        return new Application(item, null, Map.of("contact", "陈示例"), List.of(
                new SubmittedMaterial(CaseTestItems.FORM, Provision.FILE, form, "申请书.pdf"),
                new SubmittedMaterial(CaseTestItems.FLOOR_PLAN, Provision.DEFERRED, null, null),
                new SubmittedMaterial(LICENCE, Provision.BY_REFERENCE, reference, "请求里写的名字")),
                new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null));
    }

    private String heldBy(String login) {
        return signedIn.as(login, () -> cases.heldMaterials(item)).get(LICENCE).getFirst().reference();
    }

    @Test
    void anEnterpriseAttachesItsBusinessLicenceAndTheCaseKeepsTheSourcesTitle() {
        Map<String, List<MaterialSources.HeldMaterial>> held = signedIn.as(ENTERPRISE, () -> cases.heldMaterials(item));
        assertThat(held).containsOnlyKeys(LICENCE);
        assertThat(held.get(LICENCE)).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(MaterialSources.HeldMaterial.Kind.LICENSE);
            assertThat(h.title()).contains("营业执照", "海川示例科技有限公司");
        });

        Case c = signedIn.as(ENTERPRISE, () -> cases.submit(withLicence(heldBy(ENTERPRISE)), "reuse-" + UUID.randomUUID()))
                .submitted();

        SubmittedMaterial attached = c.materials().stream().filter(m -> m.name().equals(LICENCE)).findFirst().orElseThrow();
        assertThat(attached.provision()).isEqualTo(Provision.BY_REFERENCE);
        assertThat(attached.fileName()).contains("营业执照（电子证照", "海川市市场监督管理局").doesNotContain("请求里写的名字");
    }

    @Test
    void anotherApplicantsLicenceOrAnInventedOneIsRefusedNamingTheMaterial() {
        String theirs = heldBy(OTHER_ENTERPRISE);
        for (String reference : List.of(theirs, "demo:000000000000000000000000")) {
            assertThatThrownBy(() -> signedIn.as(ENTERPRISE, () -> cases.submit(withLicence(reference),
                    "reuse-" + UUID.randomUUID()))).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.violations()).extracting(v -> v.field() + " " + v.code())
                            .containsExactly("materials." + LICENCE + " case.reference-unknown"));
        }
    }

    @Test
    void aPersonHoldsNoBusinessLicenceAndOnlyApplicantsAskWhatTheyHold() {
        assertThat(signedIn.as("13800000001", () -> cases.heldMaterials(item))).isEmpty();
        assertThatThrownBy(() -> signedIn.as("reviewer.scj", () -> cases.heldMaterials(item)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
