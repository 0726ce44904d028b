package org.tongban.operations;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.support.Http;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A reaction that fails stays incomplete in the event publication registry instead of being lost; once it has been
 * incomplete longer than {@code tongban.events.stale-after}, a platform administrator sees it and resubmits it.
 */
@TongbanTest
class EventPublicationTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ProbeListener listener;
    @Autowired
    EventPublicationManagement publications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignedIn signedIn;
    @Autowired
    Clock clock;

    private Http signedIn(String user) {
        Http http = new Http(port);
        assertThat(http.login(user, "tongban2026").headers().firstValue("Location")).get().asString()
                .doesNotContain("error");
        return http;
    }

    /** Publishes a probe whose reaction fails, and waits until the registry records the failure. */
    private UUID failedProbe(String name) {
        listener.fail(name);
        transaction.executeWithoutResult(status -> events.publishEvent(new Probe(name)));
        return await().until(() -> jdbc.sql("""
                        SELECT id FROM event_publication
                        WHERE serialized_event LIKE ? AND status = 'FAILED' AND completion_date IS NULL""")
                .param("%\"" + name + "\"%").query(UUID.class).optional().orElse(null), java.util.Objects::nonNull);
    }

    private void age(UUID id, Duration by) {
        jdbc.sql("UPDATE event_publication SET publication_date = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().minus(by)), id).update();
    }

    private boolean completed(UUID id) {
        return jdbc.sql("SELECT completion_date IS NOT NULL FROM event_publication WHERE id = ?").param(id)
                .query(Boolean.class).single();
    }

    @Test
    void aFailedReactionStaysIncompleteAndIsListedOnceStaleThenResubmittedFromThePage() {
        UUID id = failedProbe("海港-1");
        assertThat(completed(id)).isFalse();
        assertThat(signedIn.as("admin", () -> publications.stale())).extracting(IncompletePublication::id)
                .as("not listed while it may still be under way").doesNotContain(id);

        age(id, Duration.ofMinutes(6));
        Http admin = signedIn("admin");
        String page = admin.get("/admin/events").body();
        assertThat(page).contains("未完成的事件处理", "Probe", "ProbeListener.on(Probe)", "处理失败",
                "/admin/events/" + id + "/resubmission");

        listener.succeed("海港-1");
        HttpResponse<String> resubmitted = admin.postForm("/admin/events", "/admin/events/" + id + "/resubmission",
                Map.of());
        assertThat(resubmitted.statusCode()).isEqualTo(302);
        await().until(() -> completed(id));
        assertThat(listener.handled("海港-1")).isTrue();
        assertThat(admin.get("/admin/events").body()).doesNotContain("/admin/events/" + id + "/resubmission");
    }

    @Test
    void onlyAPlatformAdministratorSeesOrResubmitsPublications() {
        assertThatThrownBy(() -> signedIn.as("catalog", () -> publications.stale()))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> signedIn.as("catalog", () -> publications.resubmitStale()))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> signedIn.as("catalog", () -> publications.resubmit(UUID.randomUUID())))
                .isInstanceOf(AuthorizationDeniedException.class);
        Http catalogue = signedIn("catalog");
        assertThat(catalogue.get("/admin/events").statusCode()).isEqualTo(403);
        assertThat(catalogue.get("/staff").body()).doesNotContain("/admin/events");
        assertThat(signedIn("admin").get("/staff").body()).contains("/admin/events", "未完成的事件处理");
    }
}
