package org.tongban.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.Violation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Opening accounts, finding the signed-in user, and the logged reveal of personal data. */
@Service
public class AccountManagement {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    private static final Set<Role> APPLICANT_ROLES = EnumSet.of(Role.CITIZEN, Role.ENTERPRISE);

    private final Accounts accounts;
    private final Departments departments;
    private final PersonalDataProtection protection;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountManagement(Accounts accounts, Departments departments, PersonalDataProtection protection,
                      PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.departments = departments;
        this.protection = protection;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public UUID registerCitizen(CitizenRegistration r) {
        List<Violation> violations = new ArrayList<>();
        requireName(r.realName(), "realName", violations);
        IdNumber idNumber = idNumber(r.idNumber(), "idNumber", violations);
        checkMobileAndPassword(r.mobile(), r.password(), violations);
        if (idNumber != null && accounts.findByIdNumberHash(protection.lookupHash(idNumber.value())).isPresent()) {
            violations.add(Violation.of("idNumber", "account.id-number.taken", "该身份证号码已注册，请直接登录或找回密码"));
        }
        throwIfAny(violations);
        UUID id = UUID.randomUUID();
        accounts.insert(new Account(id, AccountKind.CITIZEN, r.mobile(), r.realName().strip(),
                passwords.encode(r.password()), r.mobile(), protection.encrypt(idNumber.value()),
                protection.lookupHash(idNumber.value()), idNumber.masked(), null, null, null,
                EnumSet.of(Role.CITIZEN), true, 0, null), clock.instant());
        return id;
    }

    @Transactional
    public UUID registerEnterprise(EnterpriseRegistration r) {
        List<Violation> violations = new ArrayList<>();
        CreditCode creditCode = null;
        try {
            creditCode = new CreditCode(r.creditCode() == null ? "" : r.creditCode().strip().toUpperCase());
        } catch (InvalidValueException e) {
            violations.add(Violation.of("creditCode", e.code(), e.getMessage()));
        }
        requireName(r.enterpriseName(), "enterpriseName", violations);
        requireName(r.legalRepresentative(), "legalRepresentative", violations);
        IdNumber idNumber = idNumber(r.legalRepresentativeIdNumber(), "legalRepresentativeIdNumber", violations);
        checkMobileAndPassword(r.mobile(), r.password(), violations);
        if (creditCode != null && accounts.creditCodeTaken(creditCode.value())) {
            violations.add(Violation.of("creditCode", "account.credit-code.taken", "该统一社会信用代码已注册"));
        }
        throwIfAny(violations);
        UUID id = UUID.randomUUID();
        accounts.insert(new Account(id, AccountKind.ENTERPRISE, creditCode.value(), r.enterpriseName().strip(),
                passwords.encode(r.password()), r.mobile(), protection.encrypt(idNumber.value()),
                null, idNumber.masked(), creditCode.value(), r.legalRepresentative().strip(), null,
                EnumSet.of(Role.ENTERPRISE), true, 0, null), clock.instant());
        return id;
    }

    @Transactional
    public UUID createStaff(StaffAccountRequest r) {
        List<Violation> violations = new ArrayList<>();
        if (r.username() == null || !USERNAME.matcher(r.username()).matches()) {
            violations.add(Violation.of("username", "account.username.format",
                    "用户名为 3 至 32 位小写字母、数字或 . _ -，以字母开头"));
        } else if (accounts.usernameTaken(r.username())) {
            violations.add(Violation.of("username", "account.username.taken", "该用户名已被使用"));
        }
        requireName(r.displayName(), "displayName", violations);
        checkPassword(r.password(), violations);
        if (r.roles().isEmpty() || r.roles().stream().anyMatch(APPLICANT_ROLES::contains)) {
            violations.add(Violation.of("roles", "account.roles.staff", "请至少选择一个工作人员角色"));
        }
        UUID departmentId = null;
        if (r.departmentCreditCode() != null && !r.departmentCreditCode().isBlank()) {
            departmentId = departments.findByCreditCode(r.departmentCreditCode()).map(Department::id).orElse(null);
            if (departmentId == null) {
                violations.add(Violation.of("departmentCreditCode", "department.unknown", "没有这个部门"));
            }
        }
        throwIfAny(violations);
        UUID id = UUID.randomUUID();
        accounts.insert(new Account(id, AccountKind.STAFF, r.username(), r.displayName().strip(),
                passwords.encode(r.password()), null, null, null, null, null, null, departmentId,
                EnumSet.copyOf(r.roles()), true, 0, null), clock.instant());
        return id;
    }

    /** The signed-in account, masked, for its own account page. */
    public Optional<AccountSummary> currentAccount() {
        return currentPrincipal().flatMap(p -> accounts.findById(p.accountId()))
                .map(a -> AccountSummary.of(a, clock.instant()));
    }

    /** Every account, masked, for platform administrators. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<AccountSummary> allAccounts() {
        return accounts.findAll().stream().map(a -> AccountSummary.of(a, clock.instant())).toList();
    }

    public boolean usernameExists(String username) {
        return accounts.usernameTaken(username);
    }

    /** The signed-in account, if any. */
    public static Optional<AccountPrincipal> currentPrincipal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? Optional.of(p) : Optional.empty();
    }

    /**
     * The clear ID number of an applicant, for a stated purpose. Only platform administrators may see it, and
     * every look is logged with who, why and when (PIPL; REFERENCE.md §9).
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public String revealIdNumber(UUID accountId, String purpose) {
        if (purpose == null || purpose.strip().length() < 4) {
            throw new InvalidInputException(Violation.of("purpose", "personal-data.purpose.required",
                    "查看完整身份证号码须写明用途（至少 4 个字）"));
        }
        Account account = accounts.findById(accountId).filter(a -> a.idNumberCipher() != null)
                .orElseThrow(() -> new InvalidInputException(Violation.of("accountId", "account.unknown",
                        "没有这个账号，或该账号没有身份证号码")));
        String viewer = currentPrincipal().map(AccountPrincipal::getUsername).orElseThrow();
        accounts.logPersonalDataAccess(viewer, accountId, "ID_NUMBER", purpose.strip(), clock.instant());
        return protection.decrypt(account.idNumberCipher());
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<PersonalDataAccess> personalDataAccessLog(UUID accountId) {
        return accounts.accessLog(accountId);
    }

    /** The masked ID number of an account, safe to show to its holder and to staff. */
    public Optional<String> maskedIdNumber(UUID accountId) {
        return accounts.findById(accountId).map(Account::idNumberMasked);
    }

    public Optional<UUID> findAccountIdByIdNumber(String idNumber) {
        return accounts.findByIdNumberHash(protection.lookupHash(idNumber.strip().toUpperCase())).map(Account::id);
    }

    private @Nullable IdNumber idNumber(@Nullable String raw, String field, List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            violations.add(Violation.of(field, "id-number.required", "请填写身份证号码"));
            return null;
        }
        try {
            return IdNumber.parse(raw.strip(), clock);
        } catch (InvalidValueException e) {
            violations.add(Violation.of(field, e.code(), e.getMessage()));
            return null;
        }
    }

    private static void requireName(@Nullable String name, String field, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(Violation.of(field, "required", "请填写此项"));
        } else if (name.strip().length() > 60) {
            violations.add(Violation.of(field, "too-long", "不能超过 {0} 个字", 60));
        }
    }

    private void checkMobileAndPassword(@Nullable String mobile, @Nullable String password,
                                        List<Violation> violations) {
        if (mobile == null || !MOBILE.matcher(mobile).matches()) {
            violations.add(Violation.of("mobile", "account.mobile.format", "请填写 11 位手机号码，例如 13800138000"));
        } else if (accounts.mobileTaken(mobile)) {
            violations.add(Violation.of("mobile", "account.mobile.taken", "该手机号码已注册，请直接登录"));
        }
        checkPassword(password, violations);
    }

    private static void checkPassword(@Nullable String password, List<Violation> violations) {
        if (password == null || password.length() < 10 || password.length() > 128
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            violations.add(Violation.of("password", "account.password.weak",
                    "密码至少 10 位，须同时包含字母和数字"));
        }
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
