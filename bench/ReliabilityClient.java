// The client of bench/cases-reliability.sh: submits applications without pause from several workers, each as one of
// the signed-in applicants, a fresh Idempotency-Key per application. On a timeout, a refused connection or a 5xx it
// sends the same request again with the same key until it gets an answer, so that an application whose answer was lost
// (the server killed after its commit, before its reply) comes back 200 with the case the first attempt created.
// Every answer is written as "key status number" to the answers file, one line each, flushed at once; a refusal (400,
// 409), which no retry changes, as "key status -".
//
//   java bench/ReliabilityClient.java <base-url> <run-id> <seconds> <workers> <answers-file> <bodies-dir>
//
// Applicants: the demo accounts (password tongban2026); bodies: cases-applications-{person,organisation}.txt in
// <bodies-dir>, one JSON application per line, as CaseBenchmark writes them.

import java.io.BufferedWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ReliabilityClient {

    static final List<String> PERSONS = List.of("13800000001", "13800000002", "13800000003");
    static final List<String> ORGANISATIONS = List.of("91377002HC10000182", "92377003HC10000268");
    static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    static final Pattern API_CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");
    static final Pattern NUMBER = Pattern.compile("\"number\":\"([0-9X]{23})\"");

    /** A signed-in applicant: its cookies and the session's CSRF token. */
    static final class Session {
        final String login;
        final boolean organisation;
        final HttpClient http;
        volatile String csrf;

        Session(String login, boolean organisation) {
            this.login = login;
            this.organisation = organisation;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
        }

        synchronized void signIn(String base) throws Exception {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = FORM_CSRF.matcher(page.body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on /login");
            }
            String token = m.group(1) != null ? m.group(1) : m.group(2);
            String form = "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password=tongban2026&_csrf="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("sign-in of " + this.login + " failed: " + login.statusCode());
            }
            HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher t = API_CSRF.matcher(session.body());
            if (!t.find()) {
                throw new IllegalStateException("no csrfToken from /api/v1/session");
            }
            csrf = t.group(1);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String run = args[1];
        long seconds = Long.parseLong(args[2]);
        int workers = Integer.parseInt(args[3]);
        Path answersFile = Path.of(args[4]);
        Path bodies = Path.of(args[5]);
        String marker = "\"delivery\":{\"method\":\"MAIL\",\"address\":\"可靠性测试 " + run + "\"}";
        List<String> personBodies = bodies(bodies.resolve("cases-applications-person.txt"), marker);
        List<String> organisationBodies = bodies(bodies.resolve("cases-applications-organisation.txt"), marker);
        List<Session> sessions = new ArrayList<>();
        PERSONS.forEach(l -> sessions.add(new Session(l, false)));
        ORGANISATIONS.forEach(l -> sessions.add(new Session(l, true)));
        for (Session s : sessions) {
            s.signIn(base);
        }
        LongAdder created = new LongAdder();
        LongAdder foundAgain = new LongAdder();
        LongAdder retries = new LongAdder();
        LongAdder refused = new LongAdder();
        ConcurrentHashMap<String, LongAdder> failures = new ConcurrentHashMap<>();
        AtomicLong longestWaitMillis = new AtomicLong();
        long started = System.nanoTime();
        long stopAt = started + seconds * 1_000_000_000L;
        try (BufferedWriter answers = Files.newBufferedWriter(answersFile)) {
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                threads.add(Thread.ofPlatform().start(() -> {
                    Session session = sessions.get(worker % sessions.size());
                    List<String> mine = session.organisation ? organisationBodies : personBodies;
                    for (long n = 0; System.nanoTime() < stopAt; n++) {
                        String key = run + "-" + worker + "-" + n;
                        String body = mine.get((int) ((n * workers + worker) % mine.size()));
                        long firstTry = System.nanoTime();
                        while (true) {
                            String outcome;
                            try {
                                HttpResponse<String> r = session.http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                                        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                                        .header("Accept", "application/json").header("X-CSRF-TOKEN", session.csrf)
                                        .header("Idempotency-Key", key)
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                                int status = r.statusCode();
                                if (status == 201 || status == 200) {
                                    Matcher m = NUMBER.matcher(r.body());
                                    if (!m.find()) {
                                        throw new IllegalStateException("no case number in " + r.body());
                                    }
                                    synchronized (answers) {
                                        answers.write(key + " " + status + " " + m.group(1) + "\n");
                                        answers.flush();
                                    }
                                    (status == 201 ? created : foundAgain).increment();
                                    break;
                                }
                                if (status == 401 || status == 403) {
                                    outcome = "HTTP " + status + " (signed in again)";
                                    session.signIn(base);
                                }
                                else if (status >= 500) {
                                    outcome = "HTTP " + status;
                                }
                                else {
                                    // 400 or 409: the request itself is wrong; another try would not change that.
                                    refused.increment();
                                    System.err.println(key + ": HTTP " + status + " " + r.body());
                                    synchronized (answers) {
                                        answers.write(key + " " + status + " -\n");
                                        answers.flush();
                                    }
                                    break;
                                }
                            }
                            catch (Exception e) {
                                outcome = e.getClass().getSimpleName();
                            }
                            failures.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                            retries.increment();
                            try {
                                Thread.sleep(250);
                            }
                            catch (InterruptedException stop) {
                                return;
                            }
                        }
                        longestWaitMillis.accumulateAndGet((System.nanoTime() - firstTry) / 1_000_000, Math::max);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        System.out.printf("client: %.0f s, %d workers, %d applicants: %,d created (201), %,d found again (200), "
                        + "%,d refused, %,d retries %s; longest wait for one answer %.1f s%n",
                (System.nanoTime() - started) / 1e9, workers, sessions.size(), created.sum(), foundAgain.sum(),
                refused.sum(), retries.sum(), failures, longestWaitMillis.get() / 1000.0);
    }

    static List<String> bodies(Path file, String delivery) throws Exception {
        List<String> list = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                list.add(line.replaceFirst("\"delivery\":\\{[^}]*\\}", Matcher.quoteReplacement(delivery)));
            }
        }
        if (list.isEmpty()) {
            throw new IllegalStateException("no applications in " + file);
        }
        return list;
    }
}
