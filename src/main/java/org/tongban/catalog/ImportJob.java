package org.tongban.catalog;

import org.jspecify.annotations.Nullable;
import org.tongban.shared.Violation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A catalogue document uploaded for import (目录导入任务), as the background worker has got with it.
 *
 * @param documentSha256  the hash of the file as uploaded (compressed or not), as in the import record
 * @param submittedBy     the account name of the platform administrator who uploaded it; the job runs as them
 * @param attempts        how often a worker has started it: more than 1 after an interruption (a restart)
 * @param itemsTotal      the document's items, known once it has been read; null before
 * @param report          what it changed, once SUCCEEDED
 * @param errors          why the document was refused, once FAILED for its content: each wrong entry and field
 *                        (at most {@value CatalogueImportJobs#ERRORS_KEPT}; {@code errorCount} says how many)
 * @param failure         another reason it FAILED: {@code interrupted} (too often), {@code not-allowed} (the
 *                        submitter may no longer import), {@code error}; {@code failureDetail} says more
 */
public record ImportJob(UUID id, State state, String documentSha256, long documentSize, String submittedBy,
                        String submittedByName, Instant submittedAt, @Nullable Instant startedAt,
                        @Nullable Instant finishedAt, int attempts, @Nullable Integer itemsTotal, int itemsChecked,
                        int itemsStored, @Nullable ImportReport report, List<Refusal> errors, int errorCount,
                        @Nullable String failure, @Nullable String failureDetail) {

    public ImportJob {
        errors = List.copyOf(errors);
    }

    public enum State {
        /** Stored, waiting for the worker. */
        QUEUED,
        /** The worker is reading, checking or storing it. */
        RUNNING,
        /** Imported (possibly changing nothing: the same document twice). */
        SUCCEEDED,
        /** Refused or stopped; nothing of it was stored. */
        FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    /** Where a running job is: reading the file, checking every entry, storing, committing. */
    public enum Stage {
        QUEUED, READING, CHECKING, STORING, COMMITTING, SUCCEEDED, FAILED
    }

    /**
     * One reason the document was refused.
     *
     * @param entry   the entry it concerns, by code and name ({@code 11377000…2110002800000 出生登记}); null for the
     *                document as a whole
     * @param field   the path in the document ({@code items[12].committedLimit})
     * @param message the Simplified Chinese message, used when the code has no translation
     */
    public record Refusal(@Nullable String entry, String field, String code, String message, List<Object> arguments) {

        public Refusal {
            arguments = List.copyOf(arguments);
        }

        /** The refusal as a violation, to be put into words in the reader's language. */
        public Violation violation() {
            return new Violation(field, code, message, arguments);
        }
    }

    public Stage stage() {
        return switch (state) {
            case QUEUED -> Stage.QUEUED;
            case SUCCEEDED -> Stage.SUCCEEDED;
            case FAILED -> Stage.FAILED;
            case RUNNING -> itemsTotal == null ? Stage.READING
                    : itemsChecked < itemsTotal ? Stage.CHECKING
                    : itemsStored < itemsTotal ? Stage.STORING
                    : Stage.COMMITTING;
        };
    }

    /** Every item is checked, then stored: the bar counts both, so that it fills once over the whole job. */
    public int progressValue() {
        return state == State.SUCCEEDED ? progressMax() : itemsChecked + itemsStored;
    }

    public int progressMax() {
        return Math.max(1, 2 * (itemsTotal == null ? 0 : itemsTotal));
    }

    /** 0 to 100. */
    public int percent() {
        return (int) Math.min(100, Math.floor(100.0 * progressValue() / progressMax()));
    }

    /** The first characters of the hash, enough to tell two files apart on a page. */
    public String shortHash() {
        return documentSha256.substring(0, Math.min(12, documentSha256.length()));
    }
}
