// The database side of the cases benchmarks (docs/benchmarks.md, "Cases"), run from source with the application's
// libraries: java -cp 'target/tongban/lib/*' bench/CasesJdbc.java <command> … ; connects to the embedded PostgreSQL of
// a running (or killed) application through PGPORT and the password kept beside its data directory (PGDATA_DIR).
//
//   applicants <n>                  n generated citizens and n generated enterprises to sign in ("P login", "O login")
//   settings                        fsync, synchronous_commit and the other settings that decide durability
//   stats                           counters (rows written per table, commits, WAL) to compare before and after a run
//   cases-since <epoch-ms>          cases submitted since then
//   bare <threads> <seconds> <since-epoch-ms>
//                                   inserts, from that many threads through plain JDBC, copies of the rows the
//                                   application wrote for cases submitted since then (case row, idempotency row,
//                                   audit row, event publication row), one transaction each, into a scratch schema
//   check <answers-file> <key-prefix>
//                                   the reliability check: every key answered 201 or 200 has exactly one case, with
//                                   the number the client was given, and no key or case is left over

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

public class CasesJdbc {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: CasesJdbc settings|stats|cases-since|bare|check …");
            System.exit(2);
        }
        switch (args[0]) {
            case "applicants" -> applicants(Integer.parseInt(args[1]));
            case "settings" -> settings();
            case "stats" -> stats();
            case "cases-since" -> casesSince(Long.parseLong(args[1]));
            case "bare" -> bare(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            case "check" -> System.exit(check(Path.of(args[1]), args[2]) ? 0 : 1);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    static Connection connect() throws Exception {
        String port = System.getenv().getOrDefault("PGPORT", "54329");
        Path dataDir = Path.of(System.getenv().getOrDefault("PGDATA_DIR", "bench-data/cases/postgres"));
        String password = Files.readString(dataDir.resolveSibling(dataDir.getFileName() + ".password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password);
    }

    static void applicants(int n) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            // Accounts from the middle of the generated ones: ordinary applicants with a few dozen cases each.
            for (String[] kind : new String[][] {{"P", "137"}, {"O", "136"}}) {
                try (ResultSet rs = s.executeQuery("SELECT username FROM identity_account WHERE mobile LIKE '" + kind[1]
                        + "%' ORDER BY mobile OFFSET 500 LIMIT " + n)) {
                    while (rs.next()) {
                        System.out.println(kind[0] + " " + rs.getString(1));
                    }
                }
            }
        }
    }

    static void settings() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method",
                    "shared_buffers", "max_connections", "server_version")) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    System.out.println(name + " = " + rs.getString(1));
                }
            }
        }
    }

    static void stats() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables
                    WHERE relname IN ('cases_case', 'cases_submission', 'cases_entry', 'event_publication',
                        'spring_session', 'spring_session_attributes', 'identity_account')""")) {
                while (rs.next()) {
                    System.out.println(rs.getString(1) + ".inserted " + rs.getLong(2));
                    System.out.println(rs.getString(1) + ".updated " + rs.getLong(3));
                    System.out.println(rs.getString(1) + ".deleted " + rs.getLong(4));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                System.out.println("database.commits " + rs.getLong(1));
                System.out.println("database.rollbacks " + rs.getLong(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT wal_records, wal_bytes, wal_write, wal_sync FROM pg_stat_wal")) {
                rs.next();
                System.out.println("wal.records " + rs.getLong(1));
                System.out.println("wal.bytes " + rs.getLong(2));
                System.out.println("wal.writes " + rs.getLong(3));
                System.out.println("wal.fsyncs " + rs.getLong(4));
            }
        }
    }

    static void casesSince(long epochMillis) throws Exception {
        try (Connection c = connect();
             PreparedStatement p = c.prepareStatement("SELECT count(*) FROM cases_case WHERE submitted_at >= ?")) {
            p.setTimestamp(1, new java.sql.Timestamp(epochMillis));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                System.out.println(rs.getLong(1));
            }
        }
    }

    /** One submission's rows as the application wrote them. */
    record Sample(Map<String, Object> row, Map<String, Object> submission, Map<String, Object> entry) {
    }

    static void bare(int threads, int seconds, long since) throws Exception {
        List<Sample> samples = new ArrayList<>();
        String publication;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench_bare CASCADE");
            s.execute("CREATE SCHEMA bench_bare");
            // The same columns, defaults, keys and indexes (the partial ones too), empty.
            for (String table : List.of("cases_case", "cases_submission", "cases_entry", "event_publication")) {
                s.execute("CREATE TABLE bench_bare." + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
            s.execute("ALTER TABLE bench_bare.cases_entry ADD FOREIGN KEY (case_id) REFERENCES bench_bare.cases_case (id)");
            s.execute("ALTER TABLE bench_bare.cases_submission ADD FOREIGN KEY (case_id) REFERENCES bench_bare.cases_case (id) "
                    + "DEFERRABLE INITIALLY DEFERRED");
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT c.*, s.applicant_id AS s_applicant, s.idempotency_key AS s_key, s.request_hash AS s_hash,
                        e.seq AS e_seq, e.event AS e_event, e.actor_id AS e_actor, e.actor_name AS e_actor_name,
                        e.actor_role AS e_role, e.occurred_at AS e_occurred, e.recorded_at AS e_recorded,
                        e.from_status AS e_from, e.to_status AS e_to, e.opinion AS e_opinion,
                        e.deadlines_before AS e_before, e.deadlines_after AS e_after, e.payload AS e_payload,
                        e.previous_hash AS e_previous, e.hash AS e_hash
                    FROM cases_case c JOIN cases_submission s ON s.case_id = c.id
                    JOIN cases_entry e ON e.case_id = c.id AND e.seq = 1
                    WHERE c.submitted_at >= ? ORDER BY c.submitted_at LIMIT 2000""")) {
                p.setTimestamp(1, new java.sql.Timestamp(since));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new HashMap<>();
                        for (String col : List.of("item_code", "item_version", "item_name", "department_id",
                                "accepting_centre", "applicant_id", "applicant_name", "status", "step", "step_role",
                                "step_name", "assignee_id", "received_on", "acceptance_due", "promised_due",
                                "statutory_due", "due", "submitted_at", "updated_at", "mobile_tail", "audit_seq",
                                "audit_head", "state", "version")) {
                            row.put(col, rs.getObject(col));
                        }
                        Map<String, Object> submission = Map.of("hash", rs.getString("s_hash"));
                        Map<String, Object> entry = new HashMap<>();
                        for (String col : List.of("e_seq", "e_event", "e_actor", "e_actor_name", "e_role", "e_occurred",
                                "e_recorded", "e_from", "e_to", "e_opinion", "e_before", "e_after", "e_payload",
                                "e_previous", "e_hash")) {
                            entry.put(col, rs.getObject(col));
                        }
                        samples.add(new Sample(row, submission, entry));
                    }
                }
            }
            if (samples.isEmpty()) {
                throw new IllegalStateException("no case submitted since " + since + " to copy");
            }
            publication = (String) samples.getFirst().entry().get("e_payload");
        }
        LongAdder done = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicLong numbers = new AtomicLong();
        long[] latencies = new long[threads * 200_000];
        AtomicLong latencyCount = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try (Connection c = connect()) {
                    c.setAutoCommit(false);
                    PreparedStatement insertCase = c.prepareStatement("""
                            INSERT INTO bench_bare.cases_case (id, number, item_code, item_version, item_name,
                                department_id, accepting_centre, applicant_id, applicant_name, status, step, step_role,
                                step_name, assignee_id, received_on, acceptance_due, promised_due, statutory_due, due,
                                submitted_at, updated_at, mobile_tail, audit_seq, audit_head, state, version)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now(), ?, ?, ?,
                                CAST(? AS jsonb), ?)""");
                    PreparedStatement insertSubmission = c.prepareStatement("""
                            INSERT INTO bench_bare.cases_submission (applicant_id, idempotency_key, request_hash, case_id,
                                created_at) VALUES (?, ?, ?, ?, now())""");
                    PreparedStatement insertEntry = c.prepareStatement("""
                            INSERT INTO bench_bare.cases_entry (case_id, seq, event, actor_id, actor_name, actor_role,
                                occurred_at, recorded_at, from_status, to_status, opinion, deadlines_before,
                                deadlines_after, payload, previous_hash, hash)
                            VALUES (?, ?, ?, ?, ?, ?, now(), now(), ?, ?, ?, ?, ?, ?, ?, ?)""");
                    PreparedStatement insertPublication = c.prepareStatement("""
                            INSERT INTO bench_bare.event_publication (id, listener_id, event_type, serialized_event,
                                publication_date, status, completion_attempts) VALUES (?, ?, ?, ?, now(), 'PUBLISHED', 0)""");
                    int n = 0;
                    while (System.nanoTime() < end) {
                        Sample sample = samples.get((offset + n++ * threads) % samples.size());
                        UUID id = UUID.randomUUID();
                        long started = System.nanoTime();
                        try {
                            Map<String, Object> r = sample.row();
                            int i = 1;
                            insertCase.setObject(i++, id);
                            insertCase.setString(i++, String.format("9%022d", numbers.incrementAndGet()));
                            for (String col : List.of("item_code", "item_version", "item_name", "department_id",
                                    "accepting_centre", "applicant_id", "applicant_name", "status", "step", "step_role",
                                    "step_name", "assignee_id", "received_on", "acceptance_due", "promised_due",
                                    "statutory_due", "due", "mobile_tail", "audit_seq", "audit_head")) {
                                insertCase.setObject(i++, r.get(col));
                            }
                            insertCase.setString(i++, r.get("state").toString());
                            insertCase.setObject(i, r.get("version"));
                            insertCase.executeUpdate();
                            insertSubmission.setObject(1, r.get("applicant_id"));
                            insertSubmission.setString(2, "bare-" + id);
                            insertSubmission.setString(3, (String) sample.submission().get("hash"));
                            insertSubmission.setObject(4, id);
                            insertSubmission.executeUpdate();
                            Map<String, Object> e = sample.entry();
                            insertEntry.setObject(1, id);
                            int k = 2;
                            for (String col : List.of("e_seq", "e_event", "e_actor", "e_actor_name", "e_role", "e_from",
                                    "e_to", "e_opinion", "e_before", "e_after", "e_payload", "e_previous", "e_hash")) {
                                insertEntry.setObject(k++, e.get(col));
                            }
                            insertEntry.executeUpdate();
                            insertPublication.setObject(1, UUID.randomUUID());
                            insertPublication.setString(2, "org.tongban.insight.CaseStatistics.on(org.tongban.cases.CaseSubmitted)");
                            insertPublication.setString(3, "org.tongban.cases.CaseSubmitted");
                            insertPublication.setString(4, publication);
                            insertPublication.executeUpdate();
                            c.commit();
                            done.increment();
                            long at = latencyCount.getAndIncrement();
                            if (at < latencies.length) {
                                latencies[(int) at] = System.nanoTime() - started;
                            }
                        }
                        catch (SQLException ex) {
                            failed.increment();
                            c.rollback();
                        }
                    }
                }
                catch (Exception ex) {
                    throw new RuntimeException(ex);
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        int count = (int) Math.min(latencyCount.get(), latencies.length);
        long[] sorted = java.util.Arrays.copyOf(latencies, count);
        java.util.Arrays.sort(sorted);
        System.out.printf("bare JDBC, %d threads, %d s: %,d submissions (%.0f/s), %d failed; "
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms per transaction%n", threads, seconds, done.sum(),
                done.sum() / (double) seconds, failed.sum(), sorted[count / 2] / 1e6, sorted[(int) (count * 0.95)] / 1e6,
                sorted[(int) (count * 0.99)] / 1e6);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA bench_bare CASCADE");
        }
    }

    /**
     * Reads the client's answers (lines "key status number") and checks them against the database: each answered
     * key has one idempotency row pointing at one case with the number the client was told; every case of the run
     * has its key; a key is never answered with two numbers.
     */
    static boolean check(Path answers, String prefix) throws Exception {
        Map<String, String> answered = new HashMap<>();
        int created = 0;
        int replayed = 0;
        int conflicting = 0;
        List<String> refusedKeys = new ArrayList<>();
        for (String line : Files.readAllLines(answers)) {
            String[] f = line.split(" ");
            if (f.length < 3) {
                continue;
            }
            if (f[1].equals("201")) {
                created++;
            }
            else if (f[1].equals("200")) {
                replayed++;
            }
            else {
                refusedKeys.add(f[0]);
                System.out.println("key " + f[0] + " refused with HTTP " + f[1] + " (a retry must find its case)");
                continue;
            }
            String earlier = answered.putIfAbsent(f[0], f[2]);
            if (earlier != null && !earlier.equals(f[2])) {
                conflicting++;
                System.out.println("key " + f[0] + " answered with two numbers: " + earlier + " and " + f[2]);
            }
        }
        Map<String, List<String>> inDatabase = new HashMap<>();
        int orphans;
        try (Connection c = connect()) {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT s.idempotency_key, c.number FROM cases_submission s JOIN cases_case c ON c.id = s.case_id
                    WHERE s.idempotency_key LIKE ?""")) {
                p.setString(1, prefix + "%");
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        inDatabase.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            // A case of the run (the client writes the run into the delivery address) without an idempotency row
            // of the run: none should exist.
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT count(*) FROM cases_case c WHERE c.state -> 'intake' -> 'delivery' ->> 'address' = ?
                    AND NOT EXISTS (SELECT 1 FROM cases_submission s WHERE s.case_id = c.id AND s.idempotency_key LIKE ?)""")) {
                p.setString(1, "可靠性测试 " + prefix);
                p.setString(2, prefix + "%");
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    orphans = rs.getInt(1);
                }
            }
        }
        int missing = 0;
        int wrongNumber = 0;
        for (var a : answered.entrySet()) {
            List<String> numbers = inDatabase.get(a.getKey());
            if (numbers == null) {
                missing++;
                System.out.println("answered key without a case: " + a.getKey() + " " + a.getValue());
            }
            else if (!numbers.contains(a.getValue())) {
                wrongNumber++;
                System.out.println("key " + a.getKey() + " answered " + a.getValue() + " but the case is " + numbers);
            }
        }
        long twoCases = inDatabase.values().stream().filter(l -> l.size() > 1).count();
        long unanswered = inDatabase.keySet().stream()
                .filter(k -> !answered.containsKey(k) && !refusedKeys.contains(k)).count();
        long refusedWithCase = refusedKeys.stream().filter(inDatabase::containsKey).count();
        long distinctNumbers = inDatabase.values().stream().flatMap(List::stream).distinct().count();
        System.out.printf("answers: %,d (201 created %,d, 200 found again %,d, refused %,d of which %,d have a case), "
                        + "distinct keys answered %,d%n", created + replayed + refusedKeys.size(), created, replayed,
                refusedKeys.size(), refusedWithCase, answered.size());
        System.out.printf("database: %,d keys of this run, %,d cases for them%n", inDatabase.size(), distinctNumbers);
        System.out.printf("answered keys without a case: %d; answered with another number: %d; keys answered twice "
                        + "differently: %d; keys with two cases: %d; cases without their key: %d; keys committed but "
                        + "never answered (the request in flight when the client stopped): %d%n", missing, wrongNumber,
                conflicting, twoCases, orphans, unanswered);
        boolean ok = missing == 0 && wrongNumber == 0 && conflicting == 0 && twoCases == 0 && orphans == 0
                && refusedKeys.isEmpty();
        System.out.println(ok ? "PASS" : "FAIL");
        return ok;
    }
}
