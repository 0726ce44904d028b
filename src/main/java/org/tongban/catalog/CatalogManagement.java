package org.tongban.catalog;

import org.tongban.shared.AuthorizedBy;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.calendar.CalendarManagement;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountPrincipal;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement;
import org.tongban.identity.Role;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.PlainText;
import org.tongban.shared.Violation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writing, reviewing and publishing service items. Catalogue administrators write versions and submit them;
 * legal reviewers publish them or send them back. An administrator attached to a department works on that
 * department's items only.
 */
@Service
public class CatalogManagement {

    private final ItemVersions versions;
    private final Themes themes;
    private final Attachments attachments;
    private final GuideCache guides;
    private final DepartmentManagement departments;
    private final CalendarManagement calendars;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogManagement(ItemVersions versions, Themes themes, Attachments attachments, GuideCache guides,
                      DepartmentManagement departments, CalendarManagement calendars, ApplicationEventPublisher events,
                      Clock clock) {
        this.guides = guides;
        this.calendars = calendars;
        this.versions = versions;
        this.themes = themes;
        this.attachments = attachments;
        this.departments = departments;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a new item with its first draft. */
    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    @Transactional
    public ItemVersion createItem(ItemContent content) {
        return createItem(content, List.of());
    }

    /** Starts a new item with its first draft; uploads are the files its materials refer to. */
    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    @Transactional
    public ItemVersion createItem(ItemContent submitted, List<Upload> uploads) {
        // Who may write for the department is checked before any file is kept.
        departments.byCreditCode(submitted.departmentCreditCode()).ifPresent(d -> requireMayAdminister(d.id()));
        attachments.keep(uploads, clock.instant());
        ItemContent content = submitted.mapAttachments(attachments::asStored);
        List<Violation> violations = validate(content);
        if (versions.itemExists(content.implementationCode())) {
            violations = append(violations, Violation.of("implementationCode", "item.exists",
                    "实施编码 {0} 已存在，请修改该事项而不是新建", content.implementationCode()));
        }
        throwIfAny(violations);
        Department department = departments.byCreditCode(content.departmentCreditCode()).orElseThrow();
        requireMayAdminister(department.id());
        versions.insertItem(content.implementationCode(), content.basicCode(), department.id(), clock.instant());
        return versions.insert(ItemVersion.draft(content.implementationCode(), 1, content, versions.hash(content),
                "新建事项", currentUser(), clock.instant()));
    }

    /** The version being worked on, or a new draft copied from the latest published version. */
    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    @Transactional
    public ItemVersion openDraft(String code) {
        requireMayAdminister(departmentOf(code));
        Optional<ItemVersion> open = versions.openVersion(code);
        if (open.isPresent()) {
            return open.get();
        }
        ItemVersion latest = versions.history(code).getFirst();
        // After a withdrawal, a new draft of the withdrawn content sets the item up again once published.
        return versions.insert(ItemVersion.draft(code, latest.versionNo() + 1, latest.content(),
                versions.hash(latest.content()), null, currentUser(), clock.instant()));
    }

    /**
     * Asks for the item to be withdrawn (事项取消), for the reason given. The request is a version of its own: it is
     * submitted with the date from which the item ends, and legal review publishes or returns it like any other.
     */
    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    @Transactional
    public ItemVersion requestWithdrawal(String code, @Nullable String reason) {
        requireMayAdminister(departmentOf(code));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Violation.of("reason", "required", "请写明取消的理由和依据"));
        }
        throwIfAny(note("reason", reason, 2000));
        if (versions.openVersion(code).isPresent()) {
            throw new VersionTransitionRefused("version.open-exists", "此事项有正在编辑或审核的版本，请先处理完再申请取消");
        }
        ItemVersion inForce = versions.inForce(code, LocalDate.now(clock)).orElseThrow(() ->
                new VersionTransitionRefused("version.not-in-force", "只有现行有效的事项可以申请取消"));
        return versions.insert(ItemVersion.withdrawal(code, versions.latestVersionNo(code) + 1, inForce.content(),
                inForce.contentHash(), reason.strip(), currentUser(), clock.instant()));
    }

    /** Gives up the version being worked on: a draft, a returned version or a withdrawal request. */
    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    @Transactional
    public void discardOpenVersion(String code) {
        requireMayAdminister(departmentOf(code));
        ItemVersion open = versions.openVersion(code).orElseThrow(() -> new VersionTransitionRefused(
                "version.no-draft", "此事项没有正在编辑的版本"));
        if (open.status() == VersionStatus.SUBMITTED) {
            throw new VersionTransitionRefused("version.submitted", "已提交审核的版本不能放弃，请等待审核结果");
        }
        if (versions.history(code).stream().noneMatch(v -> v.status() == VersionStatus.PUBLISHED)) {
            throw new VersionTransitionRefused("version.only-draft", "此事项从未发布，这是它唯一的版本，不能放弃");
        }
        versions.delete(open.id());
    }

    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    @Transactional
    public ItemVersion updateDraft(String code, ItemContent content, @Nullable String changeNote) {
        return updateDraft(code, content, changeNote, List.of());
    }

    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    @Transactional
    public ItemVersion updateDraft(String code, ItemContent submitted, @Nullable String changeNote,
                                   List<Upload> uploads) {
        requireMayAdminister(departmentOf(code));
        ItemVersion open = versions.openVersion(code).orElseThrow(() -> new VersionTransitionRefused(
                "version.no-draft", "此事项没有正在编辑的版本"));
        attachments.keep(uploads, clock.instant());
        ItemContent content = submitted.mapAttachments(attachments::asStored);
        List<Violation> violations = validate(content);
        if (!content.implementationCode().equals(code)) {
            violations = append(violations, Violation.of("implementationCode", "item.code-fixed",
                    "实施编码不能修改；如需新编码请新建事项"));
        }
        violations = new ArrayList<>(violations);
        violations.addAll(note("changeNote", changeNote, 500));
        throwIfAny(violations);
        ItemVersion edited = open.edit(content, versions.hash(content), changeNote);
        versions.update(edited);
        return edited;
    }

    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    @Transactional
    public ItemVersion submitForReview(String code, @Nullable LocalDate effectiveFrom) {
        requireMayAdminister(departmentOf(code));
        if (effectiveFrom == null) {
            throw new InvalidInputException(Violation.of("effectiveFrom", "required", "请填写生效日期"));
        }
        LocalDate today = LocalDate.now(clock);
        if (effectiveFrom.isBefore(today)) {
            throw new InvalidInputException(Violation.of("effectiveFrom", "version.effective-in-past", "生效日期不能早于今天"));
        }
        ItemVersion open = versions.openVersion(code).orElseThrow(() -> new VersionTransitionRefused(
                "version.no-draft", "此事项没有正在编辑的版本"));
        ItemVersion submitted = open.submit(currentUser(), clock.instant(), effectiveFrom, today);
        versions.update(submitted);
        return submitted;
    }

    /** Legal review passed: the version is published and in force from its effective date. */
    @PreAuthorize("hasRole('LEGAL_REVIEWER')")
    @Transactional
    public ItemVersion publish(String code, @Nullable String comment) {
        throwIfAny(note("comment", comment, 2000));
        ItemVersion submitted = awaiting(code);
        ItemVersion published = submitted.publish(currentUser(), clock.instant(), comment, LocalDate.now(clock));
        versions.update(published);
        events.publishEvent(new ItemVersionPublished(code, published.versionNo(), published.effectiveFrom()));
        return published;
    }

    @PreAuthorize("hasRole('LEGAL_REVIEWER')")
    @Transactional
    public ItemVersion returnForChanges(String code, String reasons) {
        throwIfAny(note("reasons", reasons, 2000));
        ItemVersion returned = awaiting(code).returnWithReasons(currentUser(), clock.instant(), reasons);
        versions.update(returned);
        return returned;
    }

    @PreAuthorize("hasAnyRole('LEGAL_REVIEWER', 'CATALOGUE_ADMIN')")
    public List<ItemVersion> awaitingReview() {
        return versions.byStatus(VersionStatus.SUBMITTED).stream()
                .filter(v -> mayRead(versions.departmentOf(v.itemCode()).orElse(null))).toList();
    }

    /** The version the public sees today. */
    @AuthorizedBy("anyone: the version in force is public")
    public Optional<ItemVersion> inForce(String code) {
        return versions.inForce(code, LocalDate.now(clock));
    }

    /**
     * A published version, in force or since superseded: what a case applied for under it is held to. Drafts and
     * versions under review are not published, so they are not found here.
     */
    @AuthorizedBy("anyone: published versions are public, as their guides were")
    public Optional<ItemVersion> published(String code, int versionNo) {
        return versions.find(code, versionNo).filter(v -> v.status() == VersionStatus.PUBLISHED);
    }

    /** The guide the public reads today. */
    @AuthorizedBy("anyone: the guide in force is public")
    public ItemGuide guide(String code) {
        return guides.get(code, () -> inForce(code).flatMap(v ->
                        departments.byCreditCode(v.content().departmentCreditCode())
                                .map(d -> new ItemGuide(code, v.versionNo(), v.effectiveFrom(), d, v.content()))))
                .orElseThrow(() -> versions.latestEffective(code, LocalDate.now(clock)).filter(ItemVersion::withdrawal)
                        .<ItemNotFound>map(w -> new ItemWithdrawn(code, w.content().name(), w.effectiveFrom(),
                                w.changeNote() == null ? "" : w.changeNote()))
                        .orElseGet(() -> new ItemNotFound(code)));
    }

    @PreAuthorize("hasAnyRole('CATALOGUE_ADMIN', 'LEGAL_REVIEWER')")
    public Optional<ItemVersion> version(String code, int versionNo) {
        requireMayRead(code);
        return versions.find(code, versionNo);
    }

    @PreAuthorize("hasAnyRole('CATALOGUE_ADMIN', 'LEGAL_REVIEWER')")
    public List<ItemVersion> history(String code) {
        requireMayRead(code);
        return versions.history(code);
    }

    /** What changed from one version of an item to another. */
    @PreAuthorize("hasAnyRole('CATALOGUE_ADMIN', 'LEGAL_REVIEWER')")
    public List<ContentChange> changes(String code, int fromVersion, int toVersion) {
        requireMayRead(code);
        ItemVersion from = versions.find(code, fromVersion).orElseThrow(() -> unknownVersion(fromVersion));
        ItemVersion to = versions.find(code, toVersion).orElseThrow(() -> unknownVersion(toVersion));
        return ContentChange.between(versions.toJson(from.content()), versions.toJson(to.content()));
    }

    /** The latest version of each item the current administrator may work on. */
    @PreAuthorize("hasAnyRole('CATALOGUE_ADMIN', 'LEGAL_REVIEWER')")
    public List<VersionSummary> administeredItems(@Nullable String query, int limit, int offset) {
        UUID scope = AccountManagement.currentPrincipal().map(AccountPrincipal::departmentId).orElse(null);
        return versions.latestVersions(scope, query == null || query.isBlank() ? null : query.strip(), limit, offset);
    }

    /**
     * Checks an uploaded blank form or sample (type, size, and that the bytes match the name) without storing
     * it; the file is stored with the version that refers to it.
     */
    @PreAuthorize("hasRole('CATALOGUE_ADMIN')")
    public Upload checkUpload(String field, String fileName, byte[] data) {
        List<Violation> violations = new java.util.ArrayList<>();
        String contentType = AttachmentPolicy.contentTypeOf(field, fileName, data, violations);
        throwIfAny(violations);
        try {
            String sha = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(data));
            return new Upload(sha, contentType, data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file types accepted for blank forms and samples, for the file input's {@code accept}. */
    @AuthorizedBy("anyone: a setting")
    public String acceptedUploadTypes() {
        return AttachmentPolicy.ACCEPTED;
    }

    /** The bytes of a stored blank form or sample. */
    @AuthorizedBy("anyone: blank forms and samples are public; files are found only by the hash an item publishes")
    public Optional<byte[]> attachment(String sha256) {
        return attachmentFile(sha256).map(StoredFile::data);
    }

    /** A stored file with the content type its bytes were checked to have when it was stored. */
    @AuthorizedBy("anyone: blank forms and samples are public; files are found only by the hash an item publishes")
    public Optional<StoredFile> attachmentFile(String sha256) {
        return attachments.find(sha256);
    }

    @AuthorizedBy("anyone: themes are public")
    public List<Theme> themes() {
        return themes.findAll();
    }

    /** Checks an item against every rule, and that the files it refers to are stored, without storing anything. */
    @PreAuthorize("hasAnyRole('CATALOGUE_ADMIN', 'LEGAL_REVIEWER', 'PLATFORM_ADMIN')")
    public List<Violation> validate(ItemContent content) {
        Set<String> creditCodes = departments.all().stream().map(Department::creditCode).collect(Collectors.toSet());
        List<Violation> violations = new ArrayList<>(ItemRules.check(content, creditCodes, themes.audiences(),
                calendars.calendar()));
        violations.addAll(attachments.missingFiles(content, Set.of()));
        return violations;
    }

    private ItemVersion awaiting(String code) {
        return versions.openVersion(code).filter(v -> v.status() == VersionStatus.SUBMITTED)
                .orElseThrow(() -> new VersionTransitionRefused("version.not-submitted", "此事项没有待审核的版本"));
    }

    private UUID departmentOf(String code) {
        return versions.departmentOf(code).orElseThrow(() -> new ItemNotFound(code));
    }

    private static void requireMayAdminister(UUID departmentId) {
        AccountPrincipal user = AccountManagement.currentPrincipal()
                .orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (!user.has(Role.CATALOGUE_ADMIN)
                || (user.departmentId() != null && !user.departmentId().equals(departmentId))) {
            throw new AccessDeniedException("catalogue administrator of another department");
        }
    }

    /**
     * Drafts, history and comparisons of an item: for legal reviewers (city-wide) and for catalogue administrators
     * of its department or city-wide. An item that does not exist reveals nothing either way.
     */
    private void requireMayRead(String code) {
        Optional<UUID> department = versions.departmentOf(code);
        if (department.isPresent() && !mayRead(department.get())) {
            throw new AccessDeniedException("catalogue administrator of another department");
        }
    }

    private static boolean mayRead(@Nullable UUID departmentId) {
        AccountPrincipal user = AccountManagement.currentPrincipal()
                .orElseThrow(() -> new AccessDeniedException("not signed in"));
        return user.has(Role.LEGAL_REVIEWER) || (user.has(Role.CATALOGUE_ADMIN)
                && (user.departmentId() == null || user.departmentId().equals(departmentId)));
    }

    /** A note people write (change note, reviewer's comment or reasons): plain text of a sensible length. */
    private static List<Violation> note(String field, @Nullable String text, int maxLength) {
        return PlainText.check(field, text, false, maxLength).map(List::of).orElse(List.of());
    }

    private static String currentUser() {
        return AccountManagement.currentPrincipal().map(AccountPrincipal::getUsername)
                .orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    private static VersionTransitionRefused unknownVersion(int versionNo) {
        return new VersionTransitionRefused("version.unknown", "没有第 " + versionNo + " 版");
    }

    private static List<Violation> append(List<Violation> list, Violation v) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(v)).toList();
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
