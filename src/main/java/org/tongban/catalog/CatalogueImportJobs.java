package org.tongban.catalog;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountPrincipal;
import org.tongban.identity.SystemActor;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Catalogue imports as background jobs (目录导入任务): an uploaded document is stored and the upload returns at
 * once; {@link CatalogueImportWorker} imports it as the platform administrator who uploaded it, with the same
 * all-or-nothing checks as {@link CatalogueTransfer#importDocument}, and the job page follows its progress. Only
 * platform administrators submit and see jobs, everybody's: the import is theirs to watch together.
 */
@Service
public class CatalogueImportJobs {

    /** A refused job keeps this many of its refusals (a document of 50,000 wrong items would have 100,000). */
    static final int ERRORS_KEPT = 1_000;

    private final ImportJobStore store;
    private final CatalogueImportWorker worker;
    private final Clock clock;

    CatalogueImportJobs(ImportJobStore store, CatalogueImportWorker worker, Clock clock) {
        this.store = store;
        this.worker = worker;
        this.clock = clock;
    }

    /**
     * Stores the document (JSON or gzip) as a QUEUED job for the signed-in platform administrator and returns its
     * identifier; the worker starts on it once this transaction has committed. The same document already waiting or
     * running is not queued twice (a second click on 导入): its job is returned.
     *
     * @throws IllegalStateException for a {@link SystemActor}, which has no account to run a job as: start-up work
     *                               imports at once with {@link CatalogueTransfer#importDocument}
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public UUID submit(byte[] document) {
        AccountPrincipal submitter = AccountManagement.currentPrincipal().orElseThrow();
        if (SystemActor.ID.equals(submitter.accountId())) {
            throw new IllegalStateException("A system actor imports at once (CatalogueTransfer.importDocument)");
        }
        String sha256 = sha256(document);
        Optional<UUID> same = store.unfinishedWithHash(sha256);
        if (same.isPresent()) {
            return same.get();
        }
        UUID id = UUID.randomUUID();
        store.insert(id, document, sha256, submitter.accountId(), submitter.getUsername(), submitter.displayName(),
                clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wake();
            }
        });
        return id;
    }

    /** One job, with its refusals. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Optional<ImportJob> job(UUID id) {
        return store.find(id);
    }

    /** The latest jobs, newest first, without the refusals themselves ({@link ImportJob#errorCount()} says how many). */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<ImportJob> recent(int limit) {
        return store.recent(Math.max(1, Math.min(limit, 100)));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
