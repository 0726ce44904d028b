package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.access.AccessDeniedException;
import org.tongban.cases.SubmittedMaterial.Provision;
import org.tongban.catalog.CatalogManagement;
import org.tongban.support.MovableClock;
import org.tongban.support.RecordingSmsGateway;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

/**
 * 办件进度提醒: each milestone reaches the applicant once, in their messages and by text message; a gateway that
 * refuses leaves the reaction to be delivered again, and delivering again sends nothing twice.
 */
@TongbanTest
class CaseNotificationsTests {

    static final String ENTERPRISE = "92377003HC10000268";
    static final String MOBILE = "13900000002";

    @Autowired CaseManagement cases;
    @Autowired CaseNotifications notifications;
    @Autowired CatalogManagement catalog;
    @Autowired SignedIn signedIn;
    @Autowired MovableClock clock;
    @Autowired RecordingSmsGateway sms;
    @Autowired JdbcClient jdbc;
    @Autowired IncompleteEventPublications incomplete;

    String item;

    @BeforeEach
    void publish() {
        clock.dayAt10("2026-09-28");
        item = CaseTestItems.publish(signedIn, catalog, CaseTestItems.licensing(), LocalDate.of(2026, 9, 28));
    }

    @AfterEach
    void reset() {
        clock.reset();
        sms.accept(MOBILE);
    }

    private Case submit() {
        byte[] pdf = "%PDF-1.4\n% 申请书\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String form = signedIn.as(ENTERPRISE, () -> cases.upload("file", "申请书.pdf", pdf)).sha256();
        Application a = new Application(item, null, Map.of("contact", "李小满"), List.of(
                new SubmittedMaterial(CaseTestItems.FORM, Provision.FILE, form, "申请书.pdf"),
                new SubmittedMaterial(CaseTestItems.FLOOR_PLAN, Provision.DEFERRED, null, null)),
                new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null));
        return signedIn.as(ENTERPRISE, () -> cases.submit(a, "notice-" + UUID.randomUUID())).submitted();
    }

    private List<String> notices(Case c) {
        return jdbc.sql("SELECT event FROM cases_notification WHERE case_number = ? ORDER BY occurred_at")
                .param(c.number().value()).query(String.class).list();
    }

    private List<String> textsAbout(Case c) {
        return sms.sentTo(MOBILE).stream().map(RecordingSmsGateway.Message::text)
                .filter(t -> t.contains(c.number().value()) || t.contains(c.terms().itemName())).toList();
    }

    @Test
    void eachMilestoneReachesTheApplicantInTheirMessagesAndByTextOnce() {
        Case c = submit();
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(c).equals(List.of("CaseSubmitted")));
        clock.advance(Duration.ofHours(2));
        signedIn.as("clerk", () -> cases.accept(c.number(), Map.of(CaseTestItems.FLOOR_PLAN, LocalDate.of(2026, 10, 9))));
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(c).equals(List.of("CaseSubmitted", "CaseAccepted")));

        assertThat(textsAbout(c)).hasSize(2);
        assertThat(textsAbout(c).get(0)).contains(c.number().value(), "2026年10月10日前受理");
        assertThat(textsAbout(c).get(1)).contains("已受理", "承诺于", "经营场所平面图（2026年10月9日前）");

        assertThat(signedIn.as(ENTERPRISE, () -> notifications.unread())).isGreaterThanOrEqualTo(2);
        CaseNotifications.Page page = signedIn.as(ENTERPRISE, () -> notifications.mine(1, 20));
        assertThat(page.notifications()).filteredOn(n -> n.caseNumber().equals(c.number()))
                .extracting(CaseNotifications.Notification::event).containsExactly("CaseAccepted", "CaseSubmitted");
        assertThat(page.notifications()).filteredOn(n -> n.caseNumber().equals(c.number()))
                .allSatisfy(n -> assertThat(n.texted()).isTrue());
        assertThat(signedIn.as(ENTERPRISE, () -> notifications.unread())).isZero();
    }

    @Test
    void nobodyElseReadsTheNoticesAndStaffHaveNone() {
        Case c = submit();
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(c).size() == 1);
        assertThat(signedIn.as("91377002HC10000182", () -> notifications.mine(1, 100)).notifications())
                .noneMatch(n -> n.caseNumber().equals(c.number()));
        assertThatThrownBy(() -> signedIn.as("clerk", () -> notifications.mine(1, 20)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRefusedTextLeavesTheNoticeToBeDeliveredAgainAndThenItGoesOnce() throws Exception {
        sms.refuse(MOBILE);
        Case c = submit();
        // The reaction fails: no notice stored, nothing sent, the publication stays incomplete.
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE '%CaseNotifications%'
                AND serialized_event LIKE ?""").param("%" + c.number().value() + "%").query(Long.class).single() == 1
                && jdbc.sql("SELECT status FROM event_publication WHERE listener_id LIKE '%CaseNotifications%' AND serialized_event LIKE ?")
                        .param("%" + c.number().value() + "%").query(String.class).single().equals("FAILED"));
        assertThat(notices(c)).isEmpty();
        assertThat(textsAbout(c)).isEmpty();

        sms.accept(MOBILE);
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof CaseSubmitted s
                && s.ref().number().equals(c.number()));
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(c).equals(List.of("CaseSubmitted")));
        await().atMost(Duration.ofSeconds(20)).until(() -> textsAbout(c).size() == 1);

        // Delivering the same event again (as after a crash between send and completion) stores and sends nothing more.
        CaseSubmitted again = new CaseSubmitted(new CaseRef(c.id(), c.number(), c.item(), c.terms().handlingDepartmentId(),
                c.applicant().accountId(), null), c.submittedAt(), Actor.platform(), Intake.Channel.WEB, c.receivedOn(),
                c.deadlines().acceptanceDue(), false);
        notifications.on(again);
        assertThat(notices(c)).containsExactly("CaseSubmitted");
        assertThat(textsAbout(c)).hasSize(1);
    }
}
