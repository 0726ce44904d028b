package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.tongban.identity.Role;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case (办件) and its state machine (see {@link CaseStatus}). Each transition checks the state and the item's
 * terms first and refuses by name, then changes the case, derives the deadlines again from the whole history with
 * the {@link CaseClock}, and registers an event that {@link CaseManagement} publishes and audits in the same
 * transaction.
 */
public final class Case {

    private static final Set<Role> ACCEPTING_ROLES = EnumSet.of(Role.WINDOW_CLERK, Role.DEPARTMENT_REVIEWER);
    private static final int MAX_TEXT = 2000;

    private final CaseId id;
    private final CaseNumber number;
    private final ItemVersionRef item;
    private final CaseTerms terms;
    private final Applicant applicant;
    private final Intake intake;
    private final Map<String, String> form;
    private List<SubmittedMaterial> materials;
    private CaseStatus status;
    private final Instant submittedAt;
    private final LocalDate receivedOn;
    private LocalDate acceptanceClockFrom;
    private @Nullable LocalDate acceptedOn;
    private boolean deemedAccepted;
    private @Nullable Correction correction;
    private List<DeferredMaterial> deferred;
    private int step;
    private @Nullable Actor assignee;
    private List<Pause> pauses;
    private List<Extension> extensions;
    private @Nullable Decision decision;
    private @Nullable LocalDate completedOn;
    private @Nullable String revocationReasons;
    private @Nullable CommitmentCheck commitmentCheck;
    private Deadlines deadlines;
    private final long version;
    private final List<CaseChange> changes = new ArrayList<>();

    Case(CaseSnapshot s) {
        this.id = s.id();
        this.number = s.number();
        this.item = s.item();
        this.terms = s.terms();
        this.applicant = s.applicant();
        this.intake = s.intake();
        this.form = Collections.unmodifiableMap(new LinkedHashMap<>(s.form()));
        this.materials = List.copyOf(s.materials());
        this.status = s.status();
        this.submittedAt = s.submittedAt();
        this.receivedOn = s.receivedOn();
        this.acceptanceClockFrom = s.acceptanceClockFrom();
        this.acceptedOn = s.acceptedOn();
        this.deemedAccepted = s.deemedAccepted();
        this.correction = s.correction();
        this.deferred = List.copyOf(s.deferred());
        this.step = s.step();
        this.assignee = s.assignee();
        this.pauses = List.copyOf(s.pauses());
        this.extensions = List.copyOf(s.extensions());
        this.decision = s.decision();
        this.completedOn = s.completedOn();
        this.revocationReasons = s.revocationReasons();
        this.commitmentCheck = s.commitmentCheck();
        this.deadlines = s.deadlines();
        this.version = s.version();
    }

    /**
     * A new application for an item version (收件). Materials the item allows to be replaced by a commitment may be
     * so marked; every other required material must be provided or, for deferrable ones, declared deferred.
     */
    static Case submit(CaseId id, CaseNumber number, ItemVersionRef item, CaseTerms terms, Applicant applicant,
                       Intake intake, Map<String, String> form, List<SubmittedMaterial> materials, Act act) {
        checkMaterials(terms, materials);
        Case c = new Case(new CaseSnapshot(id, number, item, terms, applicant, intake, form, materials,
                CaseStatus.SUBMITTED, act.at(), act.on(), act.on(), null, false, null, List.of(), 0, null,
                List.of(), List.of(), null, null, null, Deadlines.NONE, 0, null));
        Deadlines before = c.deadlines;
        c.derive(act.clock());
        boolean commitment = materials.stream().anyMatch(m -> m.provision() == SubmittedMaterial.Provision.COMMITMENT);
        c.register(CaseStatus.SUBMITTED, before, new CaseSubmitted(c.ref(), act.at(), act.by(), intake.channel(),
                act.on(), c.acceptanceDue(act.clock()), commitment), null);
        return c;
    }

    private static void checkMaterials(CaseTerms terms, List<SubmittedMaterial> materials) {
        for (SubmittedMaterial m : materials) {
            CaseTerms.MaterialTerm term = terms.material(m.name());
            if (m.provision() == SubmittedMaterial.Provision.COMMITMENT && !term.commitmentAllowed()) {
                throw invalid("materials." + m.name(), "case.commitment-not-allowed",
                        "“" + m.name() + "”不能以告知承诺代替，请提交材料");
            }
            if (m.provision() == SubmittedMaterial.Provision.DEFERRED && !term.deferrable()) {
                throw invalid("materials." + m.name(), "case.not-deferrable", "“" + m.name() + "”不能容缺后补，请提交材料");
            }
        }
    }

    // ---- acceptance (受理) ----

    /**
     * 受理. The deferrable materials still outstanding are accepted as deferred (容缺), each due by the date given; a
     * 即办件 without outstanding materials is decided and completed at once.
     */
    void accept(Act act, Map<String, LocalDate> deferredDue) {
        requireStatus("case.not-awaiting-acceptance", "只有待受理的申请可以受理", CaseStatus.SUBMITTED);
        requireRole(act, ACCEPTING_ROLES);
        List<DeferredMaterial> outstanding = new ArrayList<>();
        for (SubmittedMaterial m : materials) {
            if (m.provision() == SubmittedMaterial.Provision.DEFERRED) {
                LocalDate due = deferredDue.get(m.name());
                if (due == null || !due.isAfter(act.on())) {
                    throw invalid("deferredDue." + m.name(), "case.deferred-due",
                            "请为容缺材料“" + m.name() + "”定一个今天以后的补交日期");
                }
                outstanding.add(new DeferredMaterial(m.name(), due, null));
            }
        }
        markAccepted(act, act.on(), false, outstanding);
        if (terms.immediate() && outstanding.isEmpty()) {
            decide(act, Decision.Outcome.APPROVED, "即办件，受理时当场办结", null, null);
            close(act);
        }
    }

    /**
     * 视为受理 (行政许可法 §32): the acceptance deadline passed without acceptance, refusal or a correction notice, so
     * the case counts as accepted from the day it (or the corrected application) arrived.
     */
    void deemAccepted(Act act) {
        requireStatus("case.not-awaiting-acceptance", "只有待受理的申请可以视为受理", CaseStatus.SUBMITTED);
        LocalDate due = acceptanceDue(act.clock());
        if (!act.on().isAfter(due)) {
            throw new CaseTransitionRefused("case.acceptance-not-overdue", "受理期限 " + due + " 尚未届满", status);
        }
        List<DeferredMaterial> outstanding = materials.stream()
                .filter(m -> m.provision() == SubmittedMaterial.Provision.DEFERRED)
                .map(m -> new DeferredMaterial(m.name(), act.clock().acceptanceDue(act.on()), null)).toList();
        markAccepted(act, acceptanceClockFrom, true, outstanding);
    }

    private void markAccepted(Act act, LocalDate on, boolean deemed, List<DeferredMaterial> outstanding) {
        CaseStatus from = status;
        Deadlines before = deadlines;
        status = CaseStatus.IN_PROGRESS;
        acceptedOn = on;
        deemedAccepted = deemed;
        deferred = List.copyOf(outstanding);
        step = 0;
        assignee = null;
        derive(act.clock());
        register(from, before, new CaseAccepted(ref(), act.at(), act.by(), on, deemed, number + "-SL",
                terms.immediate(), deadlines.promisedDue(), deadlines.statutoryDue(), deferred,
                committedMaterials()), null);
    }

    /** 不予受理, with the reasons; the notice adds the applicant's remedies. */
    void refuseToAccept(Act act, String reasons) {
        requireStatus("case.not-awaiting-acceptance", "只有待受理的申请可以不予受理", CaseStatus.SUBMITTED);
        requireRole(act, ACCEPTING_ROLES);
        String why = text("reasons", reasons, "case.refusal-reasons", "不予受理须写明理由");
        CaseStatus from = status;
        Deadlines before = deadlines;
        status = CaseStatus.NOT_ACCEPTED;
        derive(act.clock());
        register(from, before, new CaseNotAccepted(ref(), act.at(), act.by(), why, number + "-BY"), why);
    }

    /** 一次性告知补正: every material to correct on one notice; a case gets only one. */
    void requestCorrection(Act act, List<Correction.Item> items) {
        requireStatus("case.not-awaiting-acceptance", "只有待受理的申请可以告知补正", CaseStatus.SUBMITTED);
        requireRole(act, ACCEPTING_ROLES);
        if (correction != null) {
            throw new CaseTransitionRefused("case.correction-already-requested",
                    "补正须一次性告知：此申请已经告知过补正（" + correction.notifiedOn() + "），不能再次告知", status);
        }
        if (items.isEmpty() || items.size() > 100) {
            throw invalid("items", "case.correction-items", "补正告知须列明需要补正的材料（1 至 100 项）");
        }
        for (Correction.Item i : items) {
            text("items", i.problem(), "case.correction-problem", "请写明“" + i.material() + "”需要怎样补正");
        }
        CaseStatus from = status;
        Deadlines before = deadlines;
        status = CaseStatus.AWAITING_CORRECTION;
        correction = new Correction(items, number + "-BZ", act.on(), null);
        derive(act.clock());
        register(from, before, new CaseCorrectionRequested(ref(), act.at(), act.by(), correction), null);
    }

    /** The applicant hands in what the correction notice asked for; the acceptance deadline runs again from today. */
    void resubmit(Act act, List<SubmittedMaterial> corrected) {
        requireStatus("case.not-awaiting-correction", "只有待补正的申请可以补正后重新提交", CaseStatus.AWAITING_CORRECTION);
        requireApplicant(act);
        checkMaterials(terms, corrected);
        Map<String, SubmittedMaterial> byName = new LinkedHashMap<>();
        materials.forEach(m -> byName.put(m.name(), m));
        corrected.forEach(m -> byName.put(m.name(), m));
        CaseStatus from = status;
        Deadlines before = deadlines;
        materials = List.copyOf(byName.values());
        status = CaseStatus.SUBMITTED;
        acceptanceClockFrom = act.on();
        correction = java.util.Objects.requireNonNull(correction).resubmittedOn(act.on());
        derive(act.clock());
        register(from, before, new CaseResubmitted(ref(), act.at(), act.by(), act.on(), acceptanceDue(act.clock())),
                null);
    }

    /** 撤回: the applicant withdraws the application, any time before a decision. */
    void withdraw(Act act, String reason) {
        requireStatus("case.not-withdrawable", "已作出决定或已结束的申请不能撤回", CaseStatus.SUBMITTED,
                CaseStatus.AWAITING_CORRECTION, CaseStatus.IN_PROGRESS, CaseStatus.SUSPENDED);
        requireApplicant(act);
        String why = text("reason", reason, "case.withdrawal-reason", "请写明撤回原因");
        CaseStatus from = status;
        Deadlines before = deadlines;
        status = CaseStatus.WITHDRAWN;
        derive(act.clock());
        register(from, before, new CaseWithdrawn(ref(), act.at(), act.by(), why), why);
    }

    // ---- processing (办理) ----

    /** 认领: a member of staff in the current step's role takes it. */
    void claim(Act act) {
        requireStatus("case.not-in-progress", "只有办理中的案件可以认领", CaseStatus.IN_PROGRESS);
        requireRole(act, EnumSet.of(terms.step(step).role()));
        if (assignee != null && !assignee.accountId().equals(act.by().accountId())) {
            throw new CaseTransitionRefused("case.step-claimed", "此环节已由" + assignee.name() + "认领", status);
        }
        CaseStatus from = status;
        assignee = act.by();
        register(from, deadlines, new CaseStepClaimed(ref(), act.at(), act.by(), step, terms.step(step).name()), null);
    }

    /** The current step is done; the case passes to the next. The last step ends by a decision, not here. */
    void completeStep(Act act, String opinion) {
        requireHandler(act);
        if (step == terms.lastStep()) {
            throw new CaseTransitionRefused("case.last-step-decides", "这是最后一个环节，请作出准予或不予许可的决定", status);
        }
        String said = text("opinion", opinion, "case.opinion", "请填写办理意见");
        int done = step;
        step = step + 1;
        assignee = null;
        register(status, deadlines, new CaseStepCompleted(ref(), act.at(), act.by(), done, terms.step(done).name(),
                said, step), said);
    }

    /** 退回: back to an earlier step, with the reason. */
    void returnToStep(Act act, int earlier, String opinion) {
        requireHandler(act);
        if (earlier < 0 || earlier >= step) {
            throw invalid("toStep", "case.return-step", "只能退回到此前的环节");
        }
        String said = text("opinion", opinion, "case.opinion", "请写明退回理由");
        int fromStep = step;
        step = earlier;
        assignee = null;
        register(status, deadlines, new CaseReturnedToStep(ref(), act.at(), act.by(), fromStep, earlier, said), said);
    }

    /** 特别程序开始: only one the item lists; the clock stops from the day after. */
    void suspend(Act act, String procedure, String reason) {
        requireHandler(act);
        if (!terms.specialProcedures().contains(procedure)) {
            throw new CaseNotSuspendable(terms.specialProcedures().isEmpty()
                    ? "此事项没有特别程序，办理时限不能暂停"
                    : "此事项的特别程序是：" + String.join("、", terms.specialProcedures()), status);
        }
        String why = text("reason", reason, "case.suspension-reason", "请写明启动特别程序的理由或依据");
        CaseStatus from = status;
        Deadlines before = deadlines;
        status = CaseStatus.SUSPENDED;
        List<Pause> all = new ArrayList<>(pauses);
        all.add(new Pause(procedure, why, act.on(), null));
        pauses = List.copyOf(all);
        derive(act.clock());
        register(from, before, new CaseSuspended(ref(), act.at(), act.by(), pauses.getLast()), why);
    }

    /** 特别程序结束, with its result: the clock runs again from the day after. */
    void resume(Act act, String result) {
        requireStatus("case.not-suspended", "只有特别程序中的案件可以结束特别程序", CaseStatus.SUSPENDED);
        requireDepartmentStaff(act);
        String said = text("result", result, "case.procedure-result", "请填写特别程序的结果");
        CaseStatus from = status;
        Deadlines before = deadlines;
        List<Pause> all = new ArrayList<>(pauses);
        Pause ended = all.removeLast().endedOn(act.on());
        all.add(ended);
        pauses = List.copyOf(all);
        status = CaseStatus.IN_PROGRESS;
        derive(act.clock());
        register(from, before, new CaseResumed(ref(), act.at(), act.by(), ended, said, deadlines.promisedDue(),
                deadlines.statutoryDue()), said);
    }

    /** 延长审批: once, by the department head, only where the item allows it. */
    void extend(Act act, String reason) {
        requireStatus("case.not-in-progress", "只有办理中的案件可以延长审批", CaseStatus.IN_PROGRESS, CaseStatus.SUSPENDED);
        requireRole(act, EnumSet.of(Role.DEPARTMENT_HEAD));
        Limit allowed = terms.extension();
        if (allowed == null) {
            throw new ExtensionNotAllowed("此事项不允许延长审批期限", status);
        }
        if (!extensions.isEmpty()) {
            throw new ExtensionNotAllowed("此案件已经延长过一次（" + extensions.getFirst().approvedOn() + "）", status);
        }
        String why = text("reason", reason, "case.extension-reason", "延长审批须写明理由，并告知申请人");
        Deadlines before = deadlines;
        extensions = List.of(new Extension(allowed, why, act.by().name(), act.on()));
        derive(act.clock());
        register(status, before, new CaseExtended(ref(), act.at(), act.by(), extensions.getFirst(),
                deadlines.promisedDue(), deadlines.statutoryDue()), why);
    }

    /** 容缺材料补交. */
    void receiveDeferredMaterial(Act act, String material) {
        requireStatus("case.not-in-progress", "只有办理中的案件可以补交容缺材料", CaseStatus.IN_PROGRESS, CaseStatus.SUSPENDED);
        List<DeferredMaterial> all = new ArrayList<>(deferred);
        int i = indexOfOutstanding(material);
        all.set(i, all.get(i).receivedOn(act.on()));
        deferred = List.copyOf(all);
        register(status, deadlines, new DeferredMaterialReceived(ref(), act.at(), act.by(), material), null);
    }

    private int indexOfOutstanding(String material) {
        for (int i = 0; i < deferred.size(); i++) {
            if (deferred.get(i).name().equals(material) && deferred.get(i).outstanding()) {
                return i;
            }
        }
        throw invalid("material", "case.no-such-deferred-material", "此案件没有待补交的“" + material + "”");
    }

    // ---- decision and completion ----

    /** 准予, at the last step by its role, and never while a deferred material is outstanding. */
    void approve(Act act, String opinion) {
        requireDecidingStep(act);
        List<String> missing = deferred.stream().filter(DeferredMaterial::outstanding).map(DeferredMaterial::name).toList();
        if (!missing.isEmpty()) {
            throw new DeferredMaterialOutstanding("容缺材料尚未补齐，不能作出准予决定：" + String.join("、", missing), status);
        }
        decide(act, Decision.Outcome.APPROVED, text("opinion", opinion, "case.opinion", "请填写审批意见"), null, null);
    }

    /** 不予许可, with its legal basis; completes the case (办结，不通过). */
    void reject(Act act, String reasons, String legalBasis) {
        requireDecidingStep(act);
        String why = text("reasons", reasons, "case.rejection-reasons", "不予许可须说明理由");
        String basis = text("legalBasis", legalBasis, "case.rejection-basis", "不予许可须写明法律依据");
        decide(act, Decision.Outcome.REJECTED, why, basis, null);
        close(act);
    }

    /** 秒批: accepted, approved and completed at submission by the rule that allowed it. */
    void approveAutomatically(Act act, String rule, String explanation) {
        requireStatus("case.not-awaiting-acceptance", "只有刚提交的申请可以秒批", CaseStatus.SUBMITTED);
        markAccepted(act, act.on(), false, List.of());
        decide(act, Decision.Outcome.APPROVED, explanation, null, rule);
        close(act);
    }

    private void decide(Act act, Decision.Outcome outcome, String opinion, @Nullable String basis,
                        @Nullable String rule) {
        CaseStatus from = status;
        Deadlines before = deadlines;
        decision = new Decision(outcome, opinion, basis, rule, act.by(), act.at());
        if (outcome == Decision.Outcome.APPROVED) {
            status = CaseStatus.APPROVED;
        }
        assignee = null;
        CaseEvent e = outcome == Decision.Outcome.APPROVED
                ? new CaseApproved(ref(), act.at(), act.by(), decision)
                : new CaseRejected(ref(), act.at(), act.by(), decision);
        register(from, before, e, opinion);
    }

    /** 办结 after an approval: the result is issued and on its way as the applicant chose. */
    void complete(Act act) {
        requireStatus("case.not-approved", "只有已准予的案件可以办结", CaseStatus.APPROVED);
        requireRole(act, EnumSet.of(Role.WINDOW_CLERK, Role.DEPARTMENT_REVIEWER, Role.DEPARTMENT_HEAD));
        close(act);
    }

    private void close(Act act) {
        Decision d = java.util.Objects.requireNonNull(decision);
        CaseStatus from = status;
        Deadlines before = deadlines;
        status = CaseStatus.COMPLETED;
        LocalDate on = act.on();
        completedOn = on;
        LocalDate promised = deadlines.promisedDue();
        boolean onTime = promised == null || !on.isAfter(promised);
        if (d.outcome() == Decision.Outcome.APPROVED && !committedMaterials().isEmpty()) {
            commitmentCheck = new CommitmentCheck(committedMaterials(), on, act.clock().commitmentCheckDue(d.at()),
                    null, null, null, null);
        }
        register(from, before, new CaseCompleted(ref(), act.at(), act.by(), d.outcome(), on, terms.resultName(),
                onTime, deadlines.promisedDue(), deadlines.statutoryDue(), intake.delivery().method(),
                d.outcome() == Decision.Outcome.APPROVED ? committedMaterials() : List.of()), null);
    }

    /**
     * 事后核查: a reviewer or head records whether the commitments the approval rested on are true, with what was
     * found; once. A false finding leaves the case for the head to revoke.
     */
    void checkCommitment(Act act, boolean truthful, String finding) {
        if (commitmentCheck == null || status != CaseStatus.COMPLETED) {
            throw new CaseTransitionRefused("case.no-commitment-check", "此案件没有待核查的告知承诺", status);
        }
        if (!commitmentCheck.pending()) {
            throw new CaseTransitionRefused("case.commitment-checked", "此案件的告知承诺已于 "
                    + commitmentCheck.checkedOn() + " 核查", status);
        }
        requireRole(act, EnumSet.of(Role.DEPARTMENT_REVIEWER, Role.DEPARTMENT_HEAD));
        String why = text("finding", finding, "case.commitment-finding", "请写明核查情况");
        commitmentCheck = new CommitmentCheck(commitmentCheck.materials(), commitmentCheck.pendingFrom(),
                commitmentCheck.dueOn(), truthful, why,
                act.on(), act.by());
        register(status, deadlines, new CommitmentChecked(ref(), act.at(), act.by(), truthful, why,
                commitmentCheck.materials()), why);
    }

    /** 撤销: an approval obtained by a false commitment (告知承诺) is revoked, with the reasons. */
    void revoke(Act act, String reasons) {
        if (status != CaseStatus.COMPLETED || decision == null || decision.outcome() != Decision.Outcome.APPROVED) {
            throw new CaseTransitionRefused("case.not-revocable", "只有已准予并办结的案件可以撤销", status);
        }
        if (committedMaterials().isEmpty()) {
            throw new CaseTransitionRefused("case.no-commitment", "此案件没有告知承诺，不能以虚假承诺为由撤销", status);
        }
        requireRole(act, EnumSet.of(Role.DEPARTMENT_HEAD));
        String why = text("reasons", reasons, "case.revocation-reasons", "撤销须写明理由");
        CaseStatus from = status;
        status = CaseStatus.REVOKED;
        revocationReasons = why;
        register(from, deadlines, new CaseRevoked(ref(), act.at(), act.by(), why), why);
    }

    // ---- rules shared by the transitions ----

    private void requireStatus(String code, String message, CaseStatus... allowed) {
        for (CaseStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new CaseTransitionRefused(code, message + "；此案件当前" + status.label(), status);
    }

    private void requireRole(Act act, Set<Role> roles) {
        if (act.by().role() == null || !roles.contains(act.by().role())) {
            throw new CaseTransitionRefused("case.wrong-role", "这一步须由"
                    + String.join("或", roles.stream().map(Case::roleName).toList()) + "办理", status);
        }
    }

    private void requireApplicant(Act act) {
        if (!act.by().accountId().equals(applicant.accountId())) {
            throw new CaseTransitionRefused("case.not-applicant", "只有申请人本人可以这样做", status);
        }
    }

    private void requireDepartmentStaff(Act act) {
        requireRole(act, EnumSet.of(Role.DEPARTMENT_REVIEWER, Role.DEPARTMENT_HEAD, terms.step(step).role()));
    }

    static String roleName(Role role) {
        return switch (role) {
            case WINDOW_CLERK -> "综合窗口";
            case DEPARTMENT_REVIEWER -> "审批人员";
            case DEPARTMENT_HEAD -> "部门负责人";
            default -> role.name();
        };
    }

    /** The one who works the current step: its role, and its assignee if someone has claimed it. */
    private void requireHandler(Act act) {
        requireStatus("case.not-in-progress", "只有办理中的案件可以这样办理", CaseStatus.IN_PROGRESS);
        requireRole(act, EnumSet.of(terms.step(step).role()));
        if (assignee != null && !assignee.accountId().equals(act.by().accountId())) {
            throw new CaseTransitionRefused("case.step-claimed", "此环节已由" + assignee.name() + "认领", status);
        }
    }

    private void requireDecidingStep(Act act) {
        requireHandler(act);
        if (step != terms.lastStep()) {
            throw new CaseTransitionRefused("case.not-deciding-step",
                    "还在“" + terms.step(step).name() + "”环节，最后一个环节才能作出决定", status);
        }
    }

    private static String text(String field, @Nullable String value, String code, String message) {
        if (value == null || value.isBlank()) {
            throw invalid(field, code, message);
        }
        if (value.length() > MAX_TEXT) {
            throw invalid(field, "case.text-too-long", "文字不能超过 " + MAX_TEXT + " 个字");
        }
        return value.strip();
    }

    /** Input a transition cannot take, named by its field: 400 beside the field, nothing changed. */
    private static InvalidInputException invalid(String field, String code, String message) {
        return new InvalidInputException(Violation.of(field, code, message));
    }

    private List<String> committedMaterials() {
        return materials.stream().filter(m -> m.provision() == SubmittedMaterial.Provision.COMMITMENT)
                .map(SubmittedMaterial::name).toList();
    }

    private LocalDate acceptanceDue(CaseClock clock) {
        return clock.acceptanceDue(acceptanceClockFrom);
    }

    /**
     * 重新计算期限: the deadlines counted again from the whole history, when the calendar they were counted on has
     * changed (a year's schedule published where ordinary weeks were assumed). Registers {@link CaseDeadlinesRecounted}
     * only when they changed.
     *
     * @return whether they changed
     */
    boolean recount(Act act, int year) {
        Deadlines before = deadlines;
        derive(act.clock());
        if (deadlines.equals(before)) {
            return false;
        }
        register(status, before, new CaseDeadlinesRecounted(ref(), act.at(), act.by(), year, before, deadlines), null);
        return true;
    }

    /** The deadlines again, from the whole history. */
    private void derive(CaseClock clock) {
        deadlines = clock.provisional(switch (status) {
            case SUBMITTED -> new Deadlines(acceptanceDue(clock), null, null);
            case AWAITING_CORRECTION, NOT_ACCEPTED, WITHDRAWN -> Deadlines.NONE;
            default -> {
                LocalDate accepted = java.util.Objects.requireNonNull(acceptedOn);
                yield new Deadlines(null, clock.due(accepted, terms.committed(), extensions, pauses),
                        clock.due(accepted, terms.statutory(), extensions, pauses));
            }
        });
    }

    private void register(CaseStatus from, Deadlines before, CaseEvent event, @Nullable String opinion) {
        changes.add(new CaseChange(event, from, status, before, deadlines, opinion));
    }

    CaseRef ref() {
        return new CaseRef(id, number, item, terms.handlingDepartmentId(), applicant.accountId(),
                intake.acceptingCentre());
    }

    /** The events registered since the case was loaded, in order, with their audit details; cleared on read. */
    List<CaseChange> takeChanges() {
        List<CaseChange> taken = List.copyOf(changes);
        changes.clear();
        return taken;
    }

    CaseSnapshot snapshot() {
        return new CaseSnapshot(id, number, item, terms, applicant, intake, form, materials, status, submittedAt,
                receivedOn, acceptanceClockFrom, acceptedOn, deemedAccepted, correction, deferred, step, assignee,
                pauses, extensions, decision, completedOn, revocationReasons, deadlines, version, commitmentCheck);
    }

    public CaseId id() { return id; }
    public CaseNumber number() { return number; }
    public @Nullable CommitmentCheck commitmentCheck() { return commitmentCheck; }
    public ItemVersionRef item() { return item; }
    public CaseTerms terms() { return terms; }
    public Applicant applicant() { return applicant; }
    public Intake intake() { return intake; }
    public Map<String, String> form() { return form; }
    public List<SubmittedMaterial> materials() { return materials; }
    public CaseStatus status() { return status; }
    public Instant submittedAt() { return submittedAt; }
    public LocalDate receivedOn() { return receivedOn; }
    public @Nullable LocalDate acceptedOn() { return acceptedOn; }
    public boolean deemedAccepted() { return deemedAccepted; }
    public @Nullable Correction correction() { return correction; }
    public List<DeferredMaterial> deferred() { return deferred; }

    /** The material as accepted deferred (容缺), with its due date and the day it came; {@code null} if it was not. */
    public @Nullable DeferredMaterial deferredMaterial(String material) {
        return deferred.stream().filter(d -> d.name().equals(material)).findFirst().orElse(null);
    }
    public int step() { return step; }
    public @Nullable Actor assignee() { return assignee; }
    public List<Pause> pauses() { return pauses; }
    public List<Extension> extensions() { return extensions; }
    public @Nullable Decision decision() { return decision; }
    public @Nullable LocalDate completedOn() { return completedOn; }
    public @Nullable String revocationReasons() { return revocationReasons; }
    public Deadlines deadlines() { return deadlines; }
    public long version() { return version; }
}
