package org.tongban.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.CreditCode;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.RegionCode;
import org.tongban.shared.Violation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Departments and service centres: read by every module, written by catalogue import and administrators. */
@Service
public class DepartmentManagement {

    private final Departments departments;
    private final Clock clock;

    DepartmentManagement(Departments departments, Clock clock) {
        this.departments = departments;
        this.clock = clock;
    }

    public List<Department> all() {
        return departments.findAll();
    }

    public Map<UUID, Department> allById() {
        return all().stream().collect(Collectors.toMap(Department::id, Function.identity()));
    }

    public Optional<Department> byCreditCode(String creditCode) {
        return departments.findByCreditCode(creditCode);
    }

    public Optional<Department> byId(UUID id) {
        return departments.findById(id);
    }

    public List<ServiceCentre> serviceCentres() {
        return departments.findAllCentres();
    }

    /** The problems of a department entry, without storing it; {@code knownCreditCodes} may hold parents to come. */
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
     * Adds the department or brings it up to date, keyed by credit code.
     *
     * @return true when something changed
     */
    @Transactional
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
        if (existing.isEmpty()) {
            departments.insert(next, clock.instant());
            return true;
        }
        if (Objects.equals(existing.get(), next)) {
            return false;
        }
        departments.update(next, clock.instant());
        return true;
    }

    /** @return true when the centre was new or changed */
    @Transactional
    public boolean save(ServiceCentre centre) {
        List<Violation> violations = new ArrayList<>();
        if (centre.code() == null || !centre.code().matches("[A-Z0-9-]{2,32}")) {
            violations.add(Violation.of("code", "service-centre.code", "中心编码为 2 至 32 位大写字母、数字或 -"));
        }
        if (centre.name() == null || centre.name().isBlank()) {
            violations.add(Violation.of("name", "required", "请填写此项"));
        }
        code("regionCode", centre.regionCode(), RegionCode::new, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return departments.upsertCentre(centre);
    }

    private static void code(String field, @Nullable String value, java.util.function.Consumer<String> parser,
                             List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.of(field, "required", "请填写此项"));
            return;
        }
        try {
            parser.accept(value);
        } catch (InvalidValueException e) {
            violations.add(Violation.of(field, e.code(), e.getMessage()));
        }
    }

    /** A department as written in a catalogue document or an administration form. */
    public record DepartmentEntry(String creditCode, String name, String shortName, @Nullable String nameEn,
                                  String regionCode, @Nullable String parentCreditCode, @Nullable String address,
                                  @Nullable String phone, @Nullable String officeHours) {
    }
}
