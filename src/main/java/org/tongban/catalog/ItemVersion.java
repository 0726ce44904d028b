package org.tongban.catalog;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a service item and its review state machine: draft → submitted for legal review → published,
 * or returned with reasons and edited again. The one who wrote or submitted a version cannot also approve it.
 */
public record ItemVersion(long id, String itemCode, int versionNo, VersionStatus status,
                          @Nullable LocalDate effectiveFrom, ItemContent content, String contentHash,
                          @Nullable String changeNote, String createdBy, Instant createdAt,
                          @Nullable String submittedBy, @Nullable Instant submittedAt,
                          @Nullable String reviewedBy, @Nullable Instant reviewedAt,
                          @Nullable String reviewComment, boolean withdrawal) {

    static ItemVersion draft(String itemCode, int versionNo, ItemContent content, String contentHash,
                             @Nullable String changeNote, String by, Instant at) {
        return new ItemVersion(0, itemCode, versionNo, VersionStatus.DRAFT, null, content, contentHash, changeNote,
                by, at, null, null, null, null, null, false);
    }

    ItemVersion edit(ItemContent newContent, String newHash, @Nullable String newChangeNote) {
        if (withdrawal) {
            throw new VersionTransitionRefused("version.withdrawal-not-editable",
                    "取消申请没有可修改的内容；如不再取消，请放弃这份申请");
        }
        if (status != VersionStatus.DRAFT && status != VersionStatus.RETURNED) {
            throw new VersionTransitionRefused("version.not-editable",
                    "只有草稿或已退回的版本可以修改；此版本状态为" + status);
        }
        return new ItemVersion(id, itemCode, versionNo, VersionStatus.DRAFT, effectiveFrom, newContent, newHash,
                newChangeNote, createdBy, createdAt, submittedBy, submittedAt, reviewedBy, reviewedAt,
                reviewComment, withdrawal);
    }

    ItemVersion submit(String by, Instant at, LocalDate from, LocalDate today) {
        if (status != VersionStatus.DRAFT && status != VersionStatus.RETURNED) {
            throw new VersionTransitionRefused("version.not-submittable", "只有草稿或已退回的版本可以提交审核");
        }
        if (from.isBefore(today)) {
            throw new VersionTransitionRefused("version.effective-in-past", "生效日期不能早于今天");
        }
        return new ItemVersion(id, itemCode, versionNo, VersionStatus.SUBMITTED, from, content, contentHash,
                changeNote, createdBy, createdAt, by, at, null, null, null, withdrawal);
    }

    ItemVersion publish(String by, Instant at, @Nullable String comment, LocalDate today) {
        requireSubmittedAndIndependentReviewer(by);
        LocalDate from = effectiveFrom == null || effectiveFrom.isBefore(today) ? today : effectiveFrom;
        return new ItemVersion(id, itemCode, versionNo, VersionStatus.PUBLISHED, from, content, contentHash,
                changeNote, createdBy, createdAt, submittedBy, submittedAt, by, at, comment, withdrawal);
    }

    ItemVersion returnWithReasons(String by, Instant at, String reasons) {
        requireSubmittedAndIndependentReviewer(by);
        if (reasons == null || reasons.isBlank()) {
            throw new VersionTransitionRefused("version.return-needs-reasons", "退回时须写明理由");
        }
        return new ItemVersion(id, itemCode, versionNo, VersionStatus.RETURNED, effectiveFrom, content,
                contentHash, changeNote, createdBy, createdAt, submittedBy, submittedAt, by, at, reasons.strip(),
                withdrawal);
    }

    /**
     * A request to withdraw (取消) the item from a date to be chosen at submission: it carries the content of the
     * version in force, marked so that an import of that same content reinstates the item.
     */
    static ItemVersion withdrawal(String itemCode, int versionNo, ItemContent inForce, String contentHash,
                                  String reason, String by, Instant at) {
        return new ItemVersion(0, itemCode, versionNo, VersionStatus.DRAFT, null, inForce,
                WITHDRAWAL_HASH_PREFIX + contentHash, reason, by, at, null, null, null, null, null, true);
    }

    /** Put before the content hash of a withdrawal, so that it never equals the hash of content in force. */
    static final String WITHDRAWAL_HASH_PREFIX = "withdrawal:";

    /** Published by an upstream catalogue (provincial synchronisation) that has done its own legal review. */
    static ItemVersion imported(String itemCode, int versionNo, ItemContent content, String contentHash, String by,
                                Instant at, LocalDate from) {
        return new ItemVersion(0, itemCode, versionNo, VersionStatus.PUBLISHED, from, content, contentHash,
                "导入", by, at, by, at, by, at, "由上级目录同步，已在上级完成合法性审查", false);
    }

    private void requireSubmittedAndIndependentReviewer(String reviewer) {
        if (status != VersionStatus.SUBMITTED) {
            throw new VersionTransitionRefused("version.not-submitted", "此版本不在待审核状态");
        }
        if (reviewer.equals(createdBy) || reviewer.equals(submittedBy)) {
            throw new VersionTransitionRefused("version.own-review", "不能审核自己编写或提交的版本");
        }
    }
}
