package org.tongban.identity;

import org.tongban.shared.AuthorizedBy;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.CreditCode;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.PlainText;
import org.tongban.shared.NotFound;
import org.tongban.shared.RegionCode;
import org.tongban.shared.Violation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Departments and service centres: read by every module, written by catalogue import and platform administrators.
 * Every write is recorded in the administration log; a new department, or a new name for one, is announced with
 * {@link DepartmentChanged}.
 */
@Service
public class DepartmentManagement {

    private static final Pattern PHONE = Pattern.compile("[0-9][0-9 ()（）+\\-、,，转/]{2,39}");
    private static final Pattern CENTRE_CODE = Pattern.compile("[A-Z0-9-]{2,32}");

    private final Departments departments;
    private final AdministrationLog log;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DepartmentManagement(Departments departments, AdministrationLog log, ApplicationEventPublisher events,
                         Clock clock) {
        this.departments = departments;
        this.log = log;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Every department. Read on most pages, written rarely: kept for a minute, and dropped at once when this
     * instance changes one (other instances see a change within the minute).
     */
    @AuthorizedBy("anyone: departments are public (names, codes, addresses)")
    public List<Department> all() {
        Snapshot current = snapshot;
        if (current == null || current.takenAt().plusSeconds(60).isBefore(clock.instant())) {
            current = new Snapshot(departments.findAll(), clock.instant());
            snapshot = current;
        }
        return current.departments();
    }

    private record Snapshot(List<Department> departments, java.time.Instant takenAt) {
    }

    private volatile @Nullable Snapshot snapshot;

    @AuthorizedBy("anyone: departments are public")
    public Map<UUID, Department> allById() {
        return all().stream().collect(Collectors.toMap(Department::id, Function.identity()));
    }

    @AuthorizedBy("anyone: departments are public")
    public Optional<Department> byCreditCode(String creditCode) {
        return all().stream().filter(d -> d.creditCode().equals(creditCode)).findFirst();
    }

    @AuthorizedBy("anyone: departments are public")
    public Optional<Department> byId(UUID id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * Every department in tree order: each department followed by its sub-departments, depth first, siblings by
     * short name. A department whose parent is missing is listed at the top level.
     */
    @AuthorizedBy("anyone: departments are public")
    public List<DepartmentInTree> tree() {
        List<Department> all = all();
        Set<UUID> ids = all.stream().map(Department::id).collect(Collectors.toSet());
        Map<@Nullable UUID, List<Department>> children = new LinkedHashMap<>();
        for (Department d : all.stream().sorted(java.util.Comparator.comparing(Department::shortName)).toList()) {
            UUID parent = d.parentId() != null && ids.contains(d.parentId()) ? d.parentId() : null;
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(d);
        }
        List<DepartmentInTree> ordered = new ArrayList<>();
        addSubtree(null, 0, children, ordered, new HashSet<>());
        return ordered;
    }

    private static void addSubtree(@Nullable UUID parent, int level, Map<@Nullable UUID, List<Department>> children,
                                   List<DepartmentInTree> ordered, Set<UUID> seen) {
        for (Department d : children.getOrDefault(parent, List.of())) {
            if (seen.add(d.id())) {
                ordered.add(new DepartmentInTree(d, level));
                addSubtree(d.id(), level + 1, children, ordered, seen);
            }
        }
    }

    /** A department with its depth in the tree: 0 for a top-level department. */
    public record DepartmentInTree(Department department, int level) {
    }

    @AuthorizedBy("anyone: service centres are public")
    public List<ServiceCentre> serviceCentres() {
        return departments.findAllCentres();
    }

    @AuthorizedBy("anyone: service centres are public")
    public Optional<ServiceCentre> serviceCentre(String code) {
        return departments.findCentre(code);
    }

    /** The problems of a department entry, without storing it; {@code knownCreditCodes} may hold parents to come. */
    @AuthorizedBy("anyone: checks an entry, reads public data, stores nothing")
    public List<Violation> check(DepartmentEntry entry, java.util.Set<String> knownCreditCodes) {
        List<Violation> violations = new ArrayList<>();
        code("creditCode", entry.creditCode(), CreditCode::new, violations);
        if (entry.name() == null || entry.name().isBlank()) {
            violations.add(Violation.of("name", "required", "请填写此项"));
        }
        if (entry.shortName() == null || entry.shortName().isBlank()) {
            violations.add(Violation.of("shortName", "required", "请填写此项"));
        }
        code("regionCode", entry.regionCode(), RegionCode::new, violations);
        if (entry.parentCreditCode() != null && !knownCreditCodes.contains(entry.parentCreditCode())
                && departments.findByCreditCode(entry.parentCreditCode()).isEmpty()) {
            violations.add(Violation.of("parentCreditCode", "department.unknown", "没有这个上级部门"));
        }
        return violations;
    }

    /**
     * Adds the department or brings it up to date, keyed by credit code (catalogue import).
     *
     * @return true when something changed
     */
    @Transactional
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public boolean save(DepartmentEntry entry) {
        List<Violation> violations = check(entry, java.util.Set.of());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        UUID parentId = entry.parentCreditCode() == null ? null
                : departments.findByCreditCode(entry.parentCreditCode()).map(Department::id).orElseThrow();
        Optional<Department> existing = departments.findByCreditCode(entry.creditCode());
        Department next = new Department(existing.map(Department::id).orElseGet(UUID::randomUUID),
                entry.creditCode(), entry.name().strip(), entry.shortName().strip(), entry.nameEn(),
                entry.regionCode(), parentId, entry.address(), entry.phone(), entry.officeHours());
        if (existing.isPresent() && Objects.equals(existing.get(), next)) {
            return false;
        }
        store(existing.orElse(null), next, "目录导入");
        return true;
    }

    /** A new department, entered by a platform administrator. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public UUID create(DepartmentDetails details) {
        Department next = checked(details, null);
        store(null, next, null);
        return next.id();
    }

    /** New details for a department, entered by a platform administrator. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void update(UUID id, DepartmentDetails details) {
        Department existing = departments.findById(id).orElseThrow(() -> new NotFound("没有这个部门"));
        Department next = checked(details, id);
        if (!existing.equals(next)) {
            store(existing, next, null);
        }
    }

    /** What was changed in a department and by whom, latest first. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<AdministrationLogEntry> history(UUID departmentId) {
        return log.forDepartment(departmentId);
    }

    private void store(@Nullable Department existing, Department next, @Nullable String source) {
        Instant now = clock.instant();
        String prefix = source == null ? "" : source + "：";
        if (existing == null) {
            departments.insert(next, now);
            log.department(next.id(), AccountManagement.actor(), AdministrativeAction.DEPARTMENT_CREATED,
                    prefix + next.name() + "（" + next.creditCode() + "）", now);
        } else {
            departments.update(next, now);
            log.department(next.id(), AccountManagement.actor(), AdministrativeAction.DEPARTMENT_CHANGED,
                    prefix + changes(existing, next), now);
        }
        snapshot = null;
        if (existing == null || !Objects.equals(existing.name(), next.name())
                || !Objects.equals(existing.shortName(), next.shortName())
                || !Objects.equals(existing.nameEn(), next.nameEn())) {
            events.publishEvent(new DepartmentChanged(next.id()));
        }
    }

    private String changes(Department before, Department after) {
        Changes changes = new Changes();
        changes.add("名称", before.name(), after.name());
        changes.add("简称", before.shortName(), after.shortName());
        changes.add("英文名称", before.nameEn(), after.nameEn());
        changes.add("统一社会信用代码", before.creditCode(), after.creditCode());
        changes.add("行政区划代码", before.regionCode(), after.regionCode());
        changes.add("上级部门", shortName(before.parentId()), shortName(after.parentId()));
        changes.add("地址", before.address(), after.address());
        changes.add("电话", before.phone(), after.phone());
        changes.add("办公时间", before.officeHours(), after.officeHours());
        return changes.toString();
    }

    private @Nullable String shortName(@Nullable UUID departmentId) {
        return departmentId == null ? null
                : departments.findById(departmentId).map(Department::shortName).orElse(departmentId.toString());
    }

    /** The department the details describe, or every problem with them, each on its field. */
    private Department checked(DepartmentDetails d, @Nullable UUID self) {
        List<Violation> violations = new ArrayList<>();
        text("name", d.name(), true, 100, violations);
        text("shortName", d.shortName(), true, 30, violations);
        text("nameEn", d.nameEn(), false, 200, violations);
        String creditCode = d.creditCode() == null ? "" : d.creditCode().strip().toUpperCase(Locale.ROOT);
        Optional<Department> before = self == null ? Optional.empty() : departments.findById(self);
        if (before.isPresent() && !before.get().creditCode().equals(creditCode)) {
            // Items' implementation codes, cases and imports name the department by this code.
            violations.add(Violation.of("creditCode", "department.credit-code.fixed",
                    "统一社会信用代码建立后不能修改，事项编码以它识别部门；机构改革后新设的部门请新建"));
        } else if (code("creditCode", creditCode, CreditCode::new, violations)) {
            departments.findByCreditCode(creditCode).filter(other -> !other.id().equals(self)).ifPresent(other ->
                    violations.add(Violation.of("creditCode", "department.credit-code.taken",
                            "该统一社会信用代码已属于{0}", other.name())));
        }
        String regionCode = d.regionCode() == null ? "" : d.regionCode().strip();
        code("regionCode", regionCode, RegionCode::new, violations);
        if (d.parentId() != null) {
            Map<UUID, Department> byId = departments.findAll().stream()
                    .collect(Collectors.toMap(Department::id, Function.identity()));
            if (!byId.containsKey(d.parentId())) {
                violations.add(Violation.of("parentId", "department.unknown", "没有这个上级部门"));
            } else if (self != null && ancestry(d.parentId(), byId).contains(self)) {
                violations.add(Violation.of("parentId", "department.parent.cycle",
                        "上级部门不能是本部门，也不能是本部门的下级部门"));
            }
        }
        text("address", d.address(), false, 200, violations);
        phone(d.phone(), violations);
        text("officeHours", d.officeHours(), false, 200, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Department(self != null ? self : UUID.randomUUID(), creditCode, d.name().strip(),
                d.shortName().strip(), blankToNull(d.nameEn()), regionCode, d.parentId(), blankToNull(d.address()),
                blankToNull(d.phone()), blankToNull(d.officeHours()));
    }

    /** The department and every department above it. */
    private static Set<UUID> ancestry(UUID start, Map<UUID, Department> byId) {
        Set<UUID> seen = new HashSet<>();
        for (UUID id = start; id != null && seen.add(id); ) {
            Department d = byId.get(id);
            id = d == null ? null : d.parentId();
        }
        return seen;
    }

    /** A service centre, entered by a platform administrator. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public String createCentre(ServiceCentre centre) {
        ServiceCentre next = checked(centre);
        if (departments.findCentre(next.code()).isPresent()) {
            throw new InvalidInputException(Violation.of("code", "service-centre.code.taken", "该中心编码已被使用"));
        }
        storeCentre(null, next);
        return next.code();
    }

    /** New details for a service centre, entered by a platform administrator; the code stays. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void updateCentre(ServiceCentre centre) {
        ServiceCentre next = checked(centre);
        ServiceCentre existing = departments.findCentre(next.code())
                .orElseThrow(() -> new NotFound("没有这个服务中心"));
        if (!existing.equals(next)) {
            storeCentre(existing, next);
        }
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<AdministrationLogEntry> centreHistory(String code) {
        return log.forServiceCentre(code);
    }

    /** @return true when the centre was new or changed (catalogue import) */
    @Transactional
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public boolean save(ServiceCentre centre) {
        ServiceCentre next = checked(centre);
        Optional<ServiceCentre> existing = departments.findCentre(next.code());
        if (existing.isPresent() && existing.get().equals(next)) {
            return false;
        }
        storeCentre(existing.orElse(null), next);
        return true;
    }

    private void storeCentre(@Nullable ServiceCentre existing, ServiceCentre next) {
        departments.upsertCentre(next);
        Instant now = clock.instant();
        if (existing == null) {
            log.serviceCentre(next.code(), AccountManagement.actor(), AdministrativeAction.SERVICE_CENTRE_CREATED,
                    next.name(), now);
        } else {
            Changes changes = new Changes();
            changes.add("名称", existing.name(), next.name());
            changes.add("行政区划代码", existing.regionCode(), next.regionCode());
            changes.add("地址", existing.address(), next.address());
            changes.add("电话", existing.phone(), next.phone());
            changes.add("开放时间", existing.openingHours(), next.openingHours());
            log.serviceCentre(next.code(), AccountManagement.actor(), AdministrativeAction.SERVICE_CENTRE_CHANGED, changes.toString(),
                    now);
        }
    }

    private ServiceCentre checked(ServiceCentre c) {
        List<Violation> violations = new ArrayList<>();
        String centreCode = c.code() == null ? "" : c.code().strip().toUpperCase(Locale.ROOT);
        if (!CENTRE_CODE.matcher(centreCode).matches()) {
            violations.add(Violation.of("code", "service-centre.code", "中心编码为 2 至 32 位大写字母、数字或 -"));
        }
        text("name", c.name(), true, 100, violations);
        String regionCode = c.regionCode() == null ? "" : c.regionCode().strip();
        code("regionCode", regionCode, RegionCode::new, violations);
        text("address", c.address(), false, 200, violations);
        phone(c.phone(), violations);
        text("openingHours", c.openingHours(), false, 200, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new ServiceCentre(centreCode, c.name().strip(), regionCode, blankToNull(c.address()),
                blankToNull(c.phone()), blankToNull(c.openingHours()));
    }

    /** @return true when the value is there and valid */
    private static boolean code(String field, @Nullable String value, java.util.function.Consumer<String> parser,
                                List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.of(field, "required", "请填写此项"));
            return false;
        }
        try {
            parser.accept(value);
            return true;
        } catch (InvalidValueException e) {
            violations.add(Violation.of(field, e.code(), e.getMessage()));
            return false;
        }
    }

    private static void text(String field, @Nullable String value, boolean required, int maxLength,
                             List<Violation> violations) {
        PlainText.check(field, value, required, maxLength).ifPresent(violations::add);
    }

    private static void phone(@Nullable String phone, List<Violation> violations) {
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
            violations.add(Violation.of("phone", "phone.format", "请填写电话号码，例如 0535-12345678"));
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "名称：旧 → 新；地址：（空） → 新" for the fields that differ. */
    static final class Changes {
        private final List<String> lines = new ArrayList<>();

        void add(String label, @Nullable Object before, @Nullable Object after) {
            if (!Objects.equals(before, after)) {
                lines.add(label + "：" + shown(before) + " → " + shown(after));
            }
        }

        private static String shown(@Nullable Object value) {
            return value == null || value.toString().isBlank() ? "（空）" : value.toString();
        }

        @Override
        public String toString() {
            return String.join("；", lines);
        }
    }

    /** A department as written in a catalogue document or an administration form. */
    public record DepartmentEntry(String creditCode, String name, String shortName, @Nullable String nameEn,
                                  String regionCode, @Nullable String parentCreditCode, @Nullable String address,
                                  @Nullable String phone, @Nullable String officeHours) {
    }

    /** A department as a platform administrator enters it: the parent by ID, every text as typed. */
    public record DepartmentDetails(String name, String shortName, @Nullable String nameEn, String creditCode,
                                    String regionCode, @Nullable UUID parentId, @Nullable String address,
                                    @Nullable String phone, @Nullable String officeHours) {
    }
}
