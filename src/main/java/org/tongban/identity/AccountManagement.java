package org.tongban.identity;

import org.tongban.shared.AuthorizedBy;
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
import org.tongban.shared.Refused;
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
    private final OneTimeCodes codes;
    private final org.springframework.beans.factory.ObjectProvider<BaseRegistries> registries;
    private final ApiTokens tokens;

    AccountManagement(Accounts accounts, Departments departments, PersonalDataProtection protection,
                      PasswordEncoder passwords, AdministrationLog log, FindByIndexNameSessionRepository<?> sessions,
                      MessageSource messages, Clock clock, SignInThrottle throttle, OneTimeCodes codes,
                      org.springframework.beans.factory.ObjectProvider<BaseRegistries> registries, ApiTokens tokens) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.departments = departments;
        this.protection = protection;
        this.passwords = passwords;
        this.log = log;
        this.sessions = sessions;
        this.messages = messages;
        this.clock = clock;
        this.throttle = throttle;
        this.codes = codes;
        this.registries = registries;
    }

    /**
     * Sends the code that proves the mobile at registration (the registration form's first step).
     *
     * @throws InvalidInputException beside {@code mobile}: not a mobile number, already registered, or a rate limit
     */
    @AuthorizedBy("anyone registering: rate-limited per mobile and client address")
    public void sendRegistrationCode(@Nullable String mobile, String clientAddress) {
        String m = PasswordReset.mobile(mobile);
        if (accounts.mobileTaken(m)) {
            throw new InvalidInputException(mobileTaken());
        }
        codes.issue(OneTimeCodes.Purpose.REGISTRATION, m, clientAddress, true, "mobile");
    }

    /**
     * 实名注册 of a citizen. The mobile must answer the code sent to it; name and ID number are checked against the
     * population registry: a match gives {@link RealNameLevel#REGISTRY_MATCHED}, a number the registry does not know
     * {@link RealNameLevel#MOBILE_VERIFIED}, and a number registered under another name is refused. An ID number that
     * already has an account is refused, so that nobody takes over another person's number unnoticed.
     */
    @Transactional
    @AuthorizedBy("anyone: public registration, proven by the SMS code")
    public UUID registerCitizen(CitizenRegistration r, @Nullable String mobileCode) {
        return openCitizenAccount(r, mobileCode, true, "self-registration", false);
    }

    /**
     * The same without the mobile code: an applicant account brought in by a platform administrator whose mobile
     * was verified elsewhere (the demo data, accounts moved from an earlier platform), logged under the caller.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public UUID importCitizen(CitizenRegistration r) {
        return openCitizenAccount(r, null, false, actor(), false);
    }

    private UUID openCitizenAccount(CitizenRegistration r, @Nullable String mobileCode, boolean checkCode,
                                    String actor, boolean seenInPerson) {
        List<Violation> violations = new ArrayList<>();
        requireName(r.realName(), "realName", violations);
        IdNumber idNumber = idNumber(r.idNumber(), "idNumber", violations);
        checkMobileAndPassword(r.mobile(), r.password(), violations);
        checkCodeFormat(mobileCode, checkCode, violations);
        if (idNumber != null && accounts.findByIdNumberHash(protection.lookupHash(idNumber.value())).isPresent()) {
            violations.add(Violation.of("idNumber", "account.id-number.taken",
                    "该身份证号码已有账号。如果是您本人注册的，请直接登录或用“忘记密码”重设密码；"
                            + "如果不是您注册的，请带身份证到政务服务中心窗口核实处理"));
        }
        BaseRegistries.Answer answer = violations.isEmpty()
                ? registries().person(idNumber.value(), r.realName().strip()) : BaseRegistries.Answer.NOT_FOUND;
        if (answer == BaseRegistries.Answer.MISMATCHED) {
            violations.add(Violation.of("realName", "account.registry.person-mismatch",
                    "姓名与身份证号码不符（已与人口信息核对）。请按身份证上的姓名填写；如确认无误，请带身份证到政务服务中心窗口办理"));
        }
        throwIfAny(violations);
        checkCode(r.mobile(), mobileCode, checkCode);
        UUID id = UUID.randomUUID();
        RealNameLevel level = seenInPerson ? RealNameLevel.IN_PERSON : answer == BaseRegistries.Answer.MATCHED
                ? RealNameLevel.REGISTRY_MATCHED : RealNameLevel.MOBILE_VERIFIED;
        Instant now = clock.instant();
        accounts.insert(new Account(id, AccountKind.CITIZEN, r.mobile(), r.realName().strip(),
                passwords.encode(r.password()), r.mobile(), protection.encrypt(idNumber.value()),
                protection.lookupHash(idNumber.value()), idNumber.masked(), null, null, null,
                EnumSet.of(Role.CITIZEN), true, level), now);
        log.account(id, actor, AdministrativeAction.ACCOUNT_CREATED, (seenInPerson ? "窗口代为注册（已当面查验身份证）"
                : "个人注册") + "；实名认证等级：" + levelName(level), now);
        return id;
    }

    /** 法人注册: like {@link #registerCitizen}, with credit code, name and legal representative checked against the legal-person registry. */
    @Transactional
    @AuthorizedBy("anyone: public registration, proven by the SMS code")
    public UUID registerEnterprise(EnterpriseRegistration r, @Nullable String mobileCode) {
        return openEnterpriseAccount(r, mobileCode, true, "self-registration", false);
    }

    /** Like {@link #importCitizen}: an enterprise account brought in by a platform administrator. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public UUID importEnterprise(EnterpriseRegistration r) {
        return openEnterpriseAccount(r, null, false, actor(), false);
    }

    private UUID openEnterpriseAccount(EnterpriseRegistration r, @Nullable String mobileCode, boolean checkCode,
                                       String actor, boolean seenInPerson) {
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
        checkCodeFormat(mobileCode, checkCode, violations);
        if (creditCode != null && accounts.creditCodeTaken(creditCode.value())) {
            violations.add(Violation.of("creditCode", "account.credit-code.taken",
                    "该统一社会信用代码已注册。如果是本单位注册的，请直接登录或用“忘记密码”重设密码；否则请到政务服务中心窗口核实处理"));
        }
        BaseRegistries.Answer answer = violations.isEmpty() ? registries().legalPerson(creditCode.value(),
                r.enterpriseName().strip(), r.legalRepresentative().strip()) : BaseRegistries.Answer.NOT_FOUND;
        if (answer == BaseRegistries.Answer.MISMATCHED) {
            violations.add(Violation.of("enterpriseName", "account.registry.legal-person-mismatch",
                    "单位名称或法定代表人与统一社会信用代码不符（已与法人信息核对）。请按营业执照填写"));
        }
        throwIfAny(violations);
        checkCode(r.mobile(), mobileCode, checkCode);
        UUID id = UUID.randomUUID();
        RealNameLevel level = seenInPerson ? RealNameLevel.IN_PERSON : answer == BaseRegistries.Answer.MATCHED
                ? RealNameLevel.REGISTRY_MATCHED : RealNameLevel.MOBILE_VERIFIED;
        Instant now = clock.instant();
        accounts.insert(new Account(id, AccountKind.ENTERPRISE, creditCode.value(), r.enterpriseName().strip(),
                passwords.encode(r.password()), r.mobile(), protection.encrypt(idNumber.value()),
                null, idNumber.masked(), creditCode.value(), r.legalRepresentative().strip(), null,
                EnumSet.of(Role.ENTERPRISE), true, level), now);
        log.account(id, actor, AdministrativeAction.ACCOUNT_CREATED, (seenInPerson
                ? "窗口代为注册（已当面查验营业执照和法定代表人身份证）" : "法人注册") + "；实名认证等级：" + levelName(level), now);
        return id;
    }

    private static void checkCodeFormat(@Nullable String code, boolean checkCode, List<Violation> violations) {
        if (checkCode && (code == null || !OneTimeCodes.CODE.matcher(code.strip()).matches())) {
            violations.add(Violation.of("mobileCode", "sms.code.format", "请填写短信中的 6 位数字验证码"));
        }
    }

    /** Checked last, when everything else is right, so that a typing error elsewhere does not spend a try. */
    private void checkCode(String mobile, @Nullable String code, boolean checkCode) {
        if (checkCode && !codes.verify(OneTimeCodes.Purpose.REGISTRATION, mobile, code.strip())) {
            Violation wrong = PasswordReset.wrongCode();
            throw new InvalidInputException(new Violation("mobileCode", wrong.code(), wrong.defaultMessage(),
                    wrong.arguments()));
        }
    }

    private BaseRegistries registries() {
        return registries.getIfAvailable(DemoBaseRegistries::new);
    }

    private String levelName(RealNameLevel level) {
        return messages.getMessage(level.labelKey(), null, level.name(), Locale.SIMPLIFIED_CHINESE);
    }

    /** The signed-in account's real-name level as stored now (a counter verification counts at once). */
    @AuthorizedBy("the signed-in account, about itself")
    public Optional<RealNameLevel> currentLevel() {
        return currentPrincipal().flatMap(p -> accounts.findById(p.accountId())).map(Account::realNameLevel);
    }

    /** Whether the signed-in account has at least this real-name level: for items that require one. */
    @AuthorizedBy("the signed-in account, about itself")
    public boolean currentAccountHasLevel(RealNameLevel required) {
        return currentLevel().map(level -> level.atLeast(required)).orElse(false);
    }

    /**
     * 当面核验: a window clerk has seen the ID card (for an enterprise also the business licence) of the holder of the
     * account with this ID number or credit code; the account's level becomes {@link RealNameLevel#IN_PERSON}, recorded
     * in the administration log under the clerk's name.
     *
     * @return the account, masked, to confirm on the page
     */
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    @Transactional
    public AccountSummary verifyInPerson(@Nullable String idNumberOrCreditCode, boolean documentsSeen) {
        List<Violation> violations = new ArrayList<>();
        String typed = idNumberOrCreditCode == null ? "" : idNumberOrCreditCode.strip().toUpperCase(Locale.ROOT);
        Optional<Account> account = typed.length() != 18 ? Optional.empty()
                : accounts.findByIdNumberHash(protection.lookupHash(typed))
                        .or(() -> accounts.findByCreditCode(typed))
                        .filter(a -> a.kind() != AccountKind.STAFF);
        if (account.isEmpty()) {
            violations.add(Violation.of("identifier", "account.in-person.unknown",
                    "没有使用这个身份证号码或统一社会信用代码的个人或法人账号"));
        }
        if (!documentsSeen) {
            violations.add(Violation.of("documentsSeen", "account.in-person.documents",
                    "请先查验身份证原件（法人还须查验营业执照），确认与本人一致后勾选"));
        }
        throwIfAny(violations);
        Account a = account.get();
        if (a.realNameLevel() != RealNameLevel.IN_PERSON) {
            accounts.updateRealNameLevel(a.id(), RealNameLevel.IN_PERSON);
            log.account(a.id(), actor(), AdministrativeAction.VERIFIED_IN_PERSON, "实名认证等级："
                    + levelName(a.realNameLevel()) + " → " + levelName(RealNameLevel.IN_PERSON), clock.instant());
        }
        return summary(accounts.findById(a.id()).orElseThrow());
    }

    /**
     * 窗口查找申请人: the counter finds the citizen or enterprise it is applying for by the ID number or credit code on
     * the document in front of it. Each find is logged as an access to personal data under the clerk's name.
     *
     * @return the account, masked; empty when nobody has one yet (the clerk may then {@link #registerAtCounter})
     */
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    @Transactional
    public Optional<AccountSummary> findApplicantAtCounter(@Nullable String idNumberOrCreditCode) {
        String typed = counterIdentifier(idNumberOrCreditCode);
        Optional<Account> found = (typed.matches("\\d{17}[\\dX]")
                ? accounts.findByIdNumberHash(protection.lookupHash(typed)) : accounts.findByCreditCode(typed))
                .filter(a -> a.kind() != AccountKind.STAFF);
        found.ifPresent(a -> accounts.logPersonalDataAccess(actor(), a.id(), "ACCOUNT_LOOKUP",
                "窗口受理：按证件号码查找申请人", clock.instant()));
        return found.map(this::summary);
    }

    /** An applicant account as the counter may see it (masked), for a case it is taking in. */
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    public Optional<AccountSummary> applicantAtCounter(UUID accountId) {
        return accounts.findById(accountId).filter(a -> a.kind() != AccountKind.STAFF).map(this::summary);
    }

    /**
     * The clear ID number of an applicant the counter is serving (an enterprise's: its legal representative's), for
     * processing the applicant asked for at the counter, such as checking a 秒批 condition. Logged like any other look.
     */
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    @Transactional
    public Optional<String> idNumberAtCounter(UUID accountId, String purpose) {
        Optional<Account> account = accounts.findById(accountId)
                .filter(a -> a.kind() != AccountKind.STAFF && a.idNumberCipher() != null);
        account.ifPresent(a -> accounts.logPersonalDataAccess(actor(), a.id(), "ID_NUMBER", purpose, clock.instant()));
        return account.map(a -> protection.decrypt(a.idNumberCipher()));
    }

    /**
     * 窗口代为注册: an applicant without an account, registered by the clerk who has seen the ID card (for an
     * enterprise the business licence and the legal representative's ID card), checked against the base registries
     * as self-registration is, at the level {@link RealNameLevel#IN_PERSON}. Nobody knows the password it is given:
     * the applicant sets their own with “忘记密码” and an SMS code to the mobile recorded here.
     */
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    @Transactional
    public AccountSummary registerAtCounter(CounterRegistration r) {
        if (!r.documentsSeen()) {
            throw new InvalidInputException(Violation.of("documentsSeen", "account.in-person.documents",
                    "请先查验身份证原件（法人还须查验营业执照），确认与本人一致后勾选"));
        }
        String identifier = counterIdentifier(r.identifier());
        String unknownPassword = "k1" + java.util.HexFormat.of().formatHex(randomBytes());
        UUID id = r.organisation()
                ? openEnterpriseAccount(new EnterpriseRegistration(identifier, r.name(), r.legalRepresentative(),
                        r.legalRepresentativeIdNumber(), r.mobile(), unknownPassword), null, false, actor(), true)
                : openCitizenAccount(new CitizenRegistration(r.name(), identifier, r.mobile(), unknownPassword), null,
                        false, actor(), true);
        return summary(accounts.findById(id).orElseThrow());
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String counterIdentifier(@Nullable String raw) {
        String typed = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!typed.matches("[0-9A-Z]{18}")) {
            throw new InvalidInputException(Violation.of("identifier", "account.counter.identifier",
                    "请填写 18 位身份证号码或统一社会信用代码"));
        }
        return typed;
    }

    /** A staff account, opened by a platform administrator. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public UUID createStaff(StaffAccountRequest r) {
        return openStaffAccount(r, actor());
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
     * signing in again reads the new roles, department or password. Its API tokens end with the same transaction.
     */
    void endSessions(String username) {
        accounts.endTokens(username, clock.instant());
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

    /**
     * A bearer token for the signed-in account's API client ({@code Authorization: Bearer …}; docs/cases.md). Only a
     * session signed in with a password may ask: a token cannot renew itself, so a stolen one ends when it expires.
     */
    @PreAuthorize("isAuthenticated()")
    public ApiToken issueApiToken() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokens.TokenAuthentication) {
            throw new Refused("identity.token-from-token", "令牌不能用令牌申请：请先登录，再用登录会话申请");
        }
        var issued = tokens.issue(currentPrincipal().orElseThrow().accountId());
        return new ApiToken(issued.value(), issued.expiresAt(), issued.lifetime().toSeconds());
    }

    /** A bearer token and when it expires. */
    public record ApiToken(String value, Instant expiresAt, long expiresInSeconds) {
    }

    /** Ends every API token of the signed-in account issued until now (lost phone, signing out everywhere). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revokeApiTokens() {
        tokens.revokeAll(currentPrincipal().orElseThrow().getUsername());
    }

    /** The signed-in user's name, or the platform's when nobody is signed in (demo data on first start). */
    static String actor() {
        return currentPrincipal().map(AccountPrincipal::getUsername).orElseThrow(
                () -> new org.springframework.security.access.AccessDeniedException("not signed in"));
    }

    /** The signed-in account, masked, for its own account page. */
    @AuthorizedBy("the signed-in account, about itself")
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
        return AccountSummary.of(a, throttle.heldBack(a.id()));
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public boolean usernameExists(String username) {
        return accounts.usernameTaken(username);
    }

    /**
     * One account, masked, by the name it signs in with (a citizen's is the mobile, an enterprise's the credit code,
     * staff have a user name): for platform administrators, and for the demo data finding its own people.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Optional<AccountSummary> accountByUsername(String username) {
        return accounts.findByUsername(username).map(this::summary);
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

    /**
     * The signed-in applicant's own clear ID number (an enterprise's: its legal representative's), for processing the
     * applicant has asked for, such as checking a 秒批 condition on their application. Logged like any other look.
     */
    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
    @Transactional
    public Optional<String> ownIdNumber(String purpose) {
        AccountPrincipal me = currentPrincipal().orElseThrow();
        Optional<Account> account = accounts.findById(me.accountId()).filter(a -> a.idNumberCipher() != null);
        account.ifPresent(a -> accounts.logPersonalDataAccess(me.getUsername(), a.id(), "ID_NUMBER", purpose,
                clock.instant()));
        return account.map(a -> protection.decrypt(a.idNumberCipher()));
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<PersonalDataAccess> personalDataAccessLog(UUID accountId) {
        return accounts.accessLog(accountId);
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'WINDOW_CLERK')")
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
            violations.add(mobileTaken());
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

    private static Violation mobileTaken() {
        return Violation.of("mobile", "account.mobile.taken", "该手机号码已注册，请直接登录或用“忘记密码”重设密码");
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
