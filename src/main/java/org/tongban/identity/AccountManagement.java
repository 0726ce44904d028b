package org.tongban.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.PlainText;
import org.tongban.shared.NotFound;
import org.tongban.shared.Violation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Opening accounts, finding the signed-in user, the logged reveal of personal data, and the administration of
 * staff accounts: roles, department, disabling, unlocking and new passwords. Every administrative change is
 * recorded in the administration log, and a change to what an account may do ends its open sessions, so that it
 * takes effect at once rather than when the session times out.
 */
@Service
public class AccountManagement {

    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    private static final Set<Role> APPLICANT_ROLES = EnumSet.of(Role.CITIZEN, Role.ENTERPRISE);

    private final Accounts accounts;
    private final Departments departments;
    private final PersonalDataProtection protection;
    private final PasswordEncoder passwords;
    private final AdministrationLog log;
    private final FindByIndexNameSessionRepository<?> sessions;
    private final MessageSource messages;
    private final Clock clock;
    private final SignInThrottle throttle;

    AccountManagement(Accounts accounts, Departments departments, PersonalDataProtection protection,
                      PasswordEncoder passwords, AdministrationLog log, FindByIndexNameSessionRepository<?> sessions,
                      MessageSource messages, Clock clock, SignInThrottle throttle) {
        this.accounts = accounts;
        this.departments = departments;
        this.protection = protection;
        this.passwords = passwords;
        this.log = log;
        this.sessions = sessions;
        this.messages = messages;
        this.clock = clock;
        this.throttle = throttle;
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
                EnumSet.of(Role.CITIZEN), true, RealNameLevel.MOBILE_VERIFIED), clock.instant());
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
                EnumSet.of(Role.ENTERPRISE), true, RealNameLevel.MOBILE_VERIFIED), clock.instant());
        return id;
    }

    /** A staff account, opened by a platform administrator. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public UUID createStaff(StaffAccountRequest r) {
        return openStaffAccount(r, actor());
    }

    /**
     * A staff account opened by the platform itself, without a signed-in administrator (the demo data on first
     * start), recorded in the administration log under {@code actor}. Never call it on behalf of a request.
     */
    @Transactional
    public UUID createStaffAs(StaffAccountRequest r, String actor) {
        return openStaffAccount(r, actor);
    }

    private UUID openStaffAccount(StaffAccountRequest r, String actor) {
        List<Violation> violations = new ArrayList<>();
        if (r.username() == null || !USERNAME.matcher(r.username()).matches()) {
            violations.add(Violation.of("username", "account.username.format",
                    "用户名为 3 至 32 位小写字母、数字或 . _ -，以字母开头"));
        } else if (accounts.usernameTaken(r.username())) {
            violations.add(Violation.of("username", "account.username.taken", "该用户名已被使用"));
        }
        requireName(r.displayName(), "displayName", violations);
        checkPassword(r.password(), violations);
        Set<Role> roles = staffRoles(r.roles(), violations);
        UUID departmentId = department(r.departmentCreditCode(), violations);
        throwIfAny(violations);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        accounts.insert(new Account(id, AccountKind.STAFF, r.username(), r.displayName().strip(),
                passwords.encode(r.password()), null, null, null, null, null, null, departmentId,
                roles, true, RealNameLevel.IN_PERSON), now);
        log.account(id, actor, AdministrativeAction.ACCOUNT_CREATED, "用户名：" + r.username() + "；角色："
                + roleNames(roles) + "；部门：" + departmentName(departmentId), now);
        return id;
    }

    /**
     * New roles and department for a staff account. A platform administrator cannot take her own administrator
     * role away: another administrator must do it, so that the platform is never left without one by mistake.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void reassign(UUID accountId, Set<Role> roles, @Nullable String departmentCreditCode) {
        Account account = staffAccount(accountId, "roles");
        List<Violation> violations = new ArrayList<>();
        Set<Role> newRoles = staffRoles(roles, violations);
        UUID departmentId = department(departmentCreditCode, violations);
        if (isSignedIn(accountId) && account.roles().contains(Role.PLATFORM_ADMIN)
                && !newRoles.contains(Role.PLATFORM_ADMIN)) {
            violations.add(Violation.of("roles", "account.roles.own-admin",
                    "不能取消自己的平台管理员角色，请由另一位平台管理员办理"));
        }
        throwIfAny(violations);
        Instant now = clock.instant();
        boolean changed = false;
        if (!account.roles().equals(newRoles)) {
            accounts.updateRoles(accountId, newRoles);
            log.account(accountId, actor(), AdministrativeAction.ROLES_CHANGED,
                    "角色：" + roleNames(account.roles()) + " → " + roleNames(newRoles), now);
            changed = true;
        }
        if (!Objects.equals(account.departmentId(), departmentId)) {
            accounts.updateDepartment(accountId, departmentId);
            log.account(accountId, actor(), AdministrativeAction.DEPARTMENT_ASSIGNED,
                    "部门：" + departmentName(account.departmentId()) + " → " + departmentName(departmentId), now);
            changed = true;
        }
        if (changed) {
            endSessions(account.username());
        }
    }

    /** Disables an account: it cannot sign in, and its open sessions end. Nobody can disable her own account. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void disable(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFound("没有这个账号"));
        if (isSignedIn(accountId)) {
            throw new InvalidInputException(Violation.of("enabled", "account.disable.self",
                    "不能停用自己的账号，请由另一位平台管理员办理"));
        }
        if (account.enabled()) {
            accounts.updateEnabled(accountId, false);
            log.account(accountId, actor(), AdministrativeAction.ACCOUNT_DISABLED, "状态：启用 → 停用",
                    clock.instant());
            endSessions(account.username());
        }
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void enable(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFound("没有这个账号"));
        if (!account.enabled()) {
            accounts.updateEnabled(accountId, true);
            log.account(accountId, actor(), AdministrativeAction.ACCOUNT_ENABLED, "状态：停用 → 启用",
                    clock.instant());
        }
    }

    /**
     * Lifts the hold on sign-in after repeated wrong passwords before it runs out by itself: every failure counted
     * against the account, from every address, is forgotten.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void unlock(UUID accountId) {
        accounts.findById(accountId).orElseThrow(() -> new NotFound("没有这个账号"));
        if (throttle.heldBackAccounts().contains(accountId)) {
            throttle.forget(accountId);
            log.account(accountId, actor(), AdministrativeAction.ACCOUNT_UNLOCKED,
                    "解除登录限制（输错密码的记录已清除）", clock.instant());
        }
    }

    /** A new password for a staff account, for example when its holder forgot it; open sessions end. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void setPassword(UUID accountId, String password) {
        Account account = staffAccount(accountId, "password");
        List<Violation> violations = new ArrayList<>();
        checkPassword(password, violations);
        throwIfAny(violations);
        accounts.updatePasswordHash(accountId, passwords.encode(password));
        log.account(accountId, actor(), AdministrativeAction.PASSWORD_SET, "已设置新密码", clock.instant());
        endSessions(account.username());
    }

    /** One account, masked, for platform administrators. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Optional<AccountSummary> account(UUID accountId) {
        return accounts.findById(accountId).map(this::summary);
    }

    /** What administrators changed in an account, latest first. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<AdministrationLogEntry> history(UUID accountId) {
        return log.forAccount(accountId);
    }

    /** How many staff accounts each department has; departments without staff are left out. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Map<UUID, Long> staffCountByDepartment() {
        return accounts.staffCountByDepartment();
    }

    /** The roles people can be given on a staff account: all but the two kinds of applicant. */
    public static Set<Role> staffRoles() {
        Set<Role> roles = EnumSet.allOf(Role.class);
        roles.removeAll(APPLICANT_ROLES);
        return roles;
    }

    private Account staffAccount(UUID accountId, String field) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFound("没有这个账号"));
        if (account.kind() != AccountKind.STAFF) {
            throw new InvalidInputException(Violation.of(field, "account.not-staff",
                    "只有工作人员账号可以在这里调整角色、部门和密码"));
        }
        return account;
    }

    private static Set<Role> staffRoles(@Nullable Set<Role> roles, List<Violation> violations) {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(APPLICANT_ROLES::contains)) {
            violations.add(Violation.of("roles", "account.roles.staff", "请至少选择一个工作人员角色"));
            return EnumSet.noneOf(Role.class);
        }
        return EnumSet.copyOf(roles);
    }

    private @Nullable UUID department(@Nullable String creditCode, List<Violation> violations) {
        if (creditCode == null || creditCode.isBlank()) {
            return null;
        }
        UUID departmentId = departments.findByCreditCode(creditCode.strip()).map(Department::id).orElse(null);
        if (departmentId == null) {
            violations.add(Violation.of("departmentCreditCode", "department.unknown", "没有这个部门"));
        }
        return departmentId;
    }

    private String roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(r -> messages.getMessage(r.labelKey(), null, r.name(),
                Locale.SIMPLIFIED_CHINESE)).collect(Collectors.joining("、"));
    }

    private String departmentName(@Nullable UUID departmentId) {
        return departmentId == null ? "（无，全市）"
                : departments.findById(departmentId).map(Department::shortName).orElse(departmentId.toString());
    }

    private static boolean isSignedIn(UUID accountId) {
        return currentPrincipal().map(p -> p.accountId().equals(accountId)).orElse(false);
    }

    /**
     * Ends every session of the account once the change is committed: its next request finds it signed out, and
     * signing in again reads the new roles, department or password.
     */
    void endSessions(String username) {
        Runnable end = () -> sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end.run();
                }
            });
        } else {
            end.run();
        }
    }

    /** The signed-in user's name, or the platform's when nobody is signed in (demo data on first start). */
    static String actor() {
        return currentPrincipal().map(AccountPrincipal::getUsername).orElse("system");
    }

    /** The signed-in account, masked, for its own account page. */
    public Optional<AccountSummary> currentAccount() {
        return currentPrincipal().flatMap(p -> accounts.findById(p.accountId()))
                .map(this::summary);
    }

    /** Every account, masked, for platform administrators. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<AccountSummary> allAccounts() {
        Set<UUID> heldBack = throttle.heldBackAccounts();
        return accounts.findAll().stream().map(a -> AccountSummary.of(a, heldBack.contains(a.id()))).toList();
    }

    private AccountSummary summary(Account a) {
        return AccountSummary.of(a, throttle.heldBackAccounts().contains(a.id()));
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
        PlainText.check(field, name, true, 60).ifPresent(violations::add);
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

    static void checkPassword(@Nullable String password, List<Violation> violations) {
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
