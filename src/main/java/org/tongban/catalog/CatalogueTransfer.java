package org.tongban.catalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalog.ItemContent.Attachment;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountPrincipal;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement;
import org.tongban.identity.DepartmentManagement.DepartmentEntry;
import org.tongban.identity.ServiceCentre;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Import and export of the whole catalogue for provincial synchronisation. An import is checked completely
 * before anything is stored and is refused whole when one entry is wrong, naming the entry and the field.
 * Importing the same document twice changes nothing. Imported items are published directly: the upstream
 * catalogue has done the legal review, and the import itself is recorded with who did it and the file's hash.
 */
@Service
public class CatalogueTransfer {

    /** The largest document a compressed file may unpack to. */
    static final int MAX_UNCOMPRESSED = 512 * 1024 * 1024;

    private final ItemVersions versions;
    private final Themes themes;
    private final Attachments attachments;
    private final DepartmentManagement departments;
    private final ApplicationEventPublisher events;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final org.tongban.calendar.CalendarManagement calendars;

    CatalogueTransfer(ItemVersions versions, Themes themes, Attachments attachments, DepartmentManagement departments,
                      ApplicationEventPublisher events, org.springframework.jdbc.core.simple.JdbcClient jdbc,
                      Clock clock, JsonMapper json, org.tongban.calendar.CalendarManagement calendars) {
        this.calendars = calendars;
        this.versions = versions;
        this.themes = themes;
        this.attachments = attachments;
        this.departments = departments;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    }

    /**
     * Imports the document at once, in the caller's transaction (or its own), as the signed-in platform
     * administrator: for start-up work (the demo city) and benchmarks. A person uploading a file goes through
     * {@link CatalogueImportJobs}, which queues it and returns at once.
     *
     * @throws InvalidInputException naming each wrong entry and field; nothing is stored then
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public ImportReport importDocument(byte[] document) {
        return importDocument(document, ImportProgress.NONE);
    }

    /**
     * The same, telling {@code progress} how far it has got: each item checked, then each item stored. The
     * import stays one transaction (all or nothing); {@code progress} decides itself how to make its counts
     * visible to others before the commit.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public ImportReport importDocument(byte[] document, ImportProgress progress) {
        String by = AccountManagement.currentPrincipal().map(AccountPrincipal::getUsername).orElseThrow();
        return importAs(document, by, progress);
    }

    private ImportReport importAs(byte[] document, String by, ImportProgress progress) {
        CatalogueDocument doc = parse(document);
        int total = doc.items().size();
        progress.checked(0, total);
        Map<String, String> bodies = new HashMap<>();
        List<ItemContent> items = checkWhole(doc, bodies, progress);
        int themesChanged = (int) doc.themes().stream().filter(themes::upsert).count();
        int departmentsChanged = 0;
        for (DepartmentEntry d : parentsFirst(doc.departments())) {
            departmentsChanged += departments.save(d) ? 1 : 0;
        }
        for (ServiceCentre c : doc.serviceCentres()) {
            departmentsChanged += departments.save(c) ? 1 : 0;
        }
        Instant now = clock.instant();
        bodies.forEach((sha, contentTypeAndData) -> {
            int split = contentTypeAndData.indexOf('\n');
            attachments.store(sha, contentTypeAndData.substring(0, split),
                    Base64.getDecoder().decode(contentTypeAndData.substring(split + 1)), now);
        });
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int stored = 0;
        LocalDate today = LocalDate.now(clock);
        for (ItemContent item : items) {
            progress.stored(stored++, total);
            String code = item.implementationCode();
            String hash = versions.hash(item);
            if (!versions.itemExists(code)) {
                Department department = departments.byCreditCode(item.departmentCreditCode()).orElseThrow();
                versions.insertItem(code, item.basicCode(), department.id(), now);
                versions.insert(ItemVersion.imported(code, 1, item, hash, by, now, today));
                created++;
            } else if (versions.publishedHashes(code, today).contains(hash)) {
                unchanged++;
                continue;
            } else {
                int next = versions.latestVersionNo(code) + 1;
                Optional<ItemVersion> open = versions.openVersion(code);
                if (open.isPresent()) {
                    // The version being worked on moves after the imported one, so that publishing it later
                    // still supersedes what came from upstream.
                    next = open.get().versionNo();
                    jdbc.sql("UPDATE catalog_item_version SET version_no = ? WHERE id = ?")
                            .params(next + 1, open.get().id()).update();
                }
                versions.insert(ItemVersion.imported(code, next, item, hash, by, now, today));
                updated++;
            }
        }
        progress.stored(total, total);
        ImportReport report = new ImportReport(created, updated, unchanged, departmentsChanged, themesChanged);
        jdbc.sql("""
                INSERT INTO catalog_import (document_sha256, imported_by, imported_at, created, updated, unchanged)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(sha256(document), by, Timestamp.from(now), created, updated, unchanged).update();
        if (created + updated > 0 || departmentsChanged > 0) {
            events.publishEvent(new CatalogueImported(created, updated));
        }
        return report;
    }

    /** Every item in force, with its attachments, as one document. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CATALOGUE_ADMIN')")
    public CatalogueDocument export() {
        List<ItemContent> items = versions.allInForce(LocalDate.now(clock)).stream()
                .map(v -> withAttachments(v.content())).toList();
        Map<java.util.UUID, Department> byId = departments.allById();
        List<DepartmentEntry> departmentEntries = departments.all().stream()
                .map(d -> new DepartmentEntry(d.creditCode(), d.name(), d.shortName(), d.nameEn(), d.regionCode(),
                        d.parentId() == null ? null : byId.get(d.parentId()).creditCode(), d.address(), d.phone(),
                        d.officeHours()))
                .toList();
        return new CatalogueDocument(CatalogueDocument.FORMAT, CatalogueDocument.VERSION, themes.findAll(),
                departmentEntries, departments.serviceCentres(), items);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public byte[] exportJson() {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export());
    }

    private ItemContent withAttachments(ItemContent item) {
        return item.mapAttachments(a -> a.sha256() == null ? a : attachments.find(a.sha256())
                .map(f -> new Attachment(a.fileName(), f.contentType(), a.sha256(), (long) f.data().length,
                        Base64.getEncoder().encodeToString(f.data())))
                .orElse(a));
    }

    CatalogueDocument parse(byte[] document) {
        try {
            return json.readValue(uncompressed(document), CatalogueDocument.class);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : "（第 " + e.getLocation().getLineNr() + " 行第 "
                    + e.getLocation().getColumnNr() + " 列）";
            String path = e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            throw new InvalidInputException(Violation.of(path.isEmpty() ? "document" : path, "import.malformed",
                    "文件不是有效的目录 JSON{0}：{1}", where, e.getOriginalMessage()));
        }
    }

    /**
     * The document itself, or its contents when it is gzip-compressed (a province's catalogue of 20,000 items is
     * about 80 MB of JSON and a tenth of that compressed). Unpacking stops at {@link #MAX_UNCOMPRESSED} bytes, so
     * that a small file cannot fill the memory.
     */
    static byte[] uncompressed(byte[] document) {
        if (document.length < 2 || (document[0] & 0xff) != 0x1f || (document[1] & 0xff) != 0x8b) {
            return document;
        }
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(document))) {
            byte[] contents = in.readNBytes(MAX_UNCOMPRESSED + 1);
            if (contents.length > MAX_UNCOMPRESSED) {
                throw new InvalidInputException(Violation.of("document", "import.too-large",
                        "解压后超过 {0} MB，请分批导入", MAX_UNCOMPRESSED / 1024 / 1024));
            }
            return contents;
        } catch (java.io.IOException e) {
            throw new InvalidInputException(Violation.of("document", "import.gzip",
                    "文件是损坏的 gzip 压缩文件：{0}", String.valueOf(e.getMessage())));
        }
    }

    /** Checks the whole document; returns its items with attachment bodies moved into {@code bodies}. */
    private List<ItemContent> checkWhole(CatalogueDocument doc, Map<String, String> bodies, ImportProgress progress) {
        List<Violation> violations = new ArrayList<>();
        if (!CatalogueDocument.FORMAT.equals(doc.format()) || !Integer.valueOf(CatalogueDocument.VERSION).equals(doc.version())) {
            violations.add(Violation.of("format", "import.format", "文件格式应为 {0} 第 {1} 版",
                    CatalogueDocument.FORMAT, CatalogueDocument.VERSION));
        }
        Map<String, ItemContent.Audience> themeAudiences = new HashMap<>(themes.audiences());
        for (int i = 0; i < doc.themes().size(); i++) {
            Theme t = doc.themes().get(i);
            if (t.code() == null || !t.code().matches("[A-Z_]{2,32}") || t.audience() == null || t.name() == null
                    || t.name().isBlank() || t.nameEn() == null) {
                violations.add(Violation.of("themes[" + i + "]", "import.theme", "主题须有编码（大写字母）、服务对象、中英文名称"));
            } else {
                themeAudiences.put(t.code(), t.audience());
            }
        }
        Set<String> creditCodes = departments.all().stream().map(Department::creditCode).collect(Collectors.toSet());
        Set<String> documentCodes = doc.departments().stream().map(DepartmentEntry::creditCode)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        for (int i = 0; i < doc.departments().size(); i++) {
            DepartmentEntry d = doc.departments().get(i);
            String entry = "departments[" + i + "]";
            departments.check(d, documentCodes).forEach(v -> violations.add(named(v.under(entry), d.name())));
        }
        creditCodes.addAll(documentCodes);
        Set<String> seenCodes = new HashSet<>();
        List<ItemContent> items = new ArrayList<>();
        for (int i = 0; i < doc.items().size(); i++) {
            progress.checked(i, doc.items().size());
            ItemContent item = doc.items().get(i);
            String entry = "items[" + i + "]";
            String label = item.implementationCode() + " " + item.name();
            List<Violation> attachmentViolations = new ArrayList<>();
            ItemContent stored = item.mapAttachments(a -> storable(a, bodies, attachmentViolations));
            attachmentViolations.forEach(v -> violations.add(named(v.under(entry), label)));
            ItemRules.check(stored, creditCodes, themeAudiences, calendars.calendar())
                    .forEach(v -> violations.add(named(v.under(entry), label)));
            if (item.implementationCode() != null && !seenCodes.add(item.implementationCode())) {
                violations.add(named(Violation.of(entry + ".implementationCode", "duplicate",
                        "实施编码在文件中重复"), label));
            }
            items.add(stored);
        }
        // A file given by its hash alone must be in this document or already stored here.
        for (int i = 0; i < items.size(); i++) {
            ItemContent item = items.get(i);
            String entry = "items[" + i + "]";
            attachments.missingFiles(item, bodies.keySet()).forEach(v -> violations.add(
                    named(v.under(entry), item.implementationCode() + " " + item.name())));
        }
        progress.checked(doc.items().size(), doc.items().size());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return items;
    }

    private static Violation named(Violation v, String entry) {
        return new Violation(v.field(), v.code(), ENTRY_OPEN + entry + ENTRY_CLOSE + v.defaultMessage(), v.arguments());
    }

    private static final String ENTRY_OPEN = "〔";
    private static final String ENTRY_CLOSE = "〕";

    /**
     * The entry a refusal names ({@code 11377000MB0000000X2110002800000 出生登记}, {@code 海川市市场监督管理局}), as
     * {@link #named} put it before the message; null for a refusal of the document as a whole.
     */
    static @org.jspecify.annotations.Nullable String entryOf(Violation v) {
        String m = v.defaultMessage();
        int close = m.indexOf(ENTRY_CLOSE);
        return m.startsWith(ENTRY_OPEN) && close > 0 ? m.substring(ENTRY_OPEN.length(), close) : null;
    }

    /** The message without the entry {@link #named} put before it. */
    static String withoutEntry(Violation v) {
        String entry = entryOf(v);
        return entry == null ? v.defaultMessage()
                : v.defaultMessage().substring(ENTRY_OPEN.length() + entry.length() + ENTRY_CLOSE.length());
    }

    private static Attachment storable(Attachment a, Map<String, String> bodies, List<Violation> violations) {
        if (a.base64() == null) {
            return a;
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(a.base64());
        } catch (IllegalArgumentException e) {
            violations.add(Violation.of("base64", "import.base64", "附件 {0} 的内容不是有效的 base64", a.fileName()));
            return a.withoutBody();
        }
        String contentType = AttachmentPolicy.contentTypeOf("fileName", a.fileName(), data, violations);
        String sha = sha256(data);
        bodies.put(sha, contentType + "\n" + a.base64());
        return new Attachment(a.fileName(), contentType, sha, (long) data.length, null);
    }

    private static List<DepartmentEntry> parentsFirst(List<DepartmentEntry> entries) {
        List<DepartmentEntry> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> inDocument = entries.stream().map(DepartmentEntry::creditCode).collect(Collectors.toSet());
        while (ordered.size() < entries.size()) {
            int before = ordered.size();
            for (DepartmentEntry e : entries) {
                if (!placed.contains(e.creditCode()) && (e.parentCreditCode() == null
                        || !inDocument.contains(e.parentCreditCode()) || placed.contains(e.parentCreditCode()))) {
                    ordered.add(e);
                    placed.add(e.creditCode());
                }
            }
            if (ordered.size() == before) {
                throw new InvalidInputException(Violation.of("departments", "import.department-cycle",
                        "部门的上级关系构成循环"));
            }
        }
        return ordered;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
