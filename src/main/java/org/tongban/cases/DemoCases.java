package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.calendar.CalendarManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.FormField;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemVersion;
import org.tongban.identity.AccountKind;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.AccountSummary;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement;
import org.tongban.identity.Role;
import org.tongban.shared.Violation;
import org.tongban.shared.WorkingDayCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The demo city's cases (演示办件): some forty applications by the demo citizens and enterprises, most of them to
 * 市市场监管局 (whose reviewer and head are demo accounts), the rest to other departments so that the counter sees
 * variety, together in every {@link CaseStatus} and at every point a desk shows: waiting for acceptance (some on
 * their last day), correction asked for and resubmitted, accepted with a deferred material outstanding, at a step
 * unclaimed or claimed, in a special procedure, extended, waiting for the head's decision, approved and waiting for
 * hand-over, completed on time and late, rejected with its legal basis, refused, withdrawn, revoked after a false
 * commitment, approved by 秒批, due soon and overdue.
 *
 * <p>Each case is made as a real one is: {@link Case#submit} for the item version in force and the aggregate's own
 * transitions, each an {@link Act} by the demo account that would have done it, so the state machine's rules hold;
 * the form passes the item's form check on the day it was submitted. It is saved through {@link Cases} with every
 * entry of its history through {@link CaseAudit}, so its chain verifies; an entry's {@code occurred_at} is the act's
 * time and its {@code recorded_at} the moment of loading.
 *
 * <p><b>Dates.</b> Every act falls on a working day of the published calendar, a given number of working days before
 * the platform clock's today (an applicant may apply in the evening), so the desk looks the same whatever day the
 * demo first starts, and nothing has happened in the future. The applications still waiting for acceptance arrived
 * within the last five working days: the deadline watch does not deem them accepted at its first pass, only each one
 * after its own last day, as it would any other. The demo catalogue's versions come into force on the first start,
 * so these histories bind to versions that, strictly, were not yet in force on the days they tell of: the demo city
 * did not exist before either.
 *
 * <p><b>Events.</b> None of the histories' {@link CaseEvent}s are published: they are the past of the demo city, not
 * news, and no listener should issue a licence, invite a rating or notify anybody for them. Today's due-soon and
 * overdue alerts are the deadline watch's, which raises them for these cases as for any.
 *
 * <p><b>Once.</b> Each case claims the idempotency key {@code demo.<story>} of its applicant, in the transaction
 * that saves it, so loading again (a restart on kept data, or two instances starting at once) adds nothing, and a
 * story added later is loaded into a city that has the others.
 */
@Component
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    static final String KEY_PREFIX = "demo.";
    private static final String CITY_CENTRE = "HC-CITY";

    // 市市场监管局
    static final String FOOD_BUSINESS = "11377000HC000025110120001400000";
    static final String FOOD_PRODUCTION = "11377000HC000025110120009000000";
    static final String PHARMACY = "11377000HC000025110120009100000";
    static final String MEDICAL_DEVICES_II = "11377000HC000025112020009200000";
    static final String MEDICAL_DEVICES_III = "11377000HC000025110120009300000";
    static final String SPECIAL_EQUIPMENT = "11377000HC000025110120009400000";
    static final String ABNORMAL_LIST_REMOVAL = "11377000HC000025112020004400000";
    static final String SERIOUS_LIST_REMOVAL = "11377000HC000025112020004500000";
    static final String DOMICILE_MOVE = "11377000HC000025110120002200000";
    static final String ENTERPRISE_CHANGE = "11377000HC000025110120002100000";
    static final String SOLE_TRADER = "11377000HC000025110120001000000";
    static final String SOLE_TRADER_CHANGE = "11377000HC000025110120002400000";
    static final String SOLE_TRADER_TO_COMPANY = "11377000HC000025110120002300000";
    static final String QUALITY_AWARD = "11377000HC000025110820011200000";
    static final String PREPACKAGED_FOOD_FILING = "11377000HC000025112020001500000";
    static final String EQUITY_PLEDGE = "11377000HC000025112020008900000";
    static final String ANNUAL_REPORT = "11377000HC000025112120008800000";
    // other departments
    static final String BIRTH_CERTIFICATE = "12377000HC0000219J2110000100010";
    static final String RIDE_HAILING_DRIVER = "11377000HC0000024U0110003400000";
    static final String FLEXIBLE_EMPLOYMENT = "12377000HC0000294B2110002300000";
    static final String SOCIAL_SECURITY_CARD_REPLACEMENT = "11377000HC0000104F2110000500020";
    static final String PUBLIC_RENTAL_HOUSING = "11377000HC0000147W2110006300000";
    static final String SECOND_HAND_HOUSE = "12377000HC000012020710005600010";
    static final String RENT_WITHDRAWAL = "12377000HC0000286G2110005200030";
    static final String RESIDENT_PENSION = "12377000HC0000294B2110004700000";
    static final String MEDICAL_REIMBURSEMENT = "11377000HC000026XQ0510007100000";
    static final String SENIOR_BUS_CARD = "11377000HC0000155P2110005000000";
    static final String INVESTMENT_APPROVAL = "11377000HC0000032N0120006700000";
    static final String FIRE_DESIGN_REVIEW = "11377000HC0000147W0120007400000";

    /**
     * A demo applicant as its forms state it: the account (found by its user name) was registered by the demo data
     * with the same name and numbers. For an organisation, {@code contact} is the person who applies for it.
     */
    record Person(String username, String name, @Nullable String creditCode, String contact, String idNumber,
                  String phone, String address) {

        boolean organisation() {
            return creditCode != null;
        }
    }

    static final Person ZHANG = new Person("13800000001", "张海川", null, "张海川", "377002199001011232",
            "13800000001", "海川市东港区海港路 36 号 2 单元 502 室");
    static final Person LI = new Person("13800000002", "李小满", null, "李小满", "377002198506152247",
            "13800000002", "海川市西岭区桃源街 11 号 2 单元 401 室");
    static final Person WANG = new Person("13800000003", "王秋生", null, "王秋生", "37702119580308301X",
            "13800000003", "海川市云山县人民路 52 号");
    static final Person TECH = new Person("91377002HC10000182", "海川示例科技有限公司", "91377002HC10000182", "陈示例",
            "377003197505204123", "13900000001", "海川市东港区滨海大道 256 号海川科技大厦 8 层");
    static final Person SNACK_BAR = new Person("92377003HC10000268", "西岭区示例小吃店（个体工商户）",
            "92377003HC10000268", "李小满", "377002198506152247", "13900000002", "海川市西岭区桃源街 27 号");

    /** Who acts on a case, as the demo accounts. */
    enum Cast { APPLICANT, CLERK, REVIEWER, HEAD }

    private static final Map<Cast, String> STAFF = Map.of(Cast.CLERK, "clerk", Cast.REVIEWER, "reviewer.scj",
            Cast.HEAD, "head.scj");
    private static final Map<Cast, Role> ROLES = Map.of(Cast.CLERK, Role.WINDOW_CLERK, Cast.REVIEWER,
            Role.DEPARTMENT_REVIEWER, Cast.HEAD, Role.DEPARTMENT_HEAD);

    private final Cases cases;
    private final CaseAudit audit;
    private final CatalogManagement catalog;
    private final DepartmentManagement departments;
    private final CalendarManagement calendars;
    private final AccountManagement accounts;
    private final MaterialFiles files;
    private final CaseDocuments documents;
    private final CasesProperties properties;
    private final Clock clock;
    private final JdbcClient jdbc;

    DemoCases(Cases cases, CaseAudit audit, CatalogManagement catalog, DepartmentManagement departments,
              CalendarManagement calendars, AccountManagement accounts, MaterialFiles files, CaseDocuments documents,
              CasesProperties properties, Clock clock, JdbcClient jdbc) {
        this.cases = cases;
        this.audit = audit;
        this.catalog = catalog;
        this.departments = departments;
        this.calendars = calendars;
        this.accounts = accounts;
        this.files = files;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** What one load did: the stories saved now, those already there, and those that could not be told. */
    record Loaded(int created, int existing, List<String> skipped) {
    }

    /**
     * Saves every story not saved before, in the caller's transaction. A story that cannot be told on this
     * database (its item withdrawn, a rule changed) is left out and named in the log; the others are saved.
     */
    Loaded load(CaseClock caseClock) {
        long started = System.nanoTime();
        List<Story> stories = stories();
        Set<String> done = new HashSet<>(jdbc.sql("SELECT idempotency_key FROM cases_submission WHERE idempotency_key LIKE ?")
                .param(KEY_PREFIX + "%").query(String.class).list());
        List<Story> todo = stories.stream().filter(s -> !done.contains(s.key())).toList();
        if (todo.isEmpty()) {
            log.info("Demo cases: all {} there already", stories.size());
            return new Loaded(0, stories.size(), List.of());
        }
        Instant now = clock.instant();
        Timeline time = new Timeline(LocalDate.ofInstant(now, clock.getZone()),
                calendars.calendar().assumingWeekdaysBeyondPublished(), clock.getZone());
        Map<Cast, Actor> staff = new EnumMap<>(Cast.class);
        STAFF.forEach((cast, username) -> {
            AccountSummary a = account(username);
            staff.put(cast, new Actor(a.id(), a.displayName(), ROLES.get(cast), a.departmentId()));
        });
        byte[] sample = documents.sampleMaterial();
        Map<Person, Applying> applicants = new HashMap<>();
        int created = 0;
        List<String> skipped = new ArrayList<>();
        for (Story s : todo.stream().sorted(Comparator.comparing(story -> time.at(story.submitted))).toList()) {
            Applying who = applicants.computeIfAbsent(s.applicant, p -> applying(p, sample, now));
            Case c;
            try {
                c = tell(s, who, staff, time, caseClock);
            }
            catch (RuntimeException e) {
                log.warn("Demo case {} left out: {}", s.key(), e.getMessage());
                skipped.add(s.key());
                continue;
            }
            if (cases.claimKey(who.applicant().accountId(), s.key(), CaseAudit.sha256(s.key()), c.id(), now).isPresent()) {
                continue;
            }
            CaseAudit.Chain chain = audit.start(c.takeChanges(), now);
            cases.insert(c, now, chain.head());
            audit.write(c.id(), chain);
            created++;
        }
        log.info("Demo cases: {} created, {} there already, {} left out {} ({} ms)", created,
                stories.size() - todo.size(), skipped.size(), skipped, (System.nanoTime() - started) / 1_000_000);
        return new Loaded(created, stories.size() - todo.size(), List.copyOf(skipped));
    }

    private AccountSummary account(String username) {
        return accounts.accountByUsername(username).orElseThrow(() -> new IllegalStateException(
                "The demo account " + username + " is missing: the demo cases need the demo data's accounts"));
    }

    /** An applicant's account as the case records it, and the sample file its uploaded materials are. */
    private record Applying(Person person, Applicant applicant, String sampleFile) {
    }

    private Applying applying(Person p, byte[] sample, Instant now) {
        AccountSummary a = account(p.username());
        if (!a.displayName().equals(p.name())) {
            throw new IllegalStateException("The demo account " + p.username() + " is " + a.displayName()
                    + ", not " + p.name() + " as the demo cases expect");
        }
        Applicant.Kind kind = a.kind() == AccountKind.ENTERPRISE ? Applicant.Kind.ORGANISATION : Applicant.Kind.PERSON;
        String mobile = a.maskedMobile();
        String tail = mobile != null && mobile.matches(".*\\d{4}") ? mobile.substring(mobile.length() - 4) : null;
        String identifier = kind == Applicant.Kind.ORGANISATION ? a.creditCode() : a.maskedIdNumber();
        String sha = files.upload(a.id(), "file", "示例材料.pdf", sample, now).sha256();
        return new Applying(p, new Applicant(a.id(), kind, a.displayName(), identifier, tail), sha);
    }

    // ---- telling one story ----

    private Case tell(Story s, Applying who, Map<Cast, Actor> staff, Timeline time, CaseClock caseClock) {
        ItemVersion version = catalog.inForce(s.item)
                .orElseThrow(() -> new IllegalStateException("item " + s.item + " is not in force"));
        ItemContent item = version.content();
        Department department = departments.byCreditCode(item.departmentCreditCode())
                .orElseThrow(() -> new IllegalStateException("the department of " + item.name() + " is missing"));
        Instant at = time.at(s.submitted);
        LocalDate on = time.day(s.submitted.daysAgo());
        Map<String, String> form = s.form(item, time);
        List<Violation> problems = item.applicationForm().check(form, on);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the form of " + item.name() + " does not pass its check: " + problems);
        }
        List<SubmittedMaterial> materials = s.materials(item, who.sampleFile());
        Actor applicant = Actor.applicant(who.applicant().accountId(), who.applicant().name());
        Actor clerk = staff.get(Cast.CLERK);
        Intake intake = s.counter
                ? new Intake(Intake.Channel.COUNTER, CITY_CENTRE, clerk, s.applicant.organisation()
                        ? "经办人" + s.applicant.contact() + "持营业执照和本人身份证件到窗口申请，已核验原件"
                        : "申请人本人到窗口申请，已核验身份证原件", s.delivery)
                : Intake.online(Intake.Channel.WEB, s.delivery);
        Act act = new Act(s.counter ? clerk : applicant, at, on, caseClock);
        Case c = Case.submit(CaseId.random(), CaseNumber.of(properties.regionCode(), on, cases.nextSequence()),
                new ItemVersionRef(version.itemCode(), version.versionNo()), CaseTermsFromItem.of(item, department.id()),
                who.applicant(), intake, form, materials, act);
        if (!s.counter && item.instantApproval().offered() && !c.terms().immediate()) {
            decideInstantly(c, item, form, who, act);
        }
        Instant last = at;
        for (Story.Step step : s.steps) {
            Instant when = time.at(step.when());
            if (!when.isAfter(last)) {
                throw new IllegalStateException("its acts are not in order at " + step.when());
            }
            Actor by = step.by() == Cast.APPLICANT ? applicant : staff.get(step.by());
            step.transition().accept(c, new Act(by, when, time.day(step.when().daysAgo()), caseClock));
            last = when;
        }
        return c;
    }

    /**
     * 秒批 as {@code CaseManagement.submit} decides it, on the facts the demo city verifies: the account's ID number,
     * read (and logged) for this purpose.
     */
    private void decideInstantly(Case c, ItemContent item, Map<String, String> form, Applying who, Act act) {
        String idNumber = who.applicant().kind() == Applicant.Kind.PERSON
                ? accounts.revealIdNumber(who.applicant().accountId(), "演示数据：按实名账号核验演示办件的秒批条件") : null;
        var evaluation = item.evaluateInstantApproval(form, DemoApplicantFacts.of(idNumber, who.person().creditCode()),
                act.on());
        if (evaluation.approved()) {
            String rule = String.join("；", evaluation.conditions().stream().map(r -> r.explanation()).toList());
            c.approveAutomatically(new Act(Actor.platform(), act.at(), act.on(), act.clock()), "秒批：" + rule,
                    "符合秒批条件，系统自动准予：" + rule);
        }
    }

    /** Days and moments counted back from today on the working-day calendar. */
    record Timeline(LocalDate today, WorkingDayCalendar calendar, ZoneId zone) {

        /** The working day {@code n} working days before today ({@code n ≥ 1}). */
        LocalDate day(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("demo acts happen before today: " + n);
            }
            LocalDate day = today;
            for (int counted = 0; counted < n; ) {
                day = day.minusDays(1);
                if (calendar.isWorkingDay(day)) {
                    counted++;
                }
            }
            return day;
        }

        Instant at(When w) {
            return day(w.daysAgo()).atTime(w.time()).atZone(zone).toInstant();
        }
    }

    /** So many working days before today, at a time of day. */
    record When(int daysAgo, LocalTime time) {
    }

    static When on(int workingDaysAgo, String time) {
        return new When(workingDaysAgo, LocalTime.parse(time));
    }

    /**
     * One demo case: who applied for which item, online or at the counter, when, with which answers beyond the
     * applicant's own details, and what has happened to it since.
     */
    static final class Story {

        record Step(When when, Cast by, BiConsumer<Case, Act> transition) {
        }

        private final String key;
        private final Person applicant;
        private final String item;
        private final When submitted;
        private final boolean counter;
        private Intake.Delivery delivery = new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null);
        private final Map<String, String> answers = new LinkedHashMap<>();
        private final Map<String, Integer> dayAnswers = new LinkedHashMap<>();
        private final Map<String, SubmittedMaterial.Provision> provisions = new LinkedHashMap<>();
        private final Map<String, String> references = new LinkedHashMap<>();
        private final List<Step> steps = new ArrayList<>();

        private Story(String key, Person applicant, String item, When submitted, boolean counter) {
            this.key = KEY_PREFIX + key;
            this.applicant = applicant;
            this.item = item;
            this.submitted = submitted;
            this.counter = counter;
            if (counter) {
                delivery = new Intake.Delivery(Intake.Delivery.Method.PICK_UP, null);
            }
        }

        String key() {
            return key;
        }

        Story answer(String field, String value) {
            answers.put(field, value);
            return this;
        }

        /** An answer that is a date: the day so many working days before today. */
        Story answerDay(String field, int workingDaysAgo) {
            dayAnswers.put(field, workingDaysAgo);
            return this;
        }

        Story mail(String address) {
            delivery = new Intake.Delivery(Intake.Delivery.Method.MAIL, address);
            return this;
        }

        Story pickUp() {
            delivery = new Intake.Delivery(Intake.Delivery.Method.PICK_UP, null);
            return this;
        }

        /** A conditional material the applicant has to hand in too. */
        Story also(String material) {
            provisions.put(material, counter ? SubmittedMaterial.Provision.PAPER : SubmittedMaterial.Provision.FILE);
            return this;
        }

        Story deferred(String material) {
            provisions.put(material, SubmittedMaterial.Provision.DEFERRED);
            return this;
        }

        Story committed(String material) {
            provisions.put(material, SubmittedMaterial.Provision.COMMITMENT);
            return this;
        }

        /** A material a license or shared record replaces, attached by reference all the same. */
        Story byReference(String material, String reference) {
            provisions.put(material, SubmittedMaterial.Provision.BY_REFERENCE);
            references.put(material, reference);
            return this;
        }

        private Story then(When when, Cast by, BiConsumer<Case, Act> transition) {
            steps.add(new Step(when, by, transition));
            return this;
        }

        Story accept(When when) {
            return then(when, Cast.CLERK, (c, act) -> c.accept(act, Map.of()));
        }

        /** 受理 with a deferred material (容缺) due so many working days after the day of acceptance. */
        Story accept(When when, String deferred, int dueInWorkingDays) {
            return then(when, Cast.CLERK, (c, act) -> c.accept(act, Map.of(deferred, java.util.Objects.requireNonNull(
                    act.clock().due(act.on(), Limit.workingDays(dueInWorkingDays), List.of(), List.of())))));
        }

        Story refuse(When when, String reasons) {
            return then(when, Cast.CLERK, (c, act) -> c.refuseToAccept(act, reasons));
        }

        Story correction(When when, String material, String problem) {
            return then(when, Cast.CLERK, (c, act) -> c.requestCorrection(act, List.of(new Correction.Item(material, problem))));
        }

        Story correction(When when, String material, String problem, String material2, String problem2) {
            return then(when, Cast.CLERK, (c, act) -> c.requestCorrection(act,
                    List.of(new Correction.Item(material, problem), new Correction.Item(material2, problem2))));
        }

        /** The applicant hands in the corrected material (uploaded again, or on paper at the counter). */
        Story resubmit(When when, String material) {
            return then(when, Cast.APPLICANT, (c, act) -> {
                SubmittedMaterial before = c.materials().stream().filter(m -> m.name().equals(material)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no material " + material + " to correct"));
                c.resubmit(act, List.of(new SubmittedMaterial(material, before.provision(), before.reference(),
                        material + "（补正）.pdf")));
            });
        }

        Story withdraw(When when, String reason) {
            return then(when, Cast.APPLICANT, (c, act) -> c.withdraw(act, reason));
        }

        Story claim(When when, Cast by) {
            return then(when, by, Case::claim);
        }

        Story step(When when, Cast by, String opinion) {
            return then(when, by, (c, act) -> c.completeStep(act, opinion));
        }

        Story suspend(When when, String procedure, String reason) {
            return then(when, Cast.REVIEWER, (c, act) -> c.suspend(act, procedure, reason));
        }

        Story resume(When when, String result) {
            return then(when, Cast.REVIEWER, (c, act) -> c.resume(act, result));
        }

        Story extend(When when, String reason) {
            return then(when, Cast.HEAD, (c, act) -> c.extend(act, reason));
        }

        Story receive(When when, String material) {
            return then(when, Cast.CLERK, (c, act) -> c.receiveDeferredMaterial(act, material));
        }

        Story approve(When when, String opinion) {
            return then(when, Cast.HEAD, (c, act) -> c.approve(act, opinion));
        }

        Story reject(When when, String reasons, String legalBasis) {
            return then(when, Cast.HEAD, (c, act) -> c.reject(act, reasons, legalBasis));
        }

        Story complete(When when, Cast by) {
            return then(when, by, Case::complete);
        }

        Story revoke(When when, String reasons) {
            return then(when, Cast.HEAD, (c, act) -> c.revoke(act, reasons));
        }

        /** The applicant's own details where the form asks for them, and this story's answers. */
        Map<String, String> form(ItemContent item, Timeline time) {
            Map<String, String> own = new LinkedHashMap<>();
            Person p = applicant;
            if (p.organisation()) {
                own.put("organisationName", p.name());
                own.put("creditCode", p.creditCode());
                own.put("organisationAddress", p.address());
                own.put("contactName", p.contact());
                own.put("contactIdNumber", p.idNumber());
                own.put("contactPhone", p.phone());
                own.put("applicantKind", "ORGANISATION");
                own.put("legalRepresentativeName", p.contact());
                own.put("legalRepresentativeIdNumber", p.idNumber());
            }
            else {
                own.put("applicantIdNumber", p.idNumber());
                own.put("applicantKind", "PERSON");
                own.put("operatorName", p.name());
                own.put("operatorIdNumber", p.idNumber());
                own.put("operatorPhone", p.phone());
            }
            own.put("applicantName", p.name());
            own.put("applicantPhone", p.phone());
            own.put("applicantAddress", p.address());
            Map<String, String> form = new LinkedHashMap<>();
            for (FormField f : item.applicationForm().fields()) {
                if (own.containsKey(f.key())) {
                    form.put(f.key(), own.get(f.key()));
                }
            }
            form.putAll(answers);
            dayAnswers.forEach((field, n) -> form.put(field, time.day(n).toString()));
            return form;
        }

        /**
         * Every material the item needs handed in: a file online (the sample), on paper at the counter, or as this
         * story says; a material a license or shared record replaces is left out (免提交) unless attached by
         * reference; a conditional one only when the story adds it.
         */
        List<SubmittedMaterial> materials(ItemContent item, String sampleFile) {
            List<SubmittedMaterial> materials = new ArrayList<>();
            for (ItemContent.Material m : item.materials()) {
                SubmittedMaterial.Provision p = provisions.get(m.name());
                if (p == null) {
                    if (m.replaced() || m.requirement() == ItemContent.Requirement.CONDITIONAL) {
                        continue;
                    }
                    p = counter ? SubmittedMaterial.Provision.PAPER : SubmittedMaterial.Provision.FILE;
                }
                materials.add(switch (p) {
                    case FILE -> new SubmittedMaterial(m.name(), p, sampleFile, m.name() + ".pdf");
                    case BY_REFERENCE -> new SubmittedMaterial(m.name(), p, references.get(m.name()), null);
                    default -> new SubmittedMaterial(m.name(), p, null, null);
                });
            }
            for (String named : provisions.keySet()) {
                if (materials.stream().noneMatch(m -> m.name().equals(named))) {
                    throw new IllegalStateException("“" + named + "” is not a material of " + item.name());
                }
            }
            return materials;
        }
    }

    static Story online(String key, Person applicant, String item, When submitted) {
        return new Story(key, applicant, item, submitted, false);
    }

    static Story counter(String key, Person applicant, String item, When submitted) {
        return new Story(key, applicant, item, submitted, true);
    }

    // ---- the stories ----

    private static final String FOOD_RULES = "食品安全管理制度目录";
    private static final String DEVICE_SYSTEM = "计算机信息管理系统基本情况介绍";
    private static final String DEVICE_QUALITY_HEAD = "质量负责人身份证件和学历或职称证明";
    private static final String FOOD_PRODUCTION_STAFF = "专职或兼职的食品安全专业技术人员、食品安全管理人员信息和食品安全管理制度";
    private static final String PLANNED_CHECK = "申请材料齐全，符合法定形式，拟安排现场核查。";

    /** The stories, each with its key; the order here is by applicant, the load orders them by submission. */
    static List<Story> stories() {
        List<Story> all = new ArrayList<>();

        // ---- 海川示例科技有限公司 ----
        all.add(counter("tech-enterprise-change", TECH, ENTERPRISE_CHANGE, on(40, "09:30"))
                .also("修改后的公司章程或章程修正案")
                .accept(on(40, "09:52")));
        all.add(online("tech-annual-report", TECH, ANNUAL_REPORT, on(46, "15:10"))
                .accept(on(45, "09:20")));
        all.add(online("tech-medical-devices-ii-filing", TECH, MEDICAL_DEVICES_II, on(35, "16:40"))
                .accept(on(34, "10:15")));
        all.add(online("tech-medical-devices-iii-revoked", TECH, MEDICAL_DEVICES_III, on(31, "14:20"))
                .committed(DEVICE_QUALITY_HEAD)
                .accept(on(30, "09:40"))
                .claim(on(30, "14:10"), Cast.REVIEWER)
                .step(on(29, "16:30"), Cast.REVIEWER, "申请材料齐全，符合法定形式。质量负责人的学历、职称证明以告知承诺代替，现场核查时一并核实。")
                .claim(on(28, "09:05"), Cast.REVIEWER)
                .step(on(27, "15:20"), Cast.REVIEWER, "现场核查：经营场所和库房与申报一致，温湿度监测设备运行正常，计算机信息管理系统可实现产品追溯。核查结论：符合要求。")
                .approve(on(26, "10:30"), "经审查，申请材料齐全、符合法定形式，现场核查符合《医疗器械经营监督管理办法》规定的条件，准予医疗器械经营许可。")
                .complete(on(26, "15:00"), Cast.HEAD)
                .revoke(on(6, "10:00"), "经事后核查，申请人承诺的质量负责人不具备医疗器械相关专业大专以上学历或中级以上技术职称，与告知承诺内容不符，"
                        + "属于以虚假承诺取得行政许可。依据《中华人民共和国行政许可法》第六十九条第二款，撤销该医疗器械经营许可。"));
        all.add(online("tech-medical-devices-iii-reapplied", TECH, MEDICAL_DEVICES_III, on(3, "19:40"))
                .deferred(DEVICE_SYSTEM)
                .accept(on(2, "10:10"), DEVICE_SYSTEM, 5));
        all.add(online("tech-prepackaged-food-refused", TECH, FOOD_BUSINESS, on(27, "11:05"))
                .answer("premisesAddress", "海川市东港区滨海大道 256 号海川科技大厦一楼大堂")
                .answer("premisesArea", "18").answer("operatorCategory", "SALES")
                .answer("businessItems", "预包装食品销售（不含冷藏冷冻食品）")
                .answer("foodSafetyManager", "陈示例").answer("onlineSales", "false")
                .refuse(on(26, "09:35"), "经审查，你单位申请的经营项目仅为预包装食品销售。依据《中华人民共和国食品安全法》第三十五条第一款，"
                        + "仅销售预包装食品的，不需要取得食品经营许可，应当报所在地县级以上地方人民政府食品安全监督管理部门备案。"
                        + "本申请事项依法不需要取得行政许可，决定不予受理。请通过“食品经营备案（仅销售预包装食品）”办理备案。"));
        all.add(online("tech-prepackaged-food-filing", TECH, PREPACKAGED_FOOD_FILING, on(25, "14:30"))
                .accept(on(24, "09:15")));
        all.add(online("tech-canteen-food-licence-extended", TECH, FOOD_BUSINESS, on(8, "10:20"))
                .answer("premisesAddress", "海川市东港区滨海大道 256 号海川科技大厦 2 层职工食堂")
                .answer("premisesArea", "210").answer("operatorCategory", "CANTEEN")
                .answer("businessItems", "热食类食品制售（单位食堂，供应本单位职工午餐约 120 人）")
                .answer("foodSafetyManager", "周敏").answer("onlineSales", "false")
                .deferred(FOOD_RULES)
                .accept(on(7, "09:30"), FOOD_RULES, 3)
                .claim(on(7, "14:00"), Cast.REVIEWER)
                .step(on(6, "11:20"), Cast.REVIEWER, "申请材料齐全，符合法定形式；食品安全管理制度目录容缺受理，已告知申请人 3 个工作日内补交。拟安排现场核查。")
                .claim(on(5, "09:10"), Cast.REVIEWER)
                .receive(on(4, "15:30"), FOOD_RULES)
                .extend(on(3, "16:00"), "现场核查发现餐用具清洗消毒设施尚未安装到位，申请人已书面承诺 5 个工作日内整改完毕。"
                        + "为待整改后复查，经本机关负责人批准，审批期限延长 5 个工作日，已将延长理由书面告知申请人。"));
        all.add(online("tech-elevator-awaiting-acceptance", TECH, SPECIAL_EQUIPMENT, on(4, "17:25"))
                .also("监督检验证明"));
        all.add(online("tech-boiler-refused", TECH, SPECIAL_EQUIPMENT, on(18, "10:40"))
                .also("监督检验证明")
                .refuse(on(17, "10:05"), "经审查，申请登记的燃气热水锅炉安装在云山县云山工业园区。依据《特种设备使用管理规则》（TSG 08-2017）"
                        + "第 2.1 条，使用登记由设备所在地的市场监督管理部门办理。本申请事项不属于本机关职权范围，决定不予受理，请向云山县市场监督管理局申请。"));
        all.add(counter("tech-forklift-awaiting-decision", TECH, SPECIAL_EQUIPMENT, on(6, "09:20"))
                .also("监督检验证明")
                .accept(on(6, "09:45"))
                .claim(on(6, "14:30"), Cast.REVIEWER)
                .step(on(5, "10:00"), Cast.REVIEWER, "叉车产品合格证、监督检验证明齐全，作业人员持有叉车司机（N1）证书，符合法定形式。拟安排现场核查。")
                .claim(on(5, "14:00"), Cast.REVIEWER)
                .step(on(4, "16:10"), Cast.REVIEWER, "现场核查：叉车铭牌、产品编号与合格证一致，定期检验合格标志在有效期内。建议准予使用登记。"));
        all.add(online("tech-pressure-vessel-unclaimed", TECH, SPECIAL_EQUIPMENT, on(2, "09:40"))
                .also("监督检验证明")
                .accept(on(1, "10:00")));
        all.add(online("tech-abnormal-list-unclaimed", TECH, ABNORMAL_LIST_REMOVAL, on(10, "20:30"))
                .also("补报年报或公示信息的记录")
                .accept(on(9, "10:00")));
        all.add(online("tech-serious-list-rejected", TECH, SERIOUS_LIST_REMOVAL, on(33, "15:00"))
                .committed("履行行政处罚义务的证明")
                .accept(on(32, "09:30"))
                .claim(on(32, "11:00"), Cast.REVIEWER)
                .step(on(30, "15:40"), Cast.REVIEWER, "申请材料齐全。申请人以告知承诺代替履行行政处罚义务的证明，须向执法机构核实。")
                .claim(on(29, "09:20"), Cast.REVIEWER)
                .step(on(24, "16:00"), Cast.REVIEWER, "经向执法机构核查：申请人被处罚款 5 万元，截至核查之日仅缴纳 2 万元，尚有 3 万元未缴纳，与承诺不符。建议不予移出。")
                .reject(on(20, "10:30"), "经核查，申请人尚未全部履行行政处罚决定书（海市监罚〔2026〕第 0213 号）确定的罚款义务，不符合提前移出严重违法失信名单的条件。",
                        "《市场监督管理严重违法失信名单管理办法》第二十二条第一款第（一）项"));
        all.add(online("tech-serious-list-reapplied", TECH, SERIOUS_LIST_REMOVAL, on(8, "11:30"))
                .accept(on(7, "09:50"))
                .claim(on(6, "10:30"), Cast.REVIEWER));
        all.add(online("tech-quality-award-with-head", TECH, QUALITY_AWARD, on(44, "10:00"))
                .accept(on(43, "09:30"))
                .claim(on(43, "15:00"), Cast.REVIEWER)
                .step(on(35, "17:00"), Cast.REVIEWER, "资料评审：申报材料齐全，自评报告评分 612 分，达到现场评审分数线（550 分），进入现场评审。")
                .claim(on(34, "09:00"), Cast.REVIEWER)
                .step(on(12, "16:30"), Cast.REVIEWER, "现场评审：评审组现场核实领导作用、质量管理体系运行和顾客满意度，现场评审得分 638 分，建议列入拟表彰名单并公示。")
                .claim(on(2, "10:20"), Cast.HEAD));
        all.add(online("tech-domicile-move-completed", TECH, DOMICILE_MOVE, on(23, "17:30"))
                .accept(on(22, "09:10"))
                .claim(on(22, "10:00"), Cast.REVIEWER)
                .step(on(22, "15:00"), Cast.REVIEWER, "迁移登记申请书、股东会决定和新住所使用证明齐全，新住所已与不动产登记信息核对一致。")
                .approve(on(21, "09:30"), "准予住所迁移登记，换发营业执照。")
                .complete(on(21, "10:00"), Cast.HEAD));
        all.add(online("tech-pharmacy-withdrawn", TECH, PHARMACY, on(24, "09:50"))
                .accept(on(23, "10:30"))
                .claim(on(23, "15:10"), Cast.REVIEWER)
                .withdraw(on(21, "11:00"), "公司调整经营计划，拟更换营业场所后重新申请。"));
        all.add(counter("tech-pharmacy-overdue", TECH, PHARMACY, on(14, "10:05"))
                .accept(on(14, "10:30"))
                .claim(on(13, "09:40"), Cast.REVIEWER)
                .step(on(11, "16:20"), Cast.REVIEWER, "申请材料齐全，执业药师注册证在有效期内，计算机系统具备药品追溯功能。拟安排现场核查。")
                .claim(on(10, "09:10"), Cast.REVIEWER));
        all.add(online("tech-food-production-approved", TECH, FOOD_PRODUCTION, on(26, "14:00"))
                .answer("productionAddress", "海川市东港区临港工业园 18 号 3 号厂房")
                .answer("foodCategories", "饮料（固体饮料）").answer("foodSafetyManager", "周敏")
                .mail("海川市东港区滨海大道 256 号海川科技大厦 8 层 行政部 陈示例 收")
                .accept(on(25, "09:30"))
                .claim(on(25, "14:00"), Cast.REVIEWER)
                .step(on(24, "16:00"), Cast.REVIEWER, PLANNED_CHECK)
                .claim(on(23, "09:00"), Cast.REVIEWER)
                .suspend(on(23, "15:30"), "检验检测", "现场核查抽取试制产品（固体饮料）3 批次，送海川市食品药品检验检测中心检验，检验期间不计入审批时限。")
                .resume(on(6, "10:00"), "检验报告（海食检〔2026〕第 1187 号）结论：所检项目均符合 GB 7101-2022 的要求。")
                .step(on(6, "15:00"), Cast.REVIEWER, "现场核查和试制产品检验均符合要求，建议准予许可。")
                .approve(on(1, "10:30"), "经审查，申请材料齐全，现场核查和试制产品检验符合要求，依据《食品生产许可管理办法》准予食品生产许可。"));
        all.add(online("tech-equity-pledge", TECH, EQUITY_PLEDGE, on(19, "15:00"))
                .accept(on(18, "09:30")));
        all.add(online("tech-elevator-completed-late", TECH, SPECIAL_EQUIPMENT, on(41, "16:00"))
                .also("监督检验证明")
                .accept(on(40, "09:40"))
                .claim(on(40, "14:00"), Cast.REVIEWER)
                .step(on(38, "11:00"), Cast.REVIEWER, PLANNED_CHECK)
                .claim(on(37, "09:00"), Cast.REVIEWER)
                .step(on(35, "16:30"), Cast.REVIEWER, "现场核查：电梯安装监督检验合格，安全管理人员持证上岗，应急救援电话张贴在轿厢内。建议准予使用登记。")
                .approve(on(34, "10:00"), "准予特种设备使用登记，核发特种设备使用登记证。")
                .complete(on(34, "11:30"), Cast.HEAD));
        all.add(online("tech-investment-approval-awaiting-acceptance", TECH, INVESTMENT_APPROVAL, on(2, "16:45")));
        all.add(online("tech-fire-design-review-awaiting-acceptance", TECH, FIRE_DESIGN_REVIEW, on(1, "11:20")));

        // ---- 西岭区示例小吃店（个体工商户）and 李小满, who runs it ----
        all.add(counter("li-sole-trader-set-up", LI, SOLE_TRADER, on(48, "10:00"))
                .answer("tradeName", "西岭区示例小吃店").answer("organisationForm", "INDIVIDUAL")
                .answer("businessPremises", "海川市西岭区桃源街 27 号").answer("funds", "8")
                .answer("businessScope", "餐饮服务；食品销售（仅销售预包装食品）")
                .accept(on(48, "10:25")));
        all.add(counter("snack-bar-change", SNACK_BAR, SOLE_TRADER_CHANGE, on(38, "15:00"))
                .accept(on(38, "15:20")));
        all.add(online("snack-bar-food-licence-rejected", SNACK_BAR, FOOD_BUSINESS, on(34, "21:10"))
                .answer("premisesAddress", "海川市西岭区桃源街 27 号").answer("premisesArea", "46")
                .answer("operatorCategory", "CATERING").answer("businessItems", "热食类食品制售（中式快餐）")
                .answer("foodSafetyManager", "李小满").answer("onlineSales", "true")
                .accept(on(33, "09:40"))
                .claim(on(33, "14:00"), Cast.REVIEWER)
                .step(on(32, "11:00"), Cast.REVIEWER, PLANNED_CHECK)
                .claim(on(31, "09:10"), Cast.REVIEWER)
                .step(on(30, "16:40"), Cast.REVIEWER, "现场核查：后厨粗加工、切配与烹饪区域未分隔，员工卫生间门直接开向后厨操作区，不符合要求。建议不予许可。")
                .reject(on(29, "10:00"), "经现场核查，你户经营场所卫生间直接开向食品处理区，粗加工、烹饪区域未按要求分开设置，不符合食品经营许可条件。",
                        "《中华人民共和国食品安全法》第三十三条第一款第（一）项；《食品经营许可和备案管理办法》第十二条第（一）项"));
        all.add(online("snack-bar-food-licence-approved", SNACK_BAR, FOOD_BUSINESS, on(6, "20:40"))
                .answer("premisesAddress", "海川市西岭区桃源街 27 号").answer("premisesArea", "52")
                .answer("operatorCategory", "CATERING")
                .answer("businessItems", "热食类食品制售（中式快餐）、冷食类食品制售（凉菜）")
                .answer("foodSafetyManager", "李小满").answer("onlineSales", "true")
                .pickUp()
                .accept(on(5, "09:30"))
                .claim(on(5, "11:00"), Cast.REVIEWER)
                .step(on(4, "10:30"), Cast.REVIEWER, "整改后重新申请：平面布局图已将卫生间移出食品处理区，粗加工与烹饪区域分隔设置。材料齐全，拟安排现场核查。")
                .claim(on(3, "09:00"), Cast.REVIEWER)
                .step(on(3, "16:00"), Cast.REVIEWER, "现场核查：整改到位，功能区布局合理，冷食类食品专间设有独立空调和紫外线消毒设施，符合要求。建议准予许可。")
                .approve(on(1, "09:40"), "经审查和现场核查，符合《食品经营许可和备案管理办法》规定的条件，准予食品经营许可。"));
        all.add(online("snack-bar-food-production-suspended", SNACK_BAR, FOOD_PRODUCTION, on(15, "19:20"))
                .answer("productionAddress", "海川市西岭区岭西工业园 6 号 2 层")
                .answer("foodCategories", "速冻食品（速冻面米制品：水饺、包子）").answer("foodSafetyManager", "李小满")
                .accept(on(14, "09:20"))
                .claim(on(14, "15:00"), Cast.REVIEWER)
                .step(on(13, "11:00"), Cast.REVIEWER, PLANNED_CHECK)
                .claim(on(12, "09:00"), Cast.REVIEWER)
                .suspend(on(11, "16:00"), "检验检测", "现场核查抽取试制产品（速冻水饺、速冻包子）各 1 批次，送海川市食品药品检验检测中心检验。"
                        + "检验期间不计入审批时限，检验结论出具后继续审查。"));
        all.add(online("snack-bar-abnormal-list-awaiting-decision", SNACK_BAR, ABNORMAL_LIST_REMOVAL, on(5, "08:30"))
                .also("补报年报或公示信息的记录")
                .accept(on(4, "10:00"))
                .claim(on(3, "09:30"), Cast.REVIEWER)
                .step(on(2, "15:20"), Cast.REVIEWER, "经核查，该户已补报 2025 年度年度报告并公示，列入经营异常名录的事由已消除，符合移出条件，建议移出。"));
        all.add(online("snack-bar-to-company-resubmitted", SNACK_BAR, SOLE_TRADER_TO_COMPANY, on(9, "20:00"))
                .correction(on(8, "10:40"), "企业章程或合伙协议", "章程未载明股东的出资方式和出资期限，且未经全体股东签字，请补正后重新上传。")
                .resubmit(on(2, "21:15"), "企业章程或合伙协议"));
        all.add(online("li-rent-withdrawal", LI, RENT_WITHDRAWAL, on(16, "20:00"))
                .answer("rentedAddress", "海川市西岭区桃源街 11 号 2 单元 401 室").answer("monthlyRent", "1500")
                .answer("bankName", "中国建设银行海川西岭支行").answer("bankAccount", "6217003770012345678")
                .accept(on(15, "09:10")));
        all.add(online("li-second-hand-house-awaiting-acceptance", LI, SECOND_HAND_HOUSE, on(4, "12:10"))
                .answer("propertyCertificateNumber", "海（2023）西岭区不动产权第0034567号")
                .answer("propertyAddress", "海川市西岭区桃源街 9 号 1 单元 302 室").answer("transactionPrice", "86.5")
                .answer("sellerName", "赵德明")
                .byReference("不动产权证书", "电子证照：海（2023）西岭区不动产权第0034567号"));

        // ---- 张海川 ----
        all.add(online("zhang-birth-certificate-withdrawn", ZHANG, BIRTH_CERTIFICATE, on(4, "21:05"))
                .answer("babyName", "张小帆").answer("babySex", "MALE").answerDay("babyBirthDate", 9)
                .answer("birthHospital", "海川市妇幼保健院").answer("fatherListed", "true").answer("fatherName", "张海川")
                .answer("fatherIdNumber", ZHANG.idNumber()).answer("byAgent", "false")
                .withdraw(on(3, "08:40"), "新生儿姓名填写有误，撤回后重新申请。"));
        all.add(online("zhang-birth-certificate-awaiting-acceptance", ZHANG, BIRTH_CERTIFICATE, on(3, "21:30"))
                .answer("babyName", "张小川").answer("babySex", "MALE").answerDay("babyBirthDate", 9)
                .answer("birthHospital", "海川市妇幼保健院").answer("fatherListed", "true").answer("fatherName", "张海川")
                .answer("fatherIdNumber", ZHANG.idNumber()).answer("byAgent", "false"));
        all.add(online("zhang-ride-hailing-driver", ZHANG, RIDE_HAILING_DRIVER, on(4, "10:00"))
                .accept(on(3, "09:20")));
        all.add(counter("zhang-flexible-employment", ZHANG, FLEXIBLE_EMPLOYMENT, on(11, "14:20"))
                .accept(on(11, "14:35")));
        all.add(counter("zhang-social-security-card", ZHANG, SOCIAL_SECURITY_CARD_REPLACEMENT, on(20, "10:30"))
                .answer("byAgent", "false").also("原社会保障卡").also("近期免冠彩色证件照片")
                .accept(on(20, "10:45")));
        all.add(online("zhang-public-rental-housing-correction", ZHANG, PUBLIC_RENTAL_HOUSING, on(9, "19:30"))
                .answer("householdSize", "3").answer("householdMonthlyIncome", "3800").answer("currentHousingArea", "36")
                .answer("ownsHousing", "false").also("社保缴费记录")
                .correction(on(8, "11:10"), "社保缴费记录", "上传的社保缴费记录只有 6 个月，请通过“社会保险个人权益记录查询打印”打印近 12 个月的完整缴费记录后重新上传。"));

        // ---- 王秋生 ----
        all.add(online("wang-pension-instant-approval", WANG, RESIDENT_PENSION, on(9, "10:20"))
                .answer("contributionYears", "16").answer("receivingOtherPension", "false")
                .byReference("社会保障卡", "电子证照：社会保障卡（电子社保卡）"));
        all.add(online("wang-medical-reimbursement-awaiting-acceptance", WANG, MEDICAL_REIMBURSEMENT, on(5, "10:05"))
                .answer("byAgent", "false"));
        all.add(counter("wang-senior-bus-card", WANG, SENIOR_BUS_CARD, on(17, "09:40"))
                .also("近期免冠彩色证件照片")
                .accept(on(17, "09:55")));
        all.add(online("wang-tea-shop-correction", WANG, SOLE_TRADER, on(6, "15:30"))
                .answer("tradeName", "云山县秋生茶叶店").answer("organisationForm", "INDIVIDUAL")
                .answer("businessPremises", "海川市云山县人民路 52 号临街门面").answer("funds", "5")
                .answer("businessScope", "茶叶零售；预包装食品销售")
                .correction(on(5, "09:50"), "个体工商户登记（备案）申请书", "申请书“经营者签字”栏未签字，请打印后由经营者本人签字，扫描后重新上传。"));
        return List.copyOf(all);
    }
}
