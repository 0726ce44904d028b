package org.tongban.catalog;

import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.identity.DepartmentChanged;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Keeps the search index (and with it the guide cache) up to what is in force. Each reaction is an
 * {@link ApplicationModuleListener}: the event publication registry stores it with the change, runs it just after
 * the commit (a publication is in search within milliseconds), and keeps it incomplete when it fails, to be run
 * again at the next start or from the operations page. Every reaction is idempotent: it reads what is in force
 * now rather than trusting the event, so running one twice, late, or after a newer one changes nothing.
 * <p>
 * Beside the events, a periodic catch-up picks up what other instances published and the versions whose effective
 * date has come; it also runs once at start-up, after the demo data and before the web server, so that the first
 * visitor never finds an index older than the database.
 */
@Component
class SearchFreshness implements SmartLifecycle {

    private final CatalogSearch search;
    private final Clock clock;
    private volatile boolean running;

    SearchFreshness(CatalogSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ItemVersionPublished published) {
        // A version dated later is applied by the catch-up on its day.
        if (!published.effectiveFrom().isAfter(LocalDate.now(clock))) {
            search.reindex(published.itemCode());
        }
    }

    @ApplicationModuleListener
    void on(CatalogueImported imported) {
        search.rebuildIndex();
    }

    /** The items of a renamed department carry its old name, in their search entries and cached guides. */
    @ApplicationModuleListener
    void on(DepartmentChanged changed) {
        search.reindexDepartment(changed.departmentId());
    }

    @Scheduled(fixedDelayString = "${tongban.catalog.index-refresh-ms:30000}",
            initialDelayString = "${tongban.catalog.index-refresh-ms:30000}")
    void catchUp() {
        search.catchUp();
    }

    /** After the demo data (phase 0), before the web server (phase {@code DEFAULT_PHASE - 2048}). */
    @Override
    public int getPhase() {
        return 1;
    }

    @Override
    public void start() {
        search.catchUp();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
