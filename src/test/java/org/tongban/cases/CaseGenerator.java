package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.tongban.catalog.ItemContent;
import org.tongban.identity.BenchAccounts;
import org.tongban.identity.Role;
import org.tongban.shared.WorkingDayCalendar;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills the database with realistic cases for benchmarks, fast. Each case lives a whole life through the real
 * aggregate: {@link Case#submit} and the transitions a clerk, reviewers, the head and the platform would make on the
 * days they would make them (acceptance a few working days after arrival, now and then a correction notice, a
 * deferred material, a special procedure, an extension, a withdrawal, a refusal, a revocation), until the case ends
 * or today is reached, so that recent cases are open in every state and slow ones overdue. What each save would
 * write is then bulk-loaded with {@code COPY}: the case row with its query columns and its state serialised as
 * {@link Cases} does, the audit chain exactly as {@link CaseAudit} hashes it, the submission's idempotency record
 * and, for open cases past or near a deadline, the alerts {@link CaseDeadlineWatch} would have raised.
 *
 * <p>Left out: event publications (the registry's rows of completed deliveries; nothing in the cases module reads
 * them), uploaded files (materials provided as files refer to hashes the file store does not hold).
 */
public final class CaseGenerator {

    /** An item cases are made for: its version in force, the terms a case copies, its content, how often it is asked for. */
    public record Item(String code, int version, CaseTerms terms, ItemContent content, double weight) {

        boolean forOrganisations() {
            return content.audiences().contains(ItemContent.Audience.ORGANISATION);
        }

        boolean forPersons() {
            return content.audiences().isEmpty() || content.audiences().contains(ItemContent.Audience.PERSON);
        }
    }

    /** Staff who act on cases: the counter's clerks, and per department its reviewers and heads. */
    public record Staff(List<Actor> clerks, Map<UUID, List<Actor>> reviewers, Map<UUID, List<Actor>> heads) {
    }

    /** What a run wrote. */
    public record Written(int cases, long entries, int failures, Duration took) {
    }

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final int BATCH = 5_000;
    private static final String[] OPINIONS = {"材料齐全，符合法定形式，同意", "经审查符合条件，同意", "同意，报负责人审批",
            "材料已核验，符合要求", "经现场核查符合条件，同意"};

    private final DataSource dataSource;
    private final JsonMapper json;
    private final Cases cases;
    private final CaseClock clock;
    private final WorkingDayCalendar calendar;
    private final String regionCode;
    private final Instant now;
    private final LocalDate today;
    private final List<Item> items;
    private final double[] itemWeights;
    private final List<BenchAccounts.Applicant> persons;
    private final List<BenchAccounts.Applicant> organisations;
    private final double[] personWeights;
    private final double[] organisationWeights;
    private final Staff staff;
    private final int dueSoonWorkingDays;
    private final long seed;
    /** Each batch is built on one thread with a random source of its own, seeded by the batch's number. */
    private final ThreadLocal<Random> randoms = new ThreadLocal<>();
    private final List<String> failureSamples = java.util.Collections.synchronizedList(new ArrayList<>());

    public CaseGenerator(DataSource dataSource, JsonMapper json, Cases cases, CaseClock clock,
                         WorkingDayCalendar calendar, String regionCode,
                         Instant now, List<Item> items, List<BenchAccounts.Applicant> applicants, Staff staff,
                         int dueSoonWorkingDays, long seed) {
        this.dataSource = dataSource;
        this.json = json;
        this.cases = cases;
        this.clock = clock;
        this.calendar = calendar.assumingWeekdaysBeyondPublished();
        this.regionCode = regionCode;
        this.now = now;
        this.today = LocalDate.ofInstant(now, CITY);
        this.items = List.copyOf(items);
        this.itemWeights = cumulative(items.stream().mapToDouble(Item::weight).toArray());
        this.persons = applicants.stream().filter(a -> !a.organisation()).toList();
        this.organisations = applicants.stream().filter(BenchAccounts.Applicant::organisation).toList();
        // Zipf's law with exponent 0.5: a few applicants (agencies, busy firms) have thousands of cases, a typical one
        // a few dozen.
        this.personWeights = cumulative(zipf(persons.size(), 0.5));
        this.organisationWeights = cumulative(zipf(organisations.size(), 0.5));
        this.staff = staff;
        this.dueSoonWorkingDays = dueSoonWorkingDays;
        this.seed = seed;
    }

    /**
     * Generates {@code count} cases, or as many as fit in {@code budget}: batches are built on {@code threads}
     * threads and written in order by one more, each in a transaction of its own.
     */
    public Written generate(int count, Duration budget, int threads) throws Exception {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        int written = 0;
        long entries = 0;
        AtomicInteger failures = new AtomicInteger();
        ExecutorService builders = Executors.newFixedThreadPool(threads);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> pending = null;
            long batchNumber = 0;
            while (written < count && System.nanoTime() < deadline) {
                List<Future<Batch>> built = new ArrayList<>();
                int planned = written;
                for (int t = 0; t < threads && planned < count; t++) {
                    int n = Math.min(BATCH, count - planned);
                    long firstSequence = reserveNumbers(n);
                    long number = batchNumber++;
                    built.add(builders.submit(() -> {
                        randoms.set(new Random(seed + number));
                        Batch batch = new Batch();
                        for (int i = 0; i < n; i++) {
                            if (!live(batch, firstSequence + i)) {
                                failures.incrementAndGet();
                            }
                        }
                        batch.size = n;
                        return batch;
                    }));
                    planned += n;
                }
                for (Future<Batch> f : built) {
                    Batch batch = f.get();
                    if (pending != null) {
                        pending.get();
                    }
                    pending = writer.submit(() -> {
                        write(batch);
                        return null;
                    });
                    int before = written;
                    written += batch.size;
                    entries += batch.entryCount;
                    if (written / 100_000 > before / 100_000 || written == count) {
                        System.out.printf("  %,d cases generated (%,d audit entries) in %.0f s%n", written, entries,
                                (System.nanoTime() - started) / 1e9);
                    }
                }
            }
            if (pending != null) {
                pending.get();
            }
        }
        finally {
            builders.shutdown();
            writer.shutdown();
        }
        return new Written(written, entries, failures.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    private Random random() {
        return randoms.get();
    }

    /** The first few refusals a generated life ran into (none expected). */
    public List<String> failureSamples() {
        return List.copyOf(failureSamples);
    }

    // ---- one case's life ----

    /** The rows of one batch, in COPY's text format. */
    private static final class Batch {
        final StringBuilder cases = new StringBuilder(1 << 23);
        final StringBuilder entries = new StringBuilder(1 << 24);
        final StringBuilder submissions = new StringBuilder(1 << 20);
        final StringBuilder alerts = new StringBuilder(1 << 16);
        long entryCount;
        int size;
    }

    /** The audit chain of one case as its saves wrote it. */
    private final class Life {
        final Case c;
        int seq;
        String head = CaseAudit.GENESIS;
        int saves;
        Instant last;
        final StringBuilder entries = new StringBuilder(4096);

        Life(Case c, Instant at) {
            this.c = c;
            this.last = at;
            save(at);
        }

        /** What {@link CaseManagement#save} does: the case's changes become audit entries recorded at {@code at}. */
        void save(Instant at) {
            List<CaseChange> changes = c.takeChanges();
            Instant recorded = at.truncatedTo(ChronoUnit.MICROS);
            for (CaseChange change : changes) {
                CaseEvent e = change.event();
                CaseAudit.Entry entry = new CaseAudit.Entry(++seq, e.getClass().getSimpleName(), e.by().accountId(),
                        e.by().name(), e.by().role() == null ? null : e.by().role().name(),
                        e.at().truncatedTo(ChronoUnit.MICROS), recorded, change.from().name(), change.to().name(),
                        change.opinion(), json.writeValueAsString(change.before()),
                        json.writeValueAsString(change.after()), json.writeValueAsString(e), head, "");
                String hash = entry.computedHash();
                row(entries, c.id().value(), entry.seq(), entry.event(), entry.actorId(), entry.actorName(),
                        entry.actorRole(), entry.occurredAt(), entry.recordedAt(), entry.fromStatus(), entry.toStatus(),
                        entry.opinion(), entry.deadlinesBefore(), entry.deadlinesAfter(), entry.payload(), head, hash);
                head = hash;
            }
            saves++;
            last = at;
        }
    }

    /**
     * The moment an act is planned for, {@code workingDays} after the last one, in office hours; it happens only if
     * that is not after now ({@link #due}).
     */
    private Instant after(Instant last, int workingDays) {
        LocalDate day = LocalDate.ofInstant(last, CITY);
        LocalDate next = workingDays == 0 ? day : calendar.addWorkingDays(day, workingDays);
        return later(last, next.atTime(LocalTime.of(9, 0).plusMinutes(random().nextInt(510))).atZone(CITY).toInstant());
    }

    private Instant afterNaturalDays(Instant last, int days) {
        return later(last, LocalDate.ofInstant(last, CITY).plusDays(days)
                .atTime(LocalTime.of(8, 0).plusMinutes(random().nextInt(720))).atZone(CITY).toInstant());
    }

    private Instant later(Instant last, Instant at) {
        return at.isAfter(last) ? at : last.plusSeconds(60 + random().nextInt(3600));
    }

    /** Whether an act planned for {@code at} has happened by now; once one has not, the case's story stops there. */
    private boolean due(Instant at) {
        return !at.isAfter(now);
    }

    private Act act(Actor by, Instant at) {
        return new Act(by, at, LocalDate.ofInstant(at, CITY), clock);
    }

    /** A working-day delay: mostly a day or two, now and then a slow week or more. */
    private int delay(int usual) {
        int r = random().nextInt(100);
        return r < 93 ? random().nextInt(usual + 1) : r < 99 ? usual + 1 + random().nextInt(5) : usual + 6 + random().nextInt(20);
    }

    private boolean live(Batch batch, long sequence) {
        Item item = pick(items, itemWeights);
        boolean organisation = item.forOrganisations() && (!item.forPersons() || random().nextBoolean());
        BenchAccounts.Applicant who = organisation ? pick(organisations, organisationWeights) : pick(persons, personWeights);
        Instant submittedAt = submissionMoment();
        LocalDate receivedOn = LocalDate.ofInstant(submittedAt, CITY);
        Applicant applicant = new Applicant(who.id(), organisation ? Applicant.Kind.ORGANISATION : Applicant.Kind.PERSON,
                who.name(), who.maskedIdentifier(), who.mobileTail());
        Actor applicantActor = Actor.applicant(who.id(), who.name());
        int d = random().nextInt(10);
        Intake.Delivery delivery = d < 7 ? new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null)
                : d < 9 ? new Intake.Delivery(Intake.Delivery.Method.MAIL, "海川市东港区滨海大道" + (1 + random().nextInt(300)) + "号")
                : new Intake.Delivery(Intake.Delivery.Method.PICK_UP, null);
        Intake intake = Intake.online(random().nextInt(10) < 6 ? Intake.Channel.WEB : Intake.Channel.MOBILE, delivery);
        Map<String, String> form = FormAnswers.answer(item.content().applicationForm(), who.name(), receivedOn, random());
        List<SubmittedMaterial> materials = materials(item, false);
        CaseId id = CaseId.random();
        Case c = Case.submit(id, CaseNumber.of(regionCode, receivedOn, sequence), new ItemVersionRef(item.code(), item.version()),
                item.terms(), applicant, intake, form, materials, act(applicantActor, submittedAt));
        Life life = new Life(c, submittedAt);
        boolean failed = false;
        try {
            handle(life, item, applicantActor);
        }
        catch (RuntimeException e) {
            // The case stays as its last successful save left it; a generator bug shows as a count, not a stop.
            c.takeChanges();
            failed = true;
            if (failureSamples.size() < 5) {
                failureSamples.add(item.code() + " at " + c.status() + ": " + e);
            }
        }
        String key = "gen-" + id.value();
        String requestHash = CaseAudit.sha256(json.writeValueAsString(new Application(item.code(), null, form, materials, delivery)));
        row(batch.submissions, who.id(), key, requestHash, id.value(), submittedAt);
        caseRow(batch, life);
        batch.entries.append(life.entries);
        batch.entryCount += life.seq;
        alerts(batch, c);
        return !failed;
    }

    /**
     * When the application arrived: most over the last two years, one in ten in the last sixty days (more cases open
     * now, as a growing service sees).
     */
    private Instant submissionMoment() {
        long days = random().nextInt(10) == 0 ? random().nextInt(60) : 60 + random().nextInt(670);
        LocalDate day = today.minusDays(days);
        Instant at = day.atTime(LocalTime.of(7, 0).plusMinutes(random().nextInt(16 * 60))).atZone(CITY).toInstant();
        return at.isAfter(now) ? now.minusSeconds(1 + random().nextInt(3600)) : at;
    }

    private List<SubmittedMaterial> materials(Item item, boolean corrected) {
        List<SubmittedMaterial> list = new ArrayList<>();
        for (ItemContent.Material m : item.content().materials()) {
            boolean required = m.requirement() != ItemContent.Requirement.CONDITIONAL;
            if (!required && random().nextInt(3) != 0) {
                continue;
            }
            if (m.commitmentAllowed() && !corrected && random().nextBoolean()) {
                list.add(new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.COMMITMENT, null, null));
            }
            else if (m.deferrable() && !corrected && random().nextInt(8) == 0) {
                list.add(new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.DEFERRED, null, null));
            }
            else if (m.replaced()) {
                list.add(new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.BY_REFERENCE,
                        "1.2.156.3005.2." + Long.toString(Math.abs(random().nextLong()) % 1_000_000_000_000L), null));
            }
            else {
                list.add(new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.FILE,
                        CaseAudit.sha256(m.name() + random().nextLong()), m.name() + ".pdf"));
            }
        }
        return list;
    }

    /** Everything after submission, until the case ends or the next act would fall after now. */
    private void handle(Life life, Item item, Actor applicant) {
        Case c = life.c;
        UUID department = item.terms().handlingDepartmentId();
        Actor acceptor = random().nextInt(5) < 4 ? pick(staff.clerks()) : reviewer(department);
        int r = random().nextInt(1000);
        if (r < 20) {
            Instant at = after(life.last, random().nextInt(3));
            if (deemed(life, at)) {
                process(life, item, applicant);
            }
            else if (due(at)) {
                c.withdraw(act(applicant, at), "不需要办理了");
                life.save(at);
            }
            return;
        }
        if (r < 45) {
            Instant at = after(life.last, delay(2));
            if (deemed(life, at)) {
                process(life, item, applicant);
            }
            else if (due(at)) {
                c.refuseToAccept(act(acceptor, at), "不属于本部门职权范围，请向有关行政机关申请");
                life.save(at);
            }
            return;
        }
        if (r < 110) {
            Instant at = after(life.last, delay(2));
            if (deemed(life, at)) {
                process(life, item, applicant);
                return;
            }
            if (!due(at)) {
                return;
            }
            String material = c.materials().isEmpty() ? "申请书" : c.materials().getFirst().name();
            c.requestCorrection(act(acceptor, at), List.of(new Correction.Item(material, "材料内容不完整，请补充后重新提交")));
            life.save(at);
            if (random().nextInt(8) == 0) {
                return;  // never corrected: stays awaiting correction
            }
            at = afterNaturalDays(life.last, 1 + random().nextInt(15));
            if (!due(at)) {
                return;
            }
            c.resubmit(act(applicant, at), List.of(new SubmittedMaterial(material, SubmittedMaterial.Provision.FILE,
                    CaseAudit.sha256(material + random().nextLong()), material + "（补正）.pdf")));
            life.save(at);
        }
        Instant at = after(life.last, delay(2));
        if (deemed(life, at)) {
            process(life, item, applicant);
            return;
        }
        if (!due(at)) {
            return;
        }
        Map<String, LocalDate> deferredDue = new HashMap<>();
        for (SubmittedMaterial m : c.materials()) {
            if (m.provision() == SubmittedMaterial.Provision.DEFERRED) {
                deferredDue.put(m.name(), LocalDate.ofInstant(at, CITY).plusDays(10 + random().nextInt(20)));
            }
        }
        c.accept(act(acceptor, at), deferredDue);
        life.save(at);
        process(life, item, applicant);
    }

    /**
     * 视为受理: an act planned after the acceptance deadline comes too late, since the deadline watch deems the
     * application accepted on the day after it (at ten past midnight, its first pass of that day). True when the
     * watch has done so by now.
     */
    private boolean deemed(Life life, Instant planned) {
        Case c = life.c;
        LocalDate due = clock.acceptanceDue(c.snapshot().acceptanceClockFrom());
        Instant watch = due.plusDays(1).atTime(0, 10).atZone(CITY).toInstant();
        if (!planned.isAfter(watch) || !due(watch)) {
            return false;
        }
        c.deemAccepted(act(Actor.platform(), watch));
        life.save(watch);
        return true;
    }

    private void process(Life life, Item item, Actor applicant) {
        Case c = life.c;
        if (c.status() != CaseStatus.IN_PROGRESS) {
            return;  // completed at acceptance (即办件)
        }
        UUID department = item.terms().handlingDepartmentId();
        CaseTerms terms = item.terms();
        boolean suspends = !terms.specialProcedures().isEmpty() && random().nextInt(100) < 15;
        boolean extendsLimit = terms.extension() != null && random().nextInt(100) < 2;
        boolean withdraws = random().nextInt(200) == 0;
        boolean rejects = random().nextInt(100) < 4;
        while (c.status() == CaseStatus.IN_PROGRESS) {
            int step = c.step();
            Actor handler = actorFor(terms.step(step).role(), department);
            Instant at = after(life.last, delay(1));
            if (!due(at)) {
                return;
            }
            if (withdraws && step == 0) {
                c.withdraw(act(applicant, at), "已在其他地方办理");
                life.save(at);
                return;
            }
            c.claim(act(handler, at));
            life.save(at);
            for (DeferredMaterial m : c.deferred()) {
                if (m.outstanding()) {
                    at = afterNaturalDays(life.last, 1 + random().nextInt(10));
                    if (!due(at)) {
                        return;
                    }
                    c.receiveDeferredMaterial(act(handler, at), m.name());
                    life.save(at);
                }
            }
            if (suspends && step == 0) {
                suspends = false;
                at = after(life.last, random().nextInt(2));
                if (!due(at)) {
                    return;
                }
                String procedure = terms.specialProcedures().getFirst();
                c.suspend(act(handler, at), procedure, "需" + procedure + "，依法暂停计算办理时限");
                life.save(at);
                at = afterNaturalDays(life.last, 5 + random().nextInt(55));
                if (!due(at)) {
                    return;
                }
                c.resume(act(handler, at), procedure + "完成，结果符合要求");
                life.save(at);
            }
            if (extendsLimit && step == terms.lastStep()) {
                extendsLimit = false;
                at = after(life.last, delay(2));
                if (!due(at)) {
                    return;
                }
                c.extend(act(head(department), at), "案情复杂，需延长审批期限");
                life.save(at);
            }
            at = after(life.last, delay(2));
            if (!due(at)) {
                return;
            }
            if (step < terms.lastStep()) {
                c.completeStep(act(handler, at), OPINIONS[random().nextInt(OPINIONS.length)]);
            }
            else if (rejects) {
                c.reject(act(handler, at), "经审查不符合法定条件", "《中华人民共和国行政许可法》第三十八条第二款");
            }
            else {
                c.approve(act(handler, at), OPINIONS[random().nextInt(OPINIONS.length)]);
            }
            life.save(at);
        }
        if (c.status() == CaseStatus.APPROVED) {
            Instant at = after(life.last, delay(1));
            if (!due(at)) {
                return;
            }
            c.complete(act(random().nextBoolean() ? pick(staff.clerks()) : reviewer(department), at));
            life.save(at);
            if (c.commitmentCheck() == null) {
                return;
            }
            // 告知承诺事后核查: the department checks within a few weeks, so recent ones are still pending; one in 300
            // commitments is found false and the decision revoked.
            at = afterNaturalDays(life.last, 10 + random().nextInt(80));
            if (!due(at)) {
                return;
            }
            boolean truthful = random().nextInt(300) != 0;
            c.checkCommitment(act(reviewer(department), at), truthful,
                    truthful ? "经现场核查，承诺内容属实" : "经核查，申请人承诺的经营场所与实际不符");
            life.save(at);
            if (!truthful) {
                at = after(life.last, delay(2));
                if (!due(at)) {
                    return;
                }
                c.revoke(act(head(department), at), "核查发现申请人承诺的内容与实际不符");
                life.save(at);
            }
        }
    }

    private Actor actorFor(Role role, UUID department) {
        return switch (role) {
            case WINDOW_CLERK -> pick(staff.clerks());
            case DEPARTMENT_HEAD -> head(department);
            default -> reviewer(department);
        };
    }

    /** One of the department's reviewers; the first (the demo reviewer where there is one) takes a fifth of the work. */
    private Actor reviewer(UUID department) {
        List<Actor> list = staff.reviewers().get(department);
        return random().nextInt(5) == 0 ? list.getFirst() : list.get(random().nextInt(list.size()));
    }

    private Actor head(UUID department) {
        return pick(staff.heads().get(department));
    }

    // ---- rows ----

    private void caseRow(Batch batch, Life life) {
        Map<String, Object> p = cases.insertParameters(life.c, life.last);
        row(batch.cases, p.get("id"), p.get("number"), p.get("itemCode"), p.get("itemVersion"), p.get("itemName"),
                p.get("department"), p.get("centre"), p.get("applicant"), p.get("applicantName"), p.get("status"),
                p.get("step"), p.get("stepRole"), p.get("stepName"), p.get("assignee"), p.get("receivedOn"),
                p.get("acceptanceDue"), p.get("promisedDue"), p.get("statutoryDue"), p.get("due"), p.get("submittedAt"),
                p.get("now"), p.get("mobileTail"), life.seq, life.head, p.get("state"), life.saves,
                p.get("commitmentCheck"), p.get("commitmentCheckDue"));
    }

    private static final String CASE_COLUMNS = """
            id, number, item_code, item_version, item_name, department_id, accepting_centre, applicant_id,
            applicant_name, status, step, step_role, step_name, assignee_id, received_on, acceptance_due, promised_due,
            statutory_due, due, submitted_at, updated_at, mobile_tail, audit_seq, audit_head, state, version,
            commitment_check, commitment_check_due""";

    /** The alerts the deadline watch has raised by now for an open case: due soon, and overdue once past. */
    private void alerts(Batch batch, Case c) {
        if (c.status() != CaseStatus.SUBMITTED && c.status() != CaseStatus.IN_PROGRESS && c.status() != CaseStatus.APPROVED) {
            return;
        }
        LocalDate due = c.deadlines().earliest();
        if (due == null) {
            return;
        }
        Deadline which = c.status() == CaseStatus.SUBMITTED ? Deadline.ACCEPTANCE
                : due.equals(c.deadlines().promisedDue()) ? Deadline.PROMISED : Deadline.STATUTORY;
        boolean overdue = due.isBefore(today);
        boolean soon = !overdue && !due.isAfter(calendar.addWorkingDays(today, dueSoonWorkingDays));
        if (overdue || soon) {
            row(batch.alerts, c.id().value(), which.name(), due, "DUE_SOON", now);
        }
        if (overdue) {
            row(batch.alerts, c.id().value(), which.name(), due, "OVERDUE", now);
        }
    }

    private long reserveNumbers(int n) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            var rs = s.executeQuery("SELECT setval('cases_number_seq', nextval('cases_number_seq') + " + (n - 1) + ") - "
                    + (n - 1));
            rs.next();
            return rs.getLong(1);
        }
    }

    private void write(Batch batch) throws SQLException, java.io.IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY cases_case (" + CASE_COLUMNS + ") FROM STDIN", new StringReader(batch.cases.toString()));
            copy.copyIn("""
                    COPY cases_entry (case_id, seq, event, actor_id, actor_name, actor_role, occurred_at, recorded_at,
                        from_status, to_status, opinion, deadlines_before, deadlines_after, payload, previous_hash, hash)
                    FROM STDIN""", new StringReader(batch.entries.toString()));
            copy.copyIn("COPY cases_submission (applicant_id, idempotency_key, request_hash, case_id, created_at) FROM STDIN",
                    new StringReader(batch.submissions.toString()));
            copy.copyIn("COPY cases_deadline_alert (case_id, deadline, due, level, raised_at) FROM STDIN",
                    new StringReader(batch.alerts.toString()));
            connection.commit();
        }
    }

    /** One line of COPY's text format: tab-separated, {@code \N} for null, backslash and control characters escaped. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
                continue;
            }
            String text = v instanceof Timestamp t ? t.toInstant().toString() : v.toString();
            if (plain(text)) {
                out.append(text);
                continue;
            }
            for (int k = 0; k < text.length(); k++) {
                char ch = text.charAt(k);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }

    private static boolean plain(String text) {
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch == '\\' || ch < ' ') {
                return false;
            }
        }
        return true;
    }

    // ---- drawing ----

    private <T> T pick(List<T> list) {
        return list.get(random().nextInt(list.size()));
    }

    private <T> T pick(List<T> list, double[] cumulative) {
        double r = random().nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < r) {
                lo = mid + 1;
            }
            else {
                hi = mid;
            }
        }
        return list.get(lo);
    }

    static double[] zipf(int n, double exponent) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = 1 / Math.pow(k + 1, exponent);
        }
        return w;
    }

    private static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            c[i] = total;
        }
        return c;
    }
}
