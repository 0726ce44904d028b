package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.tongban.cases.CounterApplication.Authorisation;
import org.tongban.cases.SubmittedMaterial.Provision;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountSummary;
import org.tongban.identity.CounterRegistration;
import org.tongban.identity.RealNameLevel;
import org.tongban.identity.Role;
import org.tongban.identity.SystemActor;
import org.tongban.identity.TestApplicants;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Refused;
import org.tongban.support.MovableClock;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/**
 * 窗口收件: the counter finds or registers the applicant by the number on their document, applies for them with the
 * authorisation and the accepting centre recorded, and nobody but the counter may do either.
 */
@TongbanTest
class CounterIntakeTests {

    static final String CLERK = "clerk";
    static final String ZHANG_ID = "377002199001011232";
    static final String ZHANG = "13800000001";

    @Autowired CaseManagement cases;
    @Autowired AccountManagement accounts;
    @Autowired CatalogManagement catalog;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;
    @Autowired JdbcClient jdbc;

    String item;

    @BeforeEach
    void publishAnItem() {
        clock.dayAt10("2026-09-28");
        item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2026, 9, 28));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UUID zhang() {
        return signedIn.as(CLERK, () -> accounts.findApplicantAtCounter(ZHANG_ID)).orElseThrow().id();
    }

    private Application application(SubmittedMaterial... materials) {
        return new Application(item, null, Map.of("contact", "张海川"), List.of(materials),
                new Intake.Delivery(Intake.Delivery.Method.PICK_UP, null));
    }

    private CounterApplication atCentre(UUID applicant, Application a, Authorisation authorisation) {
        return new CounterApplication(applicant, a, "HC-DG", authorisation);
    }

    private static Authorisation inPerson() {
        return new Authorisation(Authorisation.Kind.APPLICANT_IN_PERSON, null, null);
    }

    private static SubmittedMaterial paper(String name) {
        return new SubmittedMaterial(name, Provision.PAPER, null, null);
    }

    private long caseCount() {
        return jdbc.sql("SELECT count(*) FROM cases_case").query(Long.class).single();
    }

    @Test
    void theClerkFindsAnApplicantByIdNumberAndTheLookIsLogged() {
        AccountSummary found = signedIn.as(CLERK, () -> accounts.findApplicantAtCounter(" " + ZHANG_ID + " ")).orElseThrow();

        assertThat(found.displayName()).isEqualTo("张海川");
        assertThat(found.maskedIdNumber()).isEqualTo("3770**********1232");
        assertThat(SystemActor.runAs("test", Set.of(Role.PLATFORM_ADMIN), () -> accounts.personalDataAccessLog(found.id())))
                .anySatisfy(a -> {
                    assertThat(a.accessedBy()).isEqualTo(CLERK);
                    assertThat(a.dataItem()).isEqualTo("ACCOUNT_LOOKUP");
                });
        assertThat(signedIn.as(CLERK, () -> accounts.findApplicantAtCounter("91377002HC10000182")))
                .hasValueSatisfying(e -> assertThat(e.displayName()).isEqualTo("海川示例科技有限公司"));
    }

    @Test
    void aNumberThatIsNoNumberIsNamedAndOnlyTheCounterMayLookUp() {
        assertThatThrownBy(() -> signedIn.as(CLERK, () -> accounts.findApplicantAtCounter("12345")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("identifier"));
        assertThatThrownBy(() -> signedIn.as(ZHANG, () -> accounts.findApplicantAtCounter(ZHANG_ID)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signedIn.as("reviewer.scj", () -> accounts.findApplicantAtCounter(ZHANG_ID)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anApplicantWithoutAnAccountIsRegisteredInPersonOnceTheDocumentsAreSeen() {
        int n = TestApplicants.next();
        String id = TestApplicants.idNumber(n);
        assertThat(signedIn.as(CLERK, () -> accounts.findApplicantAtCounter(id))).isEmpty();

        CounterRegistration unseen = new CounterRegistration(false, id, "窗口" + n, TestApplicants.mobile(n), null, null, false);
        assertThatThrownBy(() -> signedIn.as(CLERK, () -> accounts.registerAtCounter(unseen)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("documentsSeen"));
        assertThat(signedIn.as(CLERK, () -> accounts.findApplicantAtCounter(id))).isEmpty();

        CounterRegistration seen = new CounterRegistration(false, id, "窗口" + n, TestApplicants.mobile(n), null, null, true);
        AccountSummary registered = signedIn.as(CLERK, () -> accounts.registerAtCounter(seen));
        assertThat(registered.realNameLevel()).isEqualTo(RealNameLevel.IN_PERSON);
        assertThat(signedIn.as(CLERK, () -> accounts.findApplicantAtCounter(id))).map(AccountSummary::id)
                .contains(registered.id());
        assertThatThrownBy(() -> signedIn.as(CLERK, () -> accounts.registerAtCounter(
                new CounterRegistration(false, id, "窗口" + n, TestApplicants.mobile(n + 500), null, null, true))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.code()).contains("account.id-number.taken"));
    }

    @Test
    void theCounterAppliesWithPaperOriginalsAndTheCaseRecordsCentreClerkAndAuthority() {
        UUID applicant = zhang();
        Case c = signedIn.as(CLERK, () -> cases.submitAtCounter(atCentre(applicant, application(
                paper(CaseTestItems.FORM), paper(CaseTestItems.FLOOR_PLAN)), inPerson()), "counter-" + UUID.randomUUID()))
                .submitted();

        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.applicant().accountId()).isEqualTo(applicant);
        assertThat(c.applicant().name()).isEqualTo("张海川");
        assertThat(c.applicant().mobileTail()).isEqualTo("0001");
        assertThat(c.intake().channel()).isEqualTo(Intake.Channel.COUNTER);
        assertThat(c.intake().acceptingCentre()).isEqualTo("HC-DG");
        assertThat(c.intake().clerk()).isNotNull();
        assertThat(c.intake().clerk().role()).isEqualTo(Role.WINDOW_CLERK);
        assertThat(c.intake().authorisation()).isEqualTo("申请人本人到场办理");
        assertThat(c.materials()).extracting(SubmittedMaterial::provision).containsOnly(Provision.PAPER);
        // The applicant sees the case the counter took in for them, in their own list.
        assertThat(signedIn.as(ZHANG, () -> cases.mine(1, 20)).cases()).extracting(CaseSummary::number)
                .contains(c.number());
        assertThat(signedIn.as(ZHANG, () -> cases.view(c.number())).intake().acceptingCentre()).isEqualTo("HC-DG");
    }

    @Test
    void anAgentIsRecordedMaskedAndAnAgentWithoutAValidIdNumberIsRefused() {
        UUID applicant = zhang();
        long before = caseCount();
        assertThatThrownBy(() -> signedIn.as(CLERK, () -> cases.submitAtCounter(atCentre(applicant,
                application(paper(CaseTestItems.FORM), paper(CaseTestItems.FLOOR_PLAN)),
                new Authorisation(Authorisation.Kind.AGENT, "李代理", "37700219770707000")), "counter-" + UUID.randomUUID())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("agentIdNumber"));
        assertThat(caseCount()).isEqualTo(before);

        String agentId = TestApplicants.idNumber(TestApplicants.next());
        Case c = signedIn.as(CLERK, () -> cases.submitAtCounter(atCentre(applicant,
                application(paper(CaseTestItems.FORM), paper(CaseTestItems.FLOOR_PLAN)),
                new Authorisation(Authorisation.Kind.AGENT, "李代理", agentId)), "counter-" + UUID.randomUUID())).submitted();
        assertThat(c.intake().authorisation()).contains("李代理", agentId.substring(0, 4) + "**********" + agentId.substring(14))
                .doesNotContain(agentId);
        assertThat(jdbc.sql("SELECT count(*) FROM cases_case WHERE state::text LIKE ?").param("%" + agentId + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownCentreOrApplicantIsNamedAndTheSameKeyGivesTheSameCase() {
        UUID applicant = zhang();
        Application a = application(paper(CaseTestItems.FORM), paper(CaseTestItems.FLOOR_PLAN));
        assertThatThrownBy(() -> signedIn.as(CLERK, () -> cases.submitAtCounter(
                new CounterApplication(applicant, a, "NO-SUCH", inPerson()), "counter-" + UUID.randomUUID())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("acceptingCentre"));
        assertThatThrownBy(() -> signedIn.as(CLERK, () -> cases.submitAtCounter(
                atCentre(UUID.randomUUID(), a, inPerson()), "counter-" + UUID.randomUUID())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("applicant"));

        String key = "counter-" + UUID.randomUUID();
        Case first = signedIn.as(CLERK, () -> cases.submitAtCounter(atCentre(applicant, a, inPerson()), key)).submitted();
        CaseManagement.Submitted again = signedIn.as(CLERK, () -> cases.submitAtCounter(atCentre(applicant, a, inPerson()), key));
        assertThat(again.created()).isFalse();
        assertThat(again.submitted().number()).isEqualTo(first.number());
        assertThatThrownBy(() -> signedIn.as(CLERK, () -> cases.submitAtCounter(
                new CounterApplication(applicant, a, "HC-XL", inPerson()), key)))
                .isInstanceOf(Refused.class).hasMessageContaining(key);
    }

    @Test
    void onlyTheCounterAppliesForSomeoneElseAndOnlineThereAreNoPaperOriginals() {
        UUID applicant = zhang();
        Application a = application(paper(CaseTestItems.FORM), paper(CaseTestItems.FLOOR_PLAN));
        assertThatThrownBy(() -> signedIn.as("13800000002", () -> cases.submitAtCounter(atCentre(applicant, a, inPerson()),
                "counter-" + UUID.randomUUID()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signedIn.as("reviewer.scj", () -> cases.submitAtCounter(atCentre(applicant, a, inPerson()),
                "counter-" + UUID.randomUUID()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signedIn.as(ZHANG, () -> cases.submit(a, "online-" + UUID.randomUUID())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).contains("case.paper-online"));
    }

    @Test
    void instantApprovalAtTheCounterChecksTheFactsTheClerkSaw() {
        clock.reset(); // the demo item is in force from its publication, later than the licensing item's Monday
        UUID wang = signedIn.as(CLERK, () -> accounts.findApplicantAtCounter("37702119580308301X")).orElseThrow().id();
        Map<String, String> form = Map.of("applicantName", "王秋生", "applicantIdNumber", "37702119580308301X",
                "applicantPhone", "13800000003", "applicantAddress", "海川市东港区滨海大道 1 号",
                "contributionYears", "16", "receivingOtherPension", "false");
        Application a = new Application(InstantApprovalCaseTests.PENSION, null, form, List.of(),
                new Intake.Delivery(Intake.Delivery.Method.PICK_UP, null));
        Case c = signedIn.as(CLERK, () -> cases.submitAtCounter(new CounterApplication(wang, a, "HC-CITY", inPerson()),
                "counter-" + UUID.randomUUID())).submitted();

        assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(c.decision().automaticRule()).contains("申请人年满60周岁");
        assertThat(SystemActor.runAs("test", Set.of(Role.PLATFORM_ADMIN), () -> accounts.personalDataAccessLog(wang)))
                .anySatisfy(l -> {
                    assertThat(l.accessedBy()).isEqualTo(CLERK);
                    assertThat(l.dataItem()).isEqualTo("ID_NUMBER");
                });
    }
}
