package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.calendar.CalendarManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemVersion;
import org.tongban.identity.AccountKind;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountPrincipal;
import org.tongban.identity.AccountSummary;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement;
import org.tongban.identity.Role;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Paging;
import org.tongban.shared.Refused;
import org.tongban.shared.Violation;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The cases module's API: applying, and each use case of acceptance and handling. Every method checks the
 * caller's role here and their hold on the case (own application, own department) before it loads, transitions,
 * saves and publishes the case's events with its audit entries in one transaction. Rules live in {@link Case},
 * {@link CaseClock} and the policies; this class stays thin.
 */
@Service
public class CaseManagement {

    static final int MAX_FORM_FIELDS = 100;
    static final int MAX_FORM_VALUE = 2000;
    static final int MAX_MATERIALS = 100;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private final Cases cases;
    private final CaseAudit audit;
    private final CaseAccess access;
    private final CatalogManagement catalog;
    private final DepartmentManagement departments;
    private final CalendarManagement calendars;
    private final CasesProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final AccountManagement accounts;
    private final CaseLists lists;
    private final MaterialFiles files;
    private final ApplicantFacts facts;
    private final MaterialSources sources;
    private final ProgressLookupThrottle lookupThrottle;

    CaseManagement(Cases cases, CaseAudit audit, CaseAccess access, CatalogManagement catalog,
                   DepartmentManagement departments, CalendarManagement calendars, CasesProperties properties,
                   Clock clock, ApplicationEventPublisher events, JsonMapper json,
                   AccountManagement accounts, CaseLists lists, MaterialFiles files, ApplicantFacts facts,
                   MaterialSources sources, ProgressLookupThrottle lookupThrottle) {
        this.sources = sources;
        this.lookupThrottle = lookupThrottle;
        this.facts = facts;
        this.files = files;
        this.accounts = accounts;
        this.lists = lists;
        this.cases = cases;
        this.audit = audit;
        this.access = access;
        this.catalog = catalog;
        this.departments = departments;
        this.calendars = calendars;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.json = json;
    }

    /** A submission's answer: the case, and whether this request created it or an earlier one with the same key did. */
    public record Submitted(Case submitted, boolean created) {
    }

    /**
     * 申请: submits an application for the item version in force, once per {@code idempotencyKey}: the same key with
     * the same body returns the first case and creates nothing; with a different body it is refused, naming the key.
     */
    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
    @Transactional
    public Submitted submit(Application application, String idempotencyKey) {
        AccountPrincipal applicant = current();
        return submit(applicant, application, application, idempotencyKey,
                () -> applicantOf(accounts.currentAccount().orElseThrow()), version -> {
                    itemOnline(version);
                    return Intake.online(Intake.Channel.WEB, application.delivery());
                }, Actor.applicant(applicant.accountId(), applicant.displayName()));
    }

    /**
     * 窗口收件 (综合窗口, 帮办代办): a counter clerk applies for the applicant in front of them, whom they found or
     * registered by ID number or credit code, with the authorisation recorded, scanned files uploaded by the clerk,
     * originals seen at the counter ({@link SubmittedMaterial.Provision#PAPER}), and the centre whose counter took it:
     * any centre takes an item whose handling department is elsewhere (收受分离, 全市通办), and the result waits there or
     * is mailed, as the applicant chose. Once per {@code idempotencyKey}, like {@link #submit}.
     */
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    @Transactional
    public Submitted submitAtCounter(CounterApplication counter, String idempotencyKey) {
        AccountPrincipal clerk = current();
        List<Violation> missing = counter.missing();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        Application application = counter.application();
        return submit(clerk, application, counter, idempotencyKey, () -> {
            var account = accounts.applicantAtCounter(counter.applicantAccountId())
                    .orElseThrow(() -> new InvalidInputException(Violation.of("applicant", "case.counter.applicant",
                            "请先按证件号码查找或登记申请人")));
            return applicantOf(account);
        }, version -> {
            var centre = departments.serviceCentre(counter.acceptingCentre()).orElseThrow(() -> new InvalidInputException(
                    Violation.of("acceptingCentre", "case.counter.centre", "请选择收件的政务服务中心")));
            Actor by = new Actor(clerk.accountId(), clerk.displayName(), Role.WINDOW_CLERK, clerk.departmentId());
            return new Intake(Intake.Channel.COUNTER, centre.code(), by, counter.authorisation().checked(clock).description(),
                    application.delivery());
        }, new Actor(clerk.accountId(), clerk.displayName(), Role.WINDOW_CLERK, clerk.departmentId()));
    }

    /**
     * The submission both ways share: the key claimed first (a retry waits for the first request and returns its
     * case), then the item, the form, the materials and the files, each problem named.
     *
     * @param body what the key is checked against: the whole request as it came
     */
    private Submitted submit(AccountPrincipal caller, Application application, Object body, String idempotencyKey,
                             java.util.function.Supplier<Applicant> applicantFor,
                             java.util.function.Function<ItemVersion, Intake> intakeFor, Actor by) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidInputException(Violation.of("Idempotency-Key", "case.idempotency-key",
                    "Idempotency-Key 应为 8 到 64 位字母、数字或 . _ : -"));
        }
        String requestHash = CaseAudit.sha256(json.writeValueAsString(body));
        CaseId id = CaseId.random();
        var earlier = cases.claimKey(caller.accountId(), idempotencyKey, requestHash, id, clock.instant());
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(requestHash)) {
                throw new Refused("case.idempotency-key-reused",
                        "Idempotency-Key “" + idempotencyKey + "” 已用于另一份不同的申请；新的申请请使用新的 Idempotency-Key");
            }
            return new Submitted(cases.find(earlier.get().caseId()).orElseThrow(), false);
        }
        ItemVersion version = itemInForce(application);
        ItemContent item = version.content();
        Applicant applicant = applicantFor.get();
        Intake intake = intakeFor.apply(version);
        check(application, item, LocalDate.now(clock), intake.channel());
        checkFilesOwned(caller.accountId(), application.materials());
        List<SubmittedMaterial> materials = byReference(applicant, item, application.materials());
        Department department = departments.byCreditCode(item.departmentCreditCode())
                .orElseThrow(() -> new Refused("case.no-department", "此事项的实施部门不在本平台，暂不能申请"));
        Act act = act(by);
        Case c = Case.submit(id, CaseNumber.of(properties.regionCode(), act.on(), cases.nextSequence()),
                new ItemVersionRef(version.itemCode(), version.versionNo()), CaseTermsFromItem.of(item, department.id()),
                applicant, intake, application.form(), materials, act);
        decideInstantly(c, item, application, act);
        List<CaseChange> changes = c.takeChanges();
        CaseAudit.Chain chain = audit.start(changes, act.at());
        cases.insert(c, act.at(), chain.head());
        audit.write(c.id(), chain);
        changes.forEach(change -> events.publishEvent(change.event()));
        return new Submitted(c, true);
    }

    /**
     * 秒批: when every condition of the item holds on the form and on the facts the platform verified itself, the
     * case is accepted, approved and completed at once, the decision naming the conditions; when one fails or
     * cannot be evaluated, the case waits for a person as usual.
     */
    private void decideInstantly(Case c, ItemContent item, Application application, Act act) {
        if (!item.instantApproval().offered() || c.terms().immediate()) {
            return;
        }
        var evaluation = item.evaluateInstantApproval(application.form(), facts.verified(c.applicant()), act.on());
        if (evaluation.approved()) {
            String rule = String.join("；", evaluation.conditions().stream()
                    .map(r -> r.explanation()).toList());
            c.approveAutomatically(new Act(Actor.platform(), act.at(), act.on(), act.clock()), "秒批：" + rule,
                    "符合秒批条件，系统自动准予：" + rule);
        }
    }

    private ItemVersion itemInForce(Application a) {
        ItemVersion version = catalog.inForce(a.itemCode())
                .orElseThrow(() -> new Refused("case.item-not-in-force", "此事项未发布或已取消，不能申请"));
        if (a.versionNo() != null && a.versionNo() != version.versionNo()) {
            throw new Refused("case.item-version-superseded",
                    "您填写时依据的办事指南（第 " + a.versionNo() + " 版）已更新为第 " + version.versionNo()
                            + " 版，请按新版指南核对后再提交");
        }
        return version;
    }

    /** Online only where the item says so; the counter takes every item (it may also help with an online one). */
    private static void itemOnline(ItemVersion version) {
        if (!version.content().handlingForms().contains(ItemContent.HandlingForm.ONLINE)) {
            throw new Refused("case.not-online", "此事项不能在线申请，请到政务服务中心窗口办理");
        }
    }

    /** Bounds and required materials; each problem names its field, and all are reported at once. */
    private static void check(Application a, ItemContent item, LocalDate today, Intake.Channel channel) {
        List<Violation> problems = new ArrayList<>();
        for (Violation v : item.applicationForm().check(a.form(), today)) {
            problems.add(new Violation("form." + v.field(), v.code(), v.defaultMessage(), v.arguments()));
        }
        problems.addAll(bounds(a.form(), a.materials()));
        if (a.delivery() == null) {
            // The pages always send one; an API client that leaves it out would get a case it cannot be told about.
            problems.add(Violation.of("delivery", "case.delivery-method", "请选择领取结果的方式"));
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        item.materials().forEach(m -> known.add(m.name()));
        java.util.Set<String> provided = new java.util.HashSet<>();
        for (SubmittedMaterial m : a.materials()) {
            if (!known.contains(m.name())) {
                problems.add(Violation.of("materials." + m.name(), "case.unknown-material", "此事项没有这项材料"));
            }
            else if (!provided.add(m.name())) {
                problems.add(Violation.of("materials." + m.name(), "case.material-twice", "同一项材料只能提交一次"));
            }
            problems.addAll(materialProblems(m, channel));
        }
        for (ItemContent.Material m : item.materials()) {
            if (m.requirement() != ItemContent.Requirement.CONDITIONAL && !m.replaced() && !provided.contains(m.name())) {
                problems.add(Violation.of("materials." + m.name(), "case.material-missing", "请提交“{0}”", m.name()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The bounds every application obeys, a draft too: how many answers and materials, how long each answer. */
    static List<Violation> bounds(Map<String, String> form, List<SubmittedMaterial> materials) {
        List<Violation> problems = new ArrayList<>();
        if (form.size() > MAX_FORM_FIELDS) {
            problems.add(Violation.of("form", "case.form-size", "申请表最多 {0} 项", MAX_FORM_FIELDS));
        }
        form.forEach((key, value) -> {
            if (key.length() > 64 || value != null && value.length() > MAX_FORM_VALUE) {
                problems.add(Violation.of("form." + key, "case.form-value-length", "每项最多 {0} 个字", MAX_FORM_VALUE));
            }
        });
        if (materials.size() > MAX_MATERIALS) {
            problems.add(Violation.of("materials", "case.materials-size", "材料最多 {0} 项", MAX_MATERIALS));
        }
        return problems;
    }

    /** What is wrong with how one material is given, whatever the item: paper online, a file without its reference. */
    private static List<Violation> materialProblems(SubmittedMaterial m, Intake.Channel channel) {
        List<Violation> problems = new ArrayList<>();
        if (m.provision() == SubmittedMaterial.Provision.PAPER && channel != Intake.Channel.COUNTER) {
            problems.add(Violation.of("materials." + m.name(), "case.paper-online", "在线申请不能选择窗口核验纸质材料"));
        }
        if ((m.provision() == SubmittedMaterial.Provision.FILE || m.provision() == SubmittedMaterial.Provision.BY_REFERENCE)
                && (m.reference() == null || m.reference().isBlank() || m.reference().length() > 128)) {
            problems.add(Violation.of("materials." + m.name(), "case.material-reference", "请上传文件或选择证照"));
        }
        return problems;
    }

    /**
     * The corrected materials checked as a submission's are: how each is given, files the applicant's own, licences
     * and records ones the sources offer them for the item version the case is held to.
     */
    private List<SubmittedMaterial> checkedCorrections(Case c, List<SubmittedMaterial> corrected) {
        List<Violation> problems = bounds(Map.of(), corrected);
        corrected.forEach(m -> problems.addAll(materialProblems(m, Intake.Channel.WEB)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        checkFilesOwned(c.applicant().accountId(), corrected);
        ItemContent item = catalog.published(c.item().itemCode(), c.item().versionNo()).orElseThrow().content();
        return byReference(c.applicant(), item, corrected);
    }

    /** A file attached by hash must be one the applicant uploaded: nobody attaches another's file by guessing. */
    private void checkFilesOwned(java.util.UUID owner, List<SubmittedMaterial> materials) {
        List<Violation> problems = new ArrayList<>();
        var owned = files.owned(owner, materials.stream()
                .filter(m -> m.provision() == SubmittedMaterial.Provision.FILE && m.reference() != null)
                .map(SubmittedMaterial::reference).distinct().toList());
        for (SubmittedMaterial m : materials) {
            if (m.provision() == SubmittedMaterial.Provision.FILE && m.reference() != null
                    && !owned.contains(m.reference())) {
                problems.add(Violation.of("materials." + m.name(), "case.file-unknown", "没有找到您上传的这个文件，请重新上传"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * 免提交: each material attached by reference must be one the {@link MaterialSources} offer this applicant for it;
     * the case keeps the source's title of it, not what the request said.
     */
    private List<SubmittedMaterial> byReference(Applicant applicant, ItemContent item, List<SubmittedMaterial> given) {
        List<Violation> problems = new ArrayList<>();
        List<SubmittedMaterial> kept = new ArrayList<>();
        for (SubmittedMaterial m : given) {
            if (m.provision() != SubmittedMaterial.Provision.BY_REFERENCE) {
                kept.add(m);
                continue;
            }
            var held = item.materials().stream().filter(x -> x.name().equals(m.name())).findFirst()
                    .map(x -> sources.offers(applicant, x)).orElse(List.of()).stream()
                    .filter(h -> h.reference().equals(m.reference())).findFirst();
            if (held.isEmpty()) {
                problems.add(Violation.of("materials." + m.name(), "case.reference-unknown",
                        "没有找到您持有的可以代替“{0}”的电子证照或共享数据，请上传材料", m.name()));
            }
            else {
                kept.add(new SubmittedMaterial(m.name(), m.provision(), m.reference(),
                        held.get().title() + " · " + held.get().issuer()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return kept;
    }

    /** What the signed-in applicant holds that can stand in for each material of the item (免提交), by material name. */
    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
    public Map<String, List<MaterialSources.HeldMaterial>> heldMaterials(String itemCode) {
        return held(applicantOf(accounts.currentAccount().orElseThrow()), itemCode);
    }

    /** The same for the applicant the counter is serving. */
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    public Map<String, List<MaterialSources.HeldMaterial>> heldMaterialsAtCounter(java.util.UUID applicantAccountId,
                                                                                 String itemCode) {
        var account = accounts.applicantAtCounter(applicantAccountId).orElseThrow(() -> new org.tongban.shared.NotFound(
                "没有这个申请人账号"));
        return held(applicantOf(account), itemCode);
    }

    private Map<String, List<MaterialSources.HeldMaterial>> held(Applicant applicant, String itemCode) {
        Map<String, List<MaterialSources.HeldMaterial>> held = new java.util.LinkedHashMap<>();
        catalog.inForce(itemCode).ifPresent(v -> v.content().materials().forEach(m -> {
            List<MaterialSources.HeldMaterial> offers = sources.offers(applicant, m);
            if (!offers.isEmpty()) {
                held.put(m.name(), offers);
            }
        }));
        return held;
    }

    /** A file uploaded for an application, stored for the signed-in applicant (or the counter clerk helping one). */
    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE', 'WINDOW_CLERK')")
    @Transactional
    public UploadedFile upload(String field, @Nullable String fileName, byte[] bytes) {
        MaterialFiles.Uploaded u = files.upload(current().accountId(), field, fileName, bytes, clock.instant());
        return new UploadedFile(u.sha256(), u.fileName(), u.mediaType(), u.size());
    }

    /** A stored upload: its hash is what an application refers to. */
    public record UploadedFile(String sha256, String fileName, String mediaType, long size) {
    }

    /** The file types an upload may have, for the form's accept attribute. */
    @org.tongban.shared.AuthorizedBy("anyone: public limits")
    public String acceptedFileTypes() {
        return MaterialFiles.ACCEPTED;
    }

    /** The bytes of a material of a case, for whoever may see the case. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public MaterialFile materialFile(CaseNumber number, String sha256) {
        Case c = view(number);
        SubmittedMaterial m = c.materials().stream()
                .filter(x -> x.provision() == SubmittedMaterial.Provision.FILE && sha256.equals(x.reference()))
                .findFirst().orElseThrow(() -> new org.tongban.shared.NotFound("此办件没有这个材料文件"));
        byte[] bytes = files.bytes(sha256).orElseThrow(() -> new org.tongban.shared.NotFound("材料文件已不在存储中"));
        String type = files.describe(c.applicant().accountId(), sha256).map(MaterialFiles.Uploaded::mediaType)
                .orElse("application/octet-stream");
        return new MaterialFile(m.fileName() == null ? m.name() : m.fileName(), type, bytes);
    }

    /** A material's file as stored, with the name it was uploaded under. */
    public record MaterialFile(String fileName, String mediaType, byte[] bytes) {
    }

    private static Applicant applicantOf(AccountSummary account) {
        return applicantOf(account.kind() == AccountKind.ENTERPRISE ? Applicant.Kind.ORGANISATION : Applicant.Kind.PERSON,
                account);
    }

    private static Applicant applicantOf(Applicant.Kind kind, AccountSummary account) {
        String mobile = account.maskedMobile();
        String tail = mobile != null && mobile.matches(".*\\d{4}") ? mobile.substring(mobile.length() - 4) : null;
        String identifier = kind == Applicant.Kind.ORGANISATION ? account.creditCode() : account.maskedIdNumber();
        return new Applicant(account.id(), kind, account.displayName(), identifier, tail);
    }

    // ---- acceptance ----

    @PreAuthorize("hasAnyRole('WINDOW_CLERK', 'DEPARTMENT_REVIEWER')")
    @Transactional
    public Case accept(CaseNumber number, Map<String, LocalDate> deferredDue) {
        return acceptanceStep(number, "accept", (c, act) -> c.accept(act, deferredDue));
    }

    @PreAuthorize("hasAnyRole('WINDOW_CLERK', 'DEPARTMENT_REVIEWER')")
    @Transactional
    public Case refuseToAccept(CaseNumber number, String reasons) {
        return acceptanceStep(number, "refuse", (c, act) -> c.refuseToAccept(act, reasons));
    }

    @PreAuthorize("hasAnyRole('WINDOW_CLERK', 'DEPARTMENT_REVIEWER')")
    @Transactional
    public Case requestCorrection(CaseNumber number, List<Correction.Item> items) {
        return acceptanceStep(number, "request-correction", (c, act) -> c.requestCorrection(act, items));
    }

    private Case acceptanceStep(CaseNumber number, String action, BiConsumer<Case, Act> transition) {
        return transition(number, action, this::counterOrDepartment,
                new Role[] {Role.WINDOW_CLERK, Role.DEPARTMENT_REVIEWER}, transition);
    }

    // ---- the applicant's own acts ----

    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
    @Transactional
    public Case resubmit(CaseNumber number, List<SubmittedMaterial> corrected) {
        return applicantStep(number, "resubmit", (c, act) -> c.resubmit(act, checkedCorrections(c, corrected)));
    }

    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
    @Transactional
    public Case withdraw(CaseNumber number, String reason) {
        return applicantStep(number, "withdraw", (c, act) -> c.withdraw(act, reason));
    }

    private Case applicantStep(CaseNumber number, String action, BiConsumer<Case, Act> transition) {
        return transition(number, action, (who, c) -> who.accountId().equals(c.applicant().accountId()),
                new Role[0], transition);
    }

    // ---- handling in the department ----

    @PreAuthorize("hasAnyRole('DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD')")
    @Transactional
    public Case claim(CaseNumber number) {
        return handlingStep(number, "claim", Case::claim);
    }

    /** Completes step {@code step} (counted from 0), which must be the current one. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD')")
    @Transactional
    public Case completeStep(CaseNumber number, int step, String opinion) {
        return handlingStep(number, "complete-step", (c, act) -> {
            requireCurrentStep(c, step);
            c.completeStep(act, opinion);
        });
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD')")
    @Transactional
    public Case returnToStep(CaseNumber number, int toStep, String opinion) {
        return handlingStep(number, "return-to-step", (c, act) -> c.returnToStep(act, toStep, opinion));
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD')")
    @Transactional
    public Case suspend(CaseNumber number, String procedure, String reason) {
        return handlingStep(number, "suspend", (c, act) -> c.suspend(act, procedure, reason));
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD')")
    @Transactional
    public Case resume(CaseNumber number, String result) {
        return handlingStep(number, "resume", (c, act) -> c.resume(act, result));
    }

    @PreAuthorize("hasRole('DEPARTMENT_HEAD')")
    @Transactional
    public Case extend(CaseNumber number, String reason) {
        return handlingStep(number, "extend", (c, act) -> c.extend(act, reason));
    }

    @PreAuthorize("hasAnyRole('WINDOW_CLERK', 'DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD')")
    @Transactional
    public Case receiveDeferredMaterial(CaseNumber number, String material) {
        return transition(number, "receive-deferred", this::counterOrDepartment,
                new Role[] {Role.WINDOW_CLERK, Role.DEPARTMENT_REVIEWER, Role.DEPARTMENT_HEAD},
                (c, act) -> c.receiveDeferredMaterial(act, material));
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD')")
    @Transactional
    public Case approve(CaseNumber number, String opinion) {
        return handlingStep(number, "approve", (c, act) -> c.approve(act, opinion));
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD')")
    @Transactional
    public Case reject(CaseNumber number, String reasons, String legalBasis) {
        return handlingStep(number, "reject", (c, act) -> c.reject(act, reasons, legalBasis));
    }

    /** 办结 after approval: by the department, or by the counter that hands the result over. */
    @PreAuthorize("hasAnyRole('WINDOW_CLERK', 'DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD')")
    @Transactional
    public Case complete(CaseNumber number) {
        return transition(number, "complete", this::counterOrDepartment,
                new Role[] {Role.WINDOW_CLERK, Role.DEPARTMENT_REVIEWER, Role.DEPARTMENT_HEAD}, Case::complete);
    }

    @PreAuthorize("hasRole('DEPARTMENT_HEAD')")
    @Transactional
    public Case revoke(CaseNumber number, String reasons) {
        return handlingStep(number, "revoke", (c, act) -> c.revoke(act, reasons));
    }

    /**
     * 告知承诺事后核查: records whether the commitments an approval rested on are true, with what was found; a false
     * one leaves the decision for the head to {@link #revoke}.
     */
    @PreAuthorize("hasAnyRole('DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD')")
    @Transactional
    public Case checkCommitment(CaseNumber number, boolean truthful, String finding) {
        return transition(number, "check-commitment", access::handlesFor,
                new Role[] {Role.DEPARTMENT_REVIEWER, Role.DEPARTMENT_HEAD}, (c, act) -> c.checkCommitment(act, truthful, finding));
    }

    private Case handlingStep(CaseNumber number, String action, BiConsumer<Case, Act> transition) {
        return transition(number, action, access::handlesFor, null, transition);
    }

    private static void requireCurrentStep(Case c, int step) {
        if (step != c.step()) {
            throw new CaseTransitionRefused("case.not-current-step", "此案件当前在第 " + (c.step() + 1) + " 个环节“"
                    + c.terms().step(c.step()).name() + "”，不是第 " + (step + 1) + " 个", c.status());
        }
    }

    // ---- reading ----

    /** One case, for its applicant, the counter, its department's staff and supervisors. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Case view(CaseNumber number) {
        AccountPrincipal who = current();
        Case c = cases.find(number).orElseThrow(() -> access.refuse(who, number, "view", "no such case"));
        if (!access.maySee(who, c)) {
            throw access.refuse(who, number, "view", "not the applicant, the counter or the handling department");
        }
        return c;
    }

    /** The audit of a case, and whether its chain is intact: staff who may see the case, and supervisors. */
    @PreAuthorize("hasAnyRole('WINDOW_CLERK', 'DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD', 'SUPERVISOR')")
    @Transactional(readOnly = true)
    public AuditTrail audit(CaseNumber number) {
        Case c = view(number);
        return new AuditTrail(audit.entries(c.id()).stream().map(AuditTrail.Entry::of).toList(),
                audit.verify(c.id()).intact());
    }

    /** The applicant's own cases, newest first. */
    @PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
    @Transactional(readOnly = true)
    public Inbox.Page mine(int page, int size) {
        return lists.mine(current().accountId(), Paging.of(page, size, Paging.MAX_RESULTS));
    }

    /**
     * The asker's inbox (待办), due dates first: the counter sees every application awaiting acceptance and every
     * approval awaiting hand-over; reviewers and heads the open cases of their own department.
     */
    @PreAuthorize("hasAnyRole('WINDOW_CLERK', 'DEPARTMENT_REVIEWER', 'DEPARTMENT_HEAD')")
    @Transactional(readOnly = true)
    public Inbox.Page inbox(Inbox query, int page, int size) {
        AccountPrincipal who = current();
        Paging paging = Paging.of(page, size, Paging.MAX_RESULTS);
        boolean counter = who.has(Role.WINDOW_CLERK) && !who.has(Role.DEPARTMENT_REVIEWER) && !who.has(Role.DEPARTMENT_HEAD);
        if (!counter && who.departmentId() == null || counter && query.view() == Inbox.View.COMMITMENTS) {
            return new Inbox.Page(List.of(), paging.page(), paging.size(), false);
        }
        String role = who.has(Role.DEPARTMENT_HEAD) ? Role.DEPARTMENT_HEAD.name()
                : who.has(Role.DEPARTMENT_REVIEWER) ? Role.DEPARTMENT_REVIEWER.name() : Role.WINDOW_CLERK.name();
        LocalDate today = LocalDate.now(clock);
        LocalDate dueSoonUntil = dueSoonUntil(today);
        return lists.inbox(counter ? null : who.departmentId(), query, who.accountId(), role, today, dueSoonUntil, paging);
    }

    /** Whether a deadline shows yellow (due soon) or red (overdue) today, as the inbox counts them. */
    @org.tongban.shared.AuthorizedBy("anyone: computes from dates given, reads nothing")
    public Urgency urgency(@Nullable LocalDate due) {
        if (due == null) {
            return Urgency.NONE;
        }
        LocalDate today = LocalDate.now(clock);
        if (due.isBefore(today)) {
            return Urgency.OVERDUE;
        }
        int left = caseClock().workingDaysLeft(today, due);
        return left <= properties.dueSoonWorkingDays() ? Urgency.DUE_SOON : Urgency.ON_TRACK;
    }

    /** A deadline this many working days away or fewer is due soon (yellow). */
    @org.tongban.shared.AuthorizedBy("anyone: a setting")
    public int dueSoonWorkingDays() {
        return properties.dueSoonWorkingDays();
    }

    /** Working days from today to {@code due}: negative once overdue, for the deadline badges. */
    @org.tongban.shared.AuthorizedBy("anyone: computes from dates given, reads nothing")
    public int workingDaysLeft(LocalDate due) {
        return caseClock().workingDaysLeft(LocalDate.now(clock), due);
    }

    /**
     * The progress of a case (办理进度) for whoever may see it: each recorded event with when it happened, the role
     * that acted and the opinion. Staff names are given to staff only; applicants see the role (审批人员).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Progress> progress(CaseNumber number) {
        AccountPrincipal who = current();
        Case c = view(number);
        boolean staff = who.kind() == org.tongban.identity.AccountKind.STAFF;
        return audit.entries(c.id()).stream()
                .map(e -> new Progress(e.event(), e.occurredAt(), e.actorRole(), staff ? e.actorName() : null,
                        CaseStatus.valueOf(e.toStatus()), e.opinion()))
                .toList();
    }

    /** Wrong guesses at one case number's mobile digits in an hour before its public lookup stops answering. */
    static final int PUBLIC_LOOKUP_GUESSES = 5;

    /**
     * 办件进度查询 for anyone holding the receipt: the case number and the last four digits of the applicant's
     * mobile. It shows where the case stands and when, never names or materials. Ten thousand possible digits are
     * few, so after {@value #PUBLIC_LOOKUP_GUESSES} wrong ones within an hour the number answers nothing more for
     * that hour, even to the right digits; every wrong guess is logged. One client address that makes too many wrong
     * guesses, whatever the numbers, is held back too ({@link ProgressLookupThrottle}).
     *
     * @param clientAddress the address the lookup came from ({@code request.getRemoteAddr()})
     */
    @org.tongban.shared.AuthorizedBy("anyone holding the receipt: the case number and the last four digits of the mobile")
    @Transactional(readOnly = true)
    public java.util.Optional<PublicProgress> publicProgress(CaseNumber number, String mobileTail,
                                                             @Nullable String clientAddress) {
        if (lookupThrottle.refuses(clientAddress == null ? "" : clientAddress)) {
            access.record(null, number, "public-progress-address", "address " + clientAddress + " held back");
            throw new Refused("case.progress-address-held-back",
                    "您所在网络地址的查询错误次数过多，请一小时后再试，或登录后在“我的办件”中查看");
        }
        Instant hourAgo = clock.instant().minus(java.time.Duration.ofHours(1));
        if (access.refusals(number, "public-progress", hourAgo) >= PUBLIC_LOOKUP_GUESSES) {
            throw new Refused("case.progress-locked", "此办件编号的查询错误次数过多，请一小时后再试，或登录后在“我的办件”中查看");
        }
        java.util.Optional<Case> found = cases.find(number)
                .filter(c -> c.applicant().mobileTail() != null && c.applicant().mobileTail().equals(mobileTail));
        if (found.isEmpty()) {
            access.record(null, number, "public-progress", "number and mobile digits do not match from " + clientAddress);
            lookupThrottle.failed(clientAddress == null ? "" : clientAddress);
            return java.util.Optional.empty();
        }
        Case c = found.get();
        List<PublicProgress.Step> steps = audit.entries(c.id()).stream()
                .map(e -> new PublicProgress.Step(e.event(), e.occurredAt())).toList();
        return java.util.Optional.of(new PublicProgress(c.number(), c.terms().itemName(), c.status(), c.receivedOn(),
                c.acceptedOn(), c.deadlines(), steps));
    }

    /** What the public lookup shows: no names, no materials, no opinions. */
    public record PublicProgress(CaseNumber number, String itemName, CaseStatus status, LocalDate receivedOn,
                                 @Nullable LocalDate acceptedOn, Deadlines deadlines, List<Step> steps) {

        public record Step(String event, Instant at) {
        }
    }

    /** One step of a case's progress; {@code actorName} only for staff. */
    public record Progress(String event, Instant at, @Nullable String actorRole, @Nullable String actorName,
                           CaseStatus status, @Nullable String opinion) {
    }

    /** How a deadline stands today: the inbox and case pages colour it. */
    public enum Urgency { NONE, ON_TRACK, DUE_SOON, OVERDUE }

    // ---- the machinery every transition shares ----

    @FunctionalInterface
    private interface Hold {
        boolean on(AccountPrincipal who, Case c);
    }

    /**
     * Loads the case, checks the caller's hold on it (refused as not found, and logged), transitions it as the
     * role the transition needs, and saves it with its audit entries and events.
     *
     * @param roles the roles to act in, in order of preference; {@code null} for the role of the current step
     */
    private Case transition(CaseNumber number, String action, Hold hold, Role @Nullable [] roles,
                            BiConsumer<Case, Act> transition) {
        AccountPrincipal who = current();
        Case c = cases.find(number).orElseThrow(() -> access.refuse(who, number, action, "no such case"));
        if (!hold.on(who, c)) {
            throw access.refuse(who, number, action, "no hold on the case");
        }
        Act act = act(actorFor(who, c, roles));
        transition.accept(c, act);
        save(c, act.at());
        return c;
    }

    /** The counter, which accepts and hands over for every department (收受分离), or the handling department. */
    private boolean counterOrDepartment(AccountPrincipal who, Case c) {
        return who.has(Role.WINDOW_CLERK) || access.handlesFor(who, c);
    }

    /** Saves a transitioned case with its audit entries and events: every transition, by a person or the platform. */
    void save(Case c, Instant now) {
        cases.update(c, now);
        publish(c, now);
    }

    private void publish(Case c, Instant now) {
        List<CaseChange> changes = c.takeChanges();
        audit.append(c.id(), changes, now);
        changes.forEach(change -> events.publishEvent(change.event()));
    }

    private static Actor actorFor(AccountPrincipal who, Case c, Role @Nullable [] roles) {
        Role[] preferred = roles;
        if (preferred == null) {
            Role stepRole = c.step() < c.terms().steps().size() ? c.terms().step(c.step()).role() : Role.DEPARTMENT_HEAD;
            preferred = new Role[] {stepRole, Role.DEPARTMENT_HEAD, Role.DEPARTMENT_REVIEWER};
        }
        if (preferred.length == 0) {
            return Actor.applicant(who.accountId(), who.displayName());
        }
        for (Role r : preferred) {
            if (who.has(r)) {
                return new Actor(who.accountId(), who.displayName(), r, who.departmentId());
            }
        }
        Role any = who.roles().stream().findFirst().orElse(null);
        return new Actor(who.accountId(), who.displayName(), any, who.departmentId());
    }

    private Act act(Actor by) {
        Instant now = clock.instant();
        return new Act(by, now, LocalDate.ofInstant(now, clock.getZone()), caseClock());
    }

    /** The last day a deadline counts as due soon (yellow) on {@code today}. */
    LocalDate dueSoonUntil(LocalDate today) {
        return calendars.calendar().assumingWeekdaysBeyondPublished().addWorkingDays(today, properties.dueSoonWorkingDays());
    }

    CaseClock caseClock() {
        return new CaseClock(calendars.calendar(), properties.acceptanceLimit(),
                properties.naturalDeadlinesMoveOffDaysOff(), properties.commitmentCheckDays(), clock.getZone());
    }

    /** The signed-in caller; refused when nobody is signed in. The module's services share it. */
    static AccountPrincipal current() {
        return AccountManagement.currentPrincipal()
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("请先登录"));
    }

    // ---- documents (PDF) ----

    private @Nullable CaseDocuments documents;

    /** Set by Spring beside the constructor's collaborators, so that the documents stay apart from the use cases. */
    @org.springframework.beans.factory.annotation.Autowired
    void useDocuments(CaseDocuments documents) {
        this.documents = documents;
    }

    /** The receipt of the submission (收件回执) as PDF, for whoever may {@link #view} the case. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public byte[] receipt(CaseNumber number) {
        return java.util.Objects.requireNonNull(documents).receipt(view(number));
    }

    /**
     * The 告知承诺书 the applicant signed by submitting with a commitment in place of a material, as PDF, for whoever
     * may {@link #view} the case; refused (409) for a case without a commitment.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public byte[] commitmentLetter(CaseNumber number) {
        return java.util.Objects.requireNonNull(documents).commitment(view(number));
    }

    /** A notice the case has been given, as PDF; refused (409) for one it has not been given yet. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public byte[] notice(CaseNumber number, NoticeKind kind) {
        return java.util.Objects.requireNonNull(documents).notice(view(number), kind);
    }

    // ---- the demo city's cases ----

    private @Nullable DemoCases demoCases;

    /** Set by Spring beside the constructor's collaborators, like the documents. */
    @org.springframework.beans.factory.annotation.Autowired
    void useDemoCases(DemoCases demoCases) {
        this.demoCases = demoCases;
    }

    /**
     * 演示办件: loads the demo city's cases in every state ({@link DemoCases}) once, for the demo data at start as the
     * system actor {@code demo-data}; a case already loaded is not loaded again. Needs the demo data's catalogue and
     * accounts.
     *
     * @return how many cases this call created (0 when they were all there)
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public int loadDemoCases() {
        return java.util.Objects.requireNonNull(demoCases).load(caseClock()).created();
    }
}
