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

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM event_publication WHERE id = ?").param(id).query(String.class).single();
    }

    /** The publication's row on the page: from its {@code <tr>} to the row's end. */
    private static String row(String page, UUID id) {
        int at = page.indexOf("/admin/events/" + id + "/resubmission");
        assertThat(at).as("publication %s listed", id).isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    private static String resubmissionsCell(String row) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<td[^>]*data-label=\"重新提交次数\"[^>]*>(\\d+)</td>").matcher(row);
        assertThat(m.find()).as("resubmission count in %s", row).isTrue();
        return m.group(1);
    }

    /**
     * What resubmitting a reaction that still fails really does (Spring Modulith 2.1, JDBC registry): the registry
     * marks it RESUBMITTED and adds an attempt at once, the listener runs again asynchronously after the request, and
     * its failure marks the publication FAILED again. It stays incomplete and listed, FAILED once that run is over,
     * with one resubmission more each time; once the cause is gone, the next resubmission completes it. (A first
     * version of this test expected FAILED right after the request, before the asynchronous run had failed, and
     * read the registry's completion attempts, which count the first run too, as resubmissions.)
     */
    @Test
    void resubmittingAReactionThatStillFailsRunsItAgainAndItStaysListedAsFailedWithTheResubmissionCounted() {
        UUID id = failedProbe("海港-2");
        age(id, Duration.ofMinutes(6));
        Http admin = signedIn("admin");
        String before = row(admin.get("/admin/events").body(), id);
        assertThat(before).contains("处理失败");
        assertThat(resubmissionsCell(before)).as("never resubmitted").isEqualTo("0");
        assertThat(listener.runs("海港-2")).isEqualTo(1);

        HttpResponse<String> resubmitted = admin.postForm("/admin/events", "/admin/events/" + id + "/resubmission",
                Map.of());
        assertThat(resubmitted.headers().firstValue("Location")).get().asString().endsWith("resubmitted=1");
        assertThat(admin.get("/admin/events?resubmitted=1").body()).contains("已重新提交 1 条事件处理");
        // The listener runs again after the request has returned, and fails again.
        await().until(() -> listener.runs("海港-2") == 2 && "FAILED".equals(status(id)));
        assertThat(completed(id)).isFalse();
        String after = row(admin.get("/admin/events").body(), id);
        assertThat(after).contains("处理失败");
        assertThat(resubmissionsCell(after)).isEqualTo("1");
        assertThat(signedIn.as("admin", () -> publications.stale())).filteredOn(p -> p.id().equals(id))
                .singleElement().satisfies(p -> {
                    assertThat(p.status()).isEqualTo("FAILED");
                    assertThat(p.resubmissions()).isEqualTo(1);
                    assertThat(p.lastResubmittedAt()).isAfter(p.publishedAt());
                });

        // Still failing, it can be resubmitted again: one more run, one more resubmission.
        assertThat(signedIn.as("admin", () -> publications.resubmit(id))).isTrue();
        await().until(() -> listener.runs("海港-2") == 3 && "FAILED".equals(status(id)));
        assertThat(resubmissionsCell(row(admin.get("/admin/events").body(), id))).isEqualTo("2");

        listener.succeed("海港-2");
        assertThat(signedIn.as("admin", () -> publications.resubmit(id))).isTrue();
        await().until(() -> completed(id));
        assertThat(status(id)).isEqualTo("COMPLETED");
        assertThat(listener.handled("海港-2")).isTrue();
        assertThat(admin.get("/admin/events").body()).doesNotContain("/admin/events/" + id + "/resubmission");
    }

    /**
     * The registry runs a publication again only if it can mark it RESUBMITTED; one already RESUBMITTED (a
     * resubmission by another administrator or instance that has not finished) is left alone, and the page says
     * that nothing was resubmitted instead of counting it.
     */
    @Test
    void aPublicationWhoseResubmissionIsUnderWayIsNotRunTwiceAndThePageSaysNothingWasResubmitted() {
        UUID id = failedProbe("海港-3");
        age(id, Duration.ofMinutes(6));
        jdbc.sql("UPDATE event_publication SET status = 'RESUBMITTED' WHERE id = ?").param(id).update();
        Http admin = signedIn("admin");
        assertThat(row(admin.get("/admin/events").body(), id)).contains("已重新提交");

        HttpResponse<String> resubmitted = admin.postForm("/admin/events", "/admin/events/" + id + "/resubmission",
                Map.of());
        assertThat(resubmitted.headers().firstValue("Location")).get().asString().endsWith("resubmitted=0");
        assertThat(admin.get("/admin/events?resubmitted=0").body()).contains("没有重新提交任何事件处理");
        // The registry refused to mark it, so nothing was handed to the listener, now or later.
        assertThat(listener.runs("海港-3")).isEqualTo(1);
        assertThat(status(id)).isEqualTo("RESUBMITTED");

        jdbc.sql("UPDATE event_publication SET status = 'FAILED' WHERE id = ?").param(id).update();
        listener.succeed("海港-3");
        assertThat(signedIn.as("admin", () -> publications.resubmit(id))).isTrue();
        await().until(() -> completed(id));
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
