package org.tongban.catalog;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.AccountActor;
import org.tongban.shared.InvalidInputException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the queued catalogue imports in the background, one at a time per instance, on its own thread (not the
 * scheduler's, which the search catch-up needs while an import of 50,000 items takes two minutes).
 * <p>
 * <b>Which job.</b> A worker takes the oldest QUEUED job with {@code SELECT … FOR UPDATE SKIP LOCKED}
 * ({@link ImportJobStore#claim}): two workers, on one instance or on two sharing the database, never take the same
 * job. It looks when a job is submitted here and every {@code tongban.catalog.import.poll-interval} (default 5 s)
 * for jobs submitted elsewhere, so that the queue survives a restart: jobs are rows, not tasks in memory.
 * <p>
 * <b>As whom.</b> The import runs as the platform administrator who submitted it, read again when it starts
 * ({@link AccountActor}), through the same checked {@link CatalogueTransfer#importDocument} a request would call: an
 * account disabled or without the role since is refused, and the job fails saying so.
 * <p>
 * <b>Transactions.</b> The import's changes are one transaction, as before: all of the document or nothing, and the
 * job's SUCCEEDED is written in that same transaction, so that a job never says SUCCEEDED without its changes nor
 * the other way round. The progress (items checked, items stored) is written in short transactions of its own
 * ({@code REQUIRES_NEW}, another connection), at most twice a second, so that the job page sees it while the import
 * is still uncommitted; the counts say how far the import got, not what is stored, and a failed import leaves them
 * where it stopped beside the FAILED state. A refusal or error is written after the import's rollback.
 * <p>
 * <b>After a crash.</b> The import's transaction holds a {@code FOR KEY SHARE} lock on its job row, which the
 * progress updates do not conflict with; when the instance dies, PostgreSQL rolls the transaction back and the lock
 * goes. A RUNNING job that has been running for a minute and whose row nobody holds was therefore interrupted, and
 * nothing of it was stored: it is queued again and imported from the beginning (the import is idempotent), up to
 * {@value #MAX_ATTEMPTS} runs; after that it fails as {@code interrupted}, so that a document that
 * brings the instance down does not do so forever. Every write of a run carries its attempt number, so that a run
 * taken for interrupted cannot overwrite the next one.
 */
@Component
class CatalogueImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CatalogueImportWorker.class);

    /** Runs of one job before an interrupted job fails instead of being queued again. */
    static final int MAX_ATTEMPTS = 3;
    /** A RUNNING job is looked at as interrupted only after this long, well past the moment between claim and lock. */
    static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(1);
    /** The progress is written at most this often. */
    static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    private final ImportJobStore store;
    private final CatalogueTransfer transfer;
    private final AccountActor actor;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("catalogue-import").daemon().factory());
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean paused;
    private volatile boolean running;

    CatalogueImportWorker(ImportJobStore store, CatalogueTransfer transfer, AccountActor actor, Clock clock,
                          PlatformTransactionManager transactions) {
        this.store = store;
        this.transfer = transfer;
        this.actor = actor;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(fixedDelayString = "${tongban.catalog.import.poll-interval:5s}",
            initialDelayString = "${tongban.catalog.import.poll-interval:5s}")
    void poll() {
        wake();
    }

    /** Looks for work on the worker's thread, unless it is looking already, paused or stopped. */
    void wake() {
        if (running && !paused && scheduled.compareAndSet(false, true)) {
            try {
                thread.execute(this::work);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                scheduled.set(false);
            }
        }
    }

    private void work() {
        try {
            recoverInterrupted();
            while (running && !paused) {
                Optional<ImportJobStore.Claim> claim = claim();
                if (claim.isEmpty()) {
                    break;
                }
                run(claim.get());
            }
        } catch (RuntimeException e) {
            log.error("Catalogue import worker failed; it looks again at the next poll", e);
        } finally {
            scheduled.set(false);
        }
    }

    /** Takes the oldest waiting job, in the caller's transaction or a short one of its own (see the class comment). */
    Optional<ImportJobStore.Claim> claim() {
        return transaction.execute(status -> store.claim(clock.instant()));
    }

    /** Queues again, or fails, the RUNNING jobs whose worker stopped before they finished. */
    void recoverInterrupted() {
        transaction.executeWithoutResult(status -> {
            List<ImportJobStore.Interrupted> interrupted = store.interrupted(clock.instant().minus(INTERRUPTED_AFTER));
            for (ImportJobStore.Interrupted job : interrupted) {
                if (job.attempts() < MAX_ATTEMPTS) {
                    log.warn("Catalogue import job {} was interrupted (run {}); it is queued again", job.id(),
                            job.attempts());
                    store.requeue(job);
                } else {
                    log.error("Catalogue import job {} was interrupted {} times; it fails", job.id(), job.attempts());
                    store.giveUp(job, "interrupted", clock.instant());
                }
            }
        });
    }

    /** Imports the claimed job's document as its submitter and records the outcome. */
    void run(ImportJobStore.Claim claim) {
        run(claim, ImportProgress.NONE);
    }

    /** The same, telling {@code watcher} too how far the import has got, once the job's counts are written. */
    void run(ImportJobStore.Claim claim, ImportProgress watcher) {
        try {
            transaction.executeWithoutResult(status -> {
                Optional<ImportJobStore.Work> work = store.lockForRun(claim);
                if (work.isEmpty()) {
                    log.warn("Catalogue import job {} run {} is no longer this worker's", claim.id(), claim.attempt());
                    return;
                }
                Progress progress = new Progress(claim, watcher);
                ImportReport report = actor.runAs(work.get().submittedById(),
                        () -> transfer.importDocument(work.get().document(), progress));
                if (!store.succeeded(claim, report, progress.total == null ? 0 : progress.total, clock.instant())) {
                    throw new IllegalStateException("job " + claim.id() + " was taken over during its import");
                }
                log.info("Catalogue import job {} done: {}", claim.id(), report);
            });
        } catch (InvalidInputException refused) {
            ownTransaction.executeWithoutResult(status -> store.refused(claim, refused.violations(),
                    CatalogueImportJobs.ERRORS_KEPT, clock.instant()));
        } catch (AccessDeniedException denied) {
            log.warn("Catalogue import job {} refused: {}", claim.id(), denied.getMessage());
            ownTransaction.executeWithoutResult(status -> store.failed(claim, "not-allowed",
                    denied.getMessage(), clock.instant()));
        } catch (RuntimeException e) {
            log.error("Catalogue import job {} failed", claim.id(), e);
            ownTransaction.executeWithoutResult(status -> store.failed(claim, "error",
                    String.valueOf(e.getMessage()), clock.instant()));
        }
    }

    /** Stops taking jobs (tests, maintenance) and returns once the worker's thread has nothing under way. */
    void pause() {
        paused = true;
        try {
            thread.submit(() -> {
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    void resume() {
        paused = false;
        wake();
    }

    /** Writes the counts in transactions of their own, so that they show while the import is uncommitted. */
    private final class Progress implements ImportProgress {

        private final ImportJobStore.Claim claim;
        private final ImportProgress watcher;
        private @Nullable Integer total;
        private int checked;
        private int stored;
        private long writtenAt = System.nanoTime() - PROGRESS_EVERY.toNanos();

        Progress(ImportJobStore.Claim claim, ImportProgress watcher) {
            this.claim = claim;
            this.watcher = watcher;
        }

        @Override
        public void checked(int items, int total) {
            this.total = total;
            this.checked = items;
            write(items == total);
            watcher.checked(items, total);
        }

        @Override
        public void stored(int items, int total) {
            this.total = total;
            this.checked = total;
            this.stored = items;
            write(items == total);
            watcher.stored(items, total);
        }

        private void write(boolean now) {
            long at = System.nanoTime();
            if (now || at - writtenAt >= PROGRESS_EVERY.toNanos()) {
                writtenAt = at;
                ownTransaction.executeWithoutResult(status -> store.progress(claim, total, checked, stored));
            }
        }
    }

    @Override
    public void start() {
        running = true;
        wake();
    }

    /** Lets a job under way finish for a while; one still running then is rolled back and run again later. */
    @Override
    public void stop() {
        running = false;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(20, TimeUnit.SECONDS)) {
                log.warn("A catalogue import is still running at shutdown; it is rolled back and runs again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the demo data (phase 0) and the search catch-up (phase 1). */
    @Override
    public int getPhase() {
        return 2;
    }
}
