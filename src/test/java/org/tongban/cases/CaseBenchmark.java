package org.tongban.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.calendar.CalendarManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.CatalogueDocument;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemVersion;
import org.tongban.identity.BenchAccounts;
import org.tongban.identity.Department;
import org.tongban.identity.DepartmentManagement;
import org.tongban.identity.Role;
import org.tongban.shared.Paging;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Cases at a million (docs/benchmarks.md, "Cases"): fills the database with {@link CaseGenerator} up to
 * {@code tongban.bench.cases} (1,000,000) cases over the demo catalogue, then times the staff inbox of the market
 * regulation bureau's reviewer in each view and an applicant's own list, first page and the deepest page a person
 * may ask for, through {@link CaseManagement} as a signed-in request calls it; explains each query to show which
 * index it uses; and writes what the HTTP benchmark submits (bench/cases-http.sh). Runs only when asked: timings
 * depend on the machine. Keep the data outside {@code target/} with {@code -Dtongban.data-dir=…} and
 * {@code -Dtongban.embedded-postgres.data-dir=…/postgres}, so that the jar can start on it.
 */
@TongbanTest
@EnabledIfSystemProperty(named = "tongban.bench", matches = "true")
class CaseBenchmark {

    static final String PASSWORD = "tongban2026";
    static final String MARKET_REGULATION = "11377000HC00002511";
    /** The departments most cases go to, and their shares; the other departments share the rest evenly. */
    static final Map<String, Double> BIG_DEPARTMENTS = Map.of(
            MARKET_REGULATION, 0.34,     // 市场监督管理局: business licences, food and drug permits
            "11377000HC0000104F", 0.12,  // 人力资源和社会保障局
            "12377000HC0000294B", 0.10,  // 社会保险事业中心
            "11377000HC00000679", 0.09,  // 公安局
            "11377000HC0000315Y", 0.07,  // 税务局
            "11377000HC000026XQ", 0.06); // 医疗保障局

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired JsonMapper json;
    @Autowired Cases cases;
    @Autowired CaseLists lists;
    @Autowired CaseManagement management;
    @Autowired CasesProperties properties;
    @Autowired CatalogManagement catalog;
    @Autowired DepartmentManagement departments;
    @Autowired CalendarManagement calendars;
    @Autowired SignedIn signedIn;
    @Autowired PlatformTransactionManager transactions;

    private final StringBuilder report = new StringBuilder();

    @Test
    void inboxAndApplicantListAtAMillionCases() throws Exception {
        int wanted = Integer.getInteger("tongban.bench.cases", 1_000_000);
        Duration budget = Duration.parse(System.getProperty("tongban.bench.generate-for", "PT24H"));
        BenchAccounts.ensure(context, Integer.getInteger("tongban.bench.citizens", 9_000),
                Integer.getInteger("tongban.bench.enterprises", 1_000), PASSWORD);
        List<CaseGenerator.Item> items = items();
        long have = count();
        if (have < wanted) {
            Instant now = Instant.now();
            CaseGenerator generator = new CaseGenerator(dataSource, json, cases, management.caseClock(),
                    calendars.calendar(), properties.regionCode(), now, items, BenchAccounts.applicants(jdbc), staff(items),
                    properties.dueSoonWorkingDays(), now.toEpochMilli());
            CaseGenerator.Written written = generator.generate((int) (wanted - have), budget,
                    Integer.getInteger("tongban.bench.threads", Runtime.getRuntime().availableProcessors()));
            print("Generated %,d cases with %,d audit entries in %.0f s (%d cases stopped early by a refused transition: %s)",
                    written.cases(), written.entries(), written.took().toSeconds() * 1.0, written.failures(),
                    generator.failureSamples());
            long analyzed = System.nanoTime();
            jdbc.sql("VACUUM ANALYZE cases_case").update();
            jdbc.sql("VACUUM ANALYZE cases_entry").update();
            jdbc.sql("VACUUM ANALYZE cases_submission").update();
            jdbc.sql("VACUUM ANALYZE cases_deadline_alert").update();
            print("VACUUM ANALYZE in %.0f s", (System.nanoTime() - analyzed) / 1e9);
            have = count();
        }
        assumeTrue(have >= wanted, "only " + have + " of " + wanted + " cases yet: run again to generate the rest");
        describeData();
        writeApplicationsForHttp(items);
        measure();
        Path out = Path.of("target/bench/cases.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM cases_case").query(Long.class).single();
    }

    // ---- the data ----

    /** Every demo item that can be applied for online, weighted so that a few departments get most cases. */
    private List<CaseGenerator.Item> items() throws Exception {
        record Found(ItemVersion version, Department department) {
        }
        List<Found> found = new ArrayList<>();
        for (String file : List.of("demo/catalogue/10-person.json", "demo/catalogue/20-organisation.json")) {
            for (ItemContent item : json.readValue(new ClassPathResource(file).getInputStream(), CatalogueDocument.class).items()) {
                catalog.inForce(item.implementationCode())
                        .filter(v -> v.content().handlingForms().contains(ItemContent.HandlingForm.ONLINE))
                        .ifPresent(v -> departments.byCreditCode(v.content().departmentCreditCode())
                                .ifPresent(d -> found.add(new Found(v, d))));
            }
        }
        Map<String, Double> shares = BIG_DEPARTMENTS;
        Map<String, List<Found>> byDepartment = new LinkedHashMap<>();
        found.forEach(f -> byDepartment.computeIfAbsent(f.department().creditCode(), k -> new ArrayList<>()).add(f));
        double big = byDepartment.keySet().stream().filter(shares::containsKey).mapToDouble(shares::get).sum();
        long others = byDepartment.keySet().stream().filter(k -> !shares.containsKey(k)).count();
        List<CaseGenerator.Item> items = new ArrayList<>();
        byDepartment.forEach((code, list) -> {
            double share = shares.getOrDefault(code, (1 - big) / others);
            // Within a department a few items are asked for most (Zipf's law, exponent 1).
            double[] zipf = CaseGenerator.zipf(list.size(), 1.0);
            double total = Arrays.stream(zipf).sum();
            for (int i = 0; i < list.size(); i++) {
                Found f = list.get(i);
                items.add(new CaseGenerator.Item(f.version().itemCode(), f.version().versionNo(),
                        CaseTermsFromItem.of(f.version().content(), f.department().id()), f.version().content(),
                        share * zipf[i] / total));
            }
        });
        return items;
    }

    /** The clerks at the counter and each department's reviewers and heads: the demo accounts where there are some. */
    private CaseGenerator.Staff staff(List<CaseGenerator.Item> items) {
        record Account(UUID id, String name, UUID department) {
        }
        Map<String, Account> demo = new LinkedHashMap<>();
        jdbc.sql("SELECT username, id, display_name, department_id FROM identity_account WHERE username IN "
                        + "('clerk', 'reviewer.scj', 'head.scj')")
                .query((rs, n) -> demo.put(rs.getString(1), new Account(rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class)))).list();
        Account clerk = demo.get("clerk");
        List<Actor> clerks = new ArrayList<>();
        clerks.add(new Actor(clerk.id(), clerk.name(), Role.WINDOW_CLERK, clerk.department()));
        for (int i = 1; i < 8; i++) {
            clerks.add(new Actor(UUID.nameUUIDFromBytes(("clerk-" + i).getBytes()), "综合窗口 " + "甲乙丙丁戊己庚".charAt(i - 1)
                    + "（市政务服务中心）", Role.WINDOW_CLERK, clerk.department()));
        }
        Map<UUID, List<Actor>> reviewers = new LinkedHashMap<>();
        Map<UUID, List<Actor>> heads = new LinkedHashMap<>();
        for (CaseGenerator.Item item : items) {
            UUID department = item.terms().handlingDepartmentId();
            if (reviewers.containsKey(department)) {
                continue;
            }
            String shortName = departments.byId(department).map(Department::shortName).orElse("部门");
            List<Actor> r = new ArrayList<>();
            List<Actor> h = new ArrayList<>();
            boolean market = MARKET_REGULATION.equals(item.content().departmentCreditCode());
            if (market) {
                Account reviewer = demo.get("reviewer.scj");
                Account head = demo.get("head.scj");
                r.add(new Actor(reviewer.id(), reviewer.name(), Role.DEPARTMENT_REVIEWER, department));
                h.add(new Actor(head.id(), head.name(), Role.DEPARTMENT_HEAD, department));
            }
            for (int i = r.size(); i < (market ? 5 : 3); i++) {
                r.add(new Actor(UUID.nameUUIDFromBytes((department + "-reviewer-" + i).getBytes()),
                        "审批人员 " + "赵钱孙李周".charAt(i) + "（" + shortName + "）", Role.DEPARTMENT_REVIEWER, department));
            }
            if (h.isEmpty()) {
                h.add(new Actor(UUID.nameUUIDFromBytes((department + "-head").getBytes()), "科室负责人（" + shortName + "）",
                        Role.DEPARTMENT_HEAD, department));
            }
            reviewers.put(department, r);
            heads.put(department, h);
        }
        return new CaseGenerator.Staff(clerks, reviewers, heads);
    }

    private void describeData() {
        print("Cases by status:");
        jdbc.sql("""
                SELECT status, count(*), min(received_on), percentile_disc(0.5) WITHIN GROUP (ORDER BY received_on),
                    max(received_on), count(*) FILTER (WHERE due < current_date)
                FROM cases_case GROUP BY status ORDER BY count(*) DESC""")
                .query((rs, n) -> print("  %-20s %,9d  received %s … %s (median %s), %,d past due", rs.getString(1),
                        rs.getLong(2), rs.getString(3), rs.getString(5), rs.getString(4), rs.getLong(6))).list();
        UUID market = departments.byCreditCode(MARKET_REGULATION).orElseThrow().id();
        print("Market regulation (市场监督管理局): %,d cases, %,d open, %,d overdue, %,d claimed by reviewer.scj",
                jdbc.sql("SELECT count(*) FROM cases_case WHERE department_id = ?").param(market).query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM cases_case WHERE department_id = ? AND status IN ('SUBMITTED', "
                        + "'AWAITING_CORRECTION', 'IN_PROGRESS', 'SUSPENDED', 'APPROVED')").param(market).query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM cases_case WHERE department_id = ? AND status IN ('SUBMITTED', "
                        + "'AWAITING_CORRECTION', 'IN_PROGRESS', 'SUSPENDED', 'APPROVED') AND due < current_date")
                        .param(market).query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM cases_case c JOIN identity_account a ON a.id = c.assignee_id "
                        + "WHERE a.username = 'reviewer.scj' AND c.status IN ('IN_PROGRESS', 'SUSPENDED')")
                        .query(Long.class).single());
        print("Applicants: %,d with cases; the most cases %s; median %s",
                jdbc.sql("SELECT count(DISTINCT applicant_id) FROM cases_case").query(Long.class).single(),
                jdbc.sql("SELECT max(n) FROM (SELECT count(*) n FROM cases_case GROUP BY applicant_id) x").query(Long.class).single(),
                jdbc.sql("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM (SELECT count(*) n FROM cases_case "
                        + "GROUP BY applicant_id) x").query(Long.class).single());
        print("Table sizes: cases_case %s, cases_entry %s (%,d entries), cases_submission %s",
                size("cases_case"), size("cases_entry"),
                jdbc.sql("SELECT count(*) FROM cases_entry").query(Long.class).single(), size("cases_submission"));
    }

    private String size(String table) {
        return jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size(?::regclass))").param(table).query(String.class).single();
    }

    // ---- what the HTTP benchmark submits ----

    /** bench/material.pdf, which bench/cases-http.sh has each signed-in applicant upload once before the run. */
    static final String BENCH_FILE_SHA256 = "2eddfe74d9961c7180fc939fc5f8c048a0f07987775db8e358de2f88aeba525c";

    /**
     * One valid application per item for each kind of applicant, materials by commitment where the item allows one,
     * else the file every benchmark applicant uploaded before (bench/material.pdf, attached by its hash, no upload
     * in the request: the licence references the demo sources offer differ for every applicant),
     * each proven by submitting it once here; the shell script's wrk sends them with fresh keys.
     */
    private void writeApplicationsForHttp(List<CaseGenerator.Item> items) throws Exception {
        byte[] benchFile = Files.readAllBytes(Path.of("bench/material.pdf"));
        assertThat(CaseAudit.sha256(benchFile)).isEqualTo(BENCH_FILE_SHA256);
        Random random = new Random(7);
        List<String> persons = new ArrayList<>();
        List<String> organisations = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        LocalDate today = LocalDate.now(java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai")));
        for (CaseGenerator.Item item : items) {
            for (boolean organisation : new boolean[] {false, true}) {
                if (organisation ? !item.forOrganisations() : !item.forPersons()) {
                    continue;
                }
                List<SubmittedMaterial> materials = new ArrayList<>();
                for (ItemContent.Material m : item.content().materials()) {
                    if (m.requirement() == ItemContent.Requirement.CONDITIONAL) {
                        continue;
                    }
                    materials.add(m.commitmentAllowed()
                            ? new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.COMMITMENT, null, null)
                            : new SubmittedMaterial(m.name(), SubmittedMaterial.Provision.FILE, BENCH_FILE_SHA256,
                            "材料.pdf"));
                }
                Application application = new Application(item.code(), null,
                        FormAnswers.answer(item.content().applicationForm(), organisation ? "海川示例科技有限公司" : "张海川",
                                today, random),
                        materials, new Intake.Delivery(Intake.Delivery.Method.ELECTRONIC, null));
                String login = organisation ? "91377002HC10000182" : "13800000001";
                signedIn.as(login, () -> management.upload("file", "材料.pdf", benchFile));
                try {
                    // Submitted to prove it passes, then rolled back: reruns add no cases.
                    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                        tx.setRollbackOnly();
                        signedIn.as(login, () -> management.submit(application, "bench-check-" + UUID.randomUUID()));
                    });
                    (organisation ? organisations : persons).add(json.writeValueAsString(application));
                }
                catch (RuntimeException e) {
                    refused.add(item.code() + " " + item.terms().itemName() + ": " + e.getMessage());
                }
            }
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.write(Path.of("target/bench/cases-applications-person.txt"), persons);
        Files.write(Path.of("target/bench/cases-applications-organisation.txt"), organisations);
        print("Applications for the HTTP benchmark: %d for persons, %d for organisations; %d refused%s", persons.size(),
                organisations.size(), refused.size(), refused.isEmpty() ? "" : ": " + String.join("; ", refused.subList(0,
                        Math.min(5, refused.size()))));
        assertThat(persons).isNotEmpty();
        assertThat(organisations).isNotEmpty();
    }

    // ---- timings ----

    private record Probe(String name, String login, Supplier<CaseLists.Query> query, Supplier<Inbox.Page> call) {
    }

    private void measure() {
        UUID market = departments.byCreditCode(MARKET_REGULATION).orElseThrow().id();
        UUID reviewer = jdbc.sql("SELECT id FROM identity_account WHERE username = 'reviewer.scj'").query(UUID.class).single();
        LocalDate today = LocalDate.now(java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai")));
        LocalDate soon = management.dueSoonUntil(today);
        record Heavy(UUID id, String login, long cases) {
        }
        Heavy heavy = jdbc.sql("""
                SELECT a.id, a.username, count(*) FROM cases_case c JOIN identity_account a ON a.id = c.applicant_id
                GROUP BY a.id, a.username ORDER BY count(*) DESC LIMIT 1""")
                .query((rs, n) -> new Heavy(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3))).single();
        Heavy typical = jdbc.sql("""
                SELECT a.id, a.username, count(*) FROM cases_case c JOIN identity_account a ON a.id = c.applicant_id
                GROUP BY a.id, a.username HAVING count(*) BETWEEN 40 AND 60 ORDER BY a.username LIMIT 1""")
                .query((rs, n) -> new Heavy(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3))).single();
        print("Heavy applicant %s: %,d cases; typical applicant %s: %,d cases", heavy.login(), heavy.cases(),
                typical.login(), typical.cases());
        List<Probe> probes = new ArrayList<>();
        for (Inbox.View view : Inbox.View.values()) {
            for (int page : new int[] {1, 50}) {
                Paging paging = Paging.of(page, 20, Paging.MAX_RESULTS);
                probes.add(new Probe("inbox " + view + " page " + page, "reviewer.scj",
                        () -> lists.inboxQuery(market, new Inbox(view, null), reviewer, Role.DEPARTMENT_REVIEWER.name(),
                                today, soon, paging),
                        () -> management.inbox(new Inbox(view, null), page, 20)));
            }
        }
        for (Heavy who : List.of(heavy, typical)) {
            for (int page : who.cases() > 1000 ? new int[] {1, 50} : new int[] {1, (int) Math.max(1, (who.cases() - 1) / 20)}) {
                Paging paging = Paging.of(page, 20, Paging.MAX_RESULTS);
                probes.add(new Probe("mine (" + who.cases() + " cases) page " + page, who.login(),
                        () -> lists.mineQuery(who.id(), paging), () -> management.mine(page, 20)));
            }
        }
        StringBuilder plans = new StringBuilder();
        for (Probe p : probes) {
            CaseLists.Query q = p.query().get();
            List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + q.sql()).params(q.params()).query(String.class).list();
            plans.append("== ").append(p.name()).append('\n').append(q.sql()).append('\n');
            plan.forEach(line -> plans.append(line).append('\n'));
            plans.append('\n');
            assertThat(String.join("\n", plan)).as(p.name()).doesNotContain("Seq Scan on cases_case");
            if (p.name().startsWith("inbox MINE")) {
                assertThat(String.join("\n", plan)).as(p.name()).contains("cases_case_open_assignee_idx");
            }
            if (p.name().startsWith("inbox UNASSIGNED")) {
                assertThat(String.join("\n", plan)).as(p.name()).contains("cases_case_open_unassigned_idx");
            }
        }
        try {
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/cases-plans.txt"), plans);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int warmUp = Integer.getInteger("tongban.bench.warm-up", 200);
        int rounds = Integer.getInteger("tongban.bench.rounds", 1000);
        long[][] nanos = new long[probes.size()][rounds];
        int[] rows = new int[probes.size()];
        for (int round = -warmUp; round < rounds; round++) {
            for (int i = 0; i < probes.size(); i++) {
                Probe p = probes.get(i);
                long t = System.nanoTime();
                Inbox.Page page = signedIn.as(p.login(), p.call());
                long took = System.nanoTime() - t;
                if (round >= 0) {
                    nanos[i][round] = took;
                    rows[i] = page.cases().size();
                }
            }
        }
        print("In-process, %d calls each after %d to warm up (CaseManagement as a signed-in request calls it):", rounds, warmUp);
        for (int i = 0; i < probes.size(); i++) {
            long[] n = nanos[i];
            Arrays.sort(n);
            print("  %-34s %3d rows  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms", probes.get(i).name(), rows[i],
                    n[rounds / 2] / 1e6, n[(int) (rounds * 0.95)] / 1e6, n[(int) (rounds * 0.99)] / 1e6);
        }
    }

    private Object print(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        report.append(line).append('\n');
        return line;
    }
}
