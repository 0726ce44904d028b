package org.tongban.catalog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.catalog.ItemContent.LimitUnit;
import org.tongban.catalog.ItemContent.TimeLimit;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccountRequest;
import org.tongban.identity.SystemActor;
import org.tongban.support.Http;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A catalogue upload becomes a job that a background worker imports: the request returns before the import has
 * begun, the job page follows it, a refused document leaves the catalogue as it was, two workers never take one
 * job, and a job interrupted by a stopped instance runs again. The tests that need the queue to stand still pause
 * the application's own worker and drive it by hand.
 */
@TongbanTest
class CatalogueImportJobTests {

    @LocalServerPort
    int port;
    @Autowired
    CatalogueImportJobs jobs;
    @Autowired
    CatalogueImportWorker worker;
    @Autowired
    ImportJobStore store;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    AccountManagement accounts;
    @Autowired
    SignedIn signedIn;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;

    @BeforeEach
    void pauseTheWorker() {
        worker.pause();
    }

    @AfterEach
    void resumeTheWorker() {
        worker.resume();
    }

    /** Threads of their own for work that waits on another (the common pool may have a single thread). */
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();

    @AfterEach
    void stopTheThreads() {
        threads.shutdownNow();
    }

    private byte[] document(ItemContent... items) {
        return json.writeValueAsBytes(new CatalogueDocument(CatalogueDocument.FORMAT, CatalogueDocument.VERSION,
                List.of(), List.of(), List.of(), List.of(items)));
    }

    private Http signedIn(String user) {
        Http http = new Http(port);
        assertThat(http.login(user, "tongban2026").headers().firstValue("Location")).get().asString()
                .doesNotContain("error");
        return http;
    }

    private ImportJob job(UUID id) {
        return signedIn.as("admin", () -> jobs.job(id)).orElseThrow();
    }

    private long versions() {
        return jdbc.sql("SELECT count(*) FROM catalog_item_version").query(Long.class).single();
    }

    private boolean documentKept(UUID id) {
        return jdbc.sql("SELECT document IS NOT NULL FROM catalog_import_job WHERE id = ?").param(id)
                .query(Boolean.class).single();
    }

    /** Claims the oldest waiting job, which must be this one, and runs it on the test's thread. */
    private void runByHand(UUID id) {
        ImportJobStore.Claim claim = worker.claim().orElseThrow();
        assertThat(claim.id()).isEqualTo(id);
        worker.run(claim);
    }

    private void startedMinutesAgo(UUID id, int minutes) {
        jdbc.sql("UPDATE catalog_import_job SET started_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofMinutes(minutes))), id).update();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void theUploadAnswersAtOnceWithTheJobPageAndTheWorkerImportsTheFileAfterwards() throws Exception {
        ItemContent item = TestItems.valid("海岛淡水取水许可", "2601");
        byte[] doc = document(item);
        Http admin = signedIn("admin");

        HttpResponse<String> upload = admin.postFile("/admin/catalogue/transfer", "/admin/catalogue/transfer/import",
                "file", "catalogue.json", doc);

        assertThat(upload.statusCode()).isEqualTo(303);
        String location = upload.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/admin/catalogue/transfer/jobs/[0-9a-f-]{36}");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        // The worker is paused: the request has returned, and nothing of the file is imported yet.
        ImportJob queued = job(id);
        assertThat(queued.state()).isEqualTo(ImportJob.State.QUEUED);
        assertThat(queued.submittedBy()).isEqualTo("admin");
        assertThat(queued.submittedByName()).isEqualTo("平台管理员 林海");
        assertThat(queued.documentSize()).isEqualTo(doc.length);
        assertThat(queued.documentSha256()).isEqualTo(sha256(doc));
        assertThat(documentKept(id)).isTrue();
        assertThat(catalog.inForce(item.implementationCode())).isEmpty();
        String page = admin.get(location).body();
        assertThat(page).contains("导入任务", "排队中", "已上传，等待开始导入。", "data-refresh=\"2\"",
                "<progress id=\"import-progress\"", "刷新查看最新进度", "平台管理员 林海", sha256(doc));
        assertThat(page).doesNotContain("http-equiv=\"refresh\"");
        assertThat(admin.get("/admin/catalogue/transfer").body()).contains(location, "排队中");

        worker.resume();
        await().atMost(Duration.ofSeconds(30)).until(() -> job(id).state().finished());

        ImportJob done = job(id);
        assertThat(done.state()).isEqualTo(ImportJob.State.SUCCEEDED);
        assertThat(done.report().created()).isEqualTo(1);
        assertThat(done.itemsTotal()).isEqualTo(1);
        assertThat(done.itemsStored()).isEqualTo(1);
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(documentKept(id)).as("the file is dropped once imported").isFalse();
        assertThat(catalog.inForce(item.implementationCode())).isPresent();
        assertThat(jdbc.sql("SELECT imported_by FROM catalog_import WHERE document_sha256 = ?").param(sha256(doc))
                .query(String.class).list()).containsExactly("admin");
        String finished = admin.get(location).body();
        assertThat(finished).contains("已导入", "导入完成：新增 1 个事项，更新 0 个，0 个未变", "搜索在后台更新")
                .doesNotContain("data-refresh=", "刷新查看最新进度");
        assertThat(admin.get(location + "?lang=en").body()).contains("Import done: 1 service items added");
    }

    @Test
    void aJobWithABadEntryEndsFailedNamingTheEntryAndTheFieldAndChangesNothing() {
        ItemContent good = TestItems.valid("海岛客运码头使用审批", "2602");
        ItemContent bad = TestItems.valid("海岛礁盘养殖备案", "2603");
        ItemContent tooLong = TestItems.with(bad, "statutoryLimit", new TimeLimit(5, LimitUnit.WORKING_DAYS),
                "committedLimit", new TimeLimit(10, LimitUnit.WORKING_DAYS), "steps", List.of());
        long before = versions();
        UUID id = signedIn.as("admin", () -> jobs.submit(document(good, tooLong)));

        runByHand(id);

        ImportJob failed = job(id);
        assertThat(failed.state()).isEqualTo(ImportJob.State.FAILED);
        assertThat(failed.failure()).isNull();
        assertThat(failed.errorCount()).isEqualTo(2);
        assertThat(failed.errors()).extracting(ImportJob.Refusal::field)
                .containsExactly("items[1].committedLimit", "items[1].steps");
        assertThat(failed.errors()).extracting(ImportJob.Refusal::entry)
                .containsOnly(bad.implementationCode() + " 海岛礁盘养殖备案");
        assertThat(failed.errors()).extracting(ImportJob.Refusal::code)
                .containsExactly("item.committed-exceeds-statutory", "item.steps.required");
        assertThat(versions()).isEqualTo(before);
        assertThat(catalog.inForce(good.implementationCode())).isEmpty();
        assertThat(documentKept(id)).isFalse();

        Http admin = signedIn("admin");
        String page = admin.get("/admin/catalogue/transfer/jobs/" + id).body();
        assertThat(page).contains("未导入", "文件没有导入，请修改以下问题后重新上传（共 2 处）",
                "整个文件都没有导入", bad.implementationCode() + " 海岛礁盘养殖备案", "items[1].committedLimit",
                "items[1].steps", "请至少填写一个办理环节").doesNotContain("data-refresh=");
        assertThat(page).doesNotContain("〔");
        assertThat(admin.get("/admin/catalogue/transfer/jobs/" + id + "?lang=en").body())
                .contains("Problems in the file", "items[1].committedLimit", "Give at least one step",
                        bad.implementationCode() + " 海岛礁盘养殖备案");
    }

    @Test
    void aFileThatIsNotJsonFailsWithItsPositionAndTheEmptyUploadIsRefusedOnTheForm() {
        UUID id = signedIn.as("admin", () -> jobs.submit("{\"format\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        runByHand(id);
        ImportJob failed = job(id);
        assertThat(failed.state()).isEqualTo(ImportJob.State.FAILED);
        assertThat(failed.itemsTotal()).isNull();
        assertThat(failed.errors()).singleElement().satisfies(e -> {
            assertThat(e.entry()).isNull();
            assertThat(e.code()).isEqualTo("import.malformed");
        });
        assertThat(signedIn("admin").get("/admin/catalogue/transfer/jobs/" + id).body())
                .contains("整个文件", "文件不是有效的目录 JSON");

        Http admin = signedIn("admin");
        HttpResponse<String> empty = admin.postFile("/admin/catalogue/transfer", "/admin/catalogue/transfer/import",
                "file", "catalogue.json", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("请选择要导入的目录文件");
    }

    @Test
    void theSameFileUploadedTwiceWhileItWaitsIsOneJob() {
        byte[] doc = document(TestItems.valid("海岛观鸟向导服务备案", "2604"));
        UUID first = signedIn.as("admin", () -> jobs.submit(doc));
        UUID again = signedIn.as("admin", () -> jobs.submit(doc));
        assertThat(again).isEqualTo(first);
        runByHand(first);
        assertThat(job(first).state()).isEqualTo(ImportJob.State.SUCCEEDED);
        // Once finished, the same file is a new job (which changes nothing: the import is idempotent).
        UUID later = signedIn.as("admin", () -> jobs.submit(doc));
        assertThat(later).isNotEqualTo(first);
        runByHand(later);
        assertThat(job(later).report().changedNothing()).isTrue();
        assertThat(job(later).report().unchanged()).isEqualTo(1);
    }

    @Test
    void twoWorkersNeverTakeTheSameJob() throws Exception {
        UUID a = signedIn.as("admin", () -> jobs.submit(document(TestItems.valid("海岛垃圾转运站运营备案", "2605"))));
        UUID b = signedIn.as("admin", () -> jobs.submit(document(TestItems.valid("海岛污水处理站运营备案", "2606"))));

        // The first worker's claim is not committed yet while the second claims: the second skips the locked job
        // instead of waiting for it, and takes the other one; a third finds nothing it may take.
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(1);
        CompletableFuture<Optional<ImportJobStore.Claim>> first = CompletableFuture.supplyAsync(() ->
                transaction.execute(status -> {
                    Optional<ImportJobStore.Claim> claim = worker.claim();
                    firstClaimed.countDown();
                    try {
                        othersDone.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return claim;
                }), threads);
        assertThat(firstClaimed.await(30, TimeUnit.SECONDS)).isTrue();
        Optional<ImportJobStore.Claim> second = CompletableFuture.supplyAsync(worker::claim, threads)
                .get(10, TimeUnit.SECONDS);
        Optional<ImportJobStore.Claim> third = CompletableFuture.supplyAsync(worker::claim, threads)
                .get(10, TimeUnit.SECONDS);
        othersDone.countDown();
        Optional<ImportJobStore.Claim> firstClaim = first.get(30, TimeUnit.SECONDS);

        assertThat(firstClaim).get().extracting(ImportJobStore.Claim::id).isEqualTo(a);
        assertThat(second).get().extracting(ImportJobStore.Claim::id).isEqualTo(b);
        assertThat(third).isEmpty();
        assertThat(worker.claim()).as("both are RUNNING now").isEmpty();
        assertThat(List.of(job(a), job(b))).allSatisfy(j -> {
            assertThat(j.state()).isEqualTo(ImportJob.State.RUNNING);
            assertThat(j.attempts()).isEqualTo(1);
        });

        worker.run(firstClaim.orElseThrow());
        worker.run(second.orElseThrow());
        assertThat(List.of(job(a), job(b))).extracting(ImportJob::state)
                .containsOnly(ImportJob.State.SUCCEEDED);
    }

    @Test
    void aJobInterruptedByAStoppedInstanceRunsAgainFromTheStartAndFailsAfterThreeRuns() {
        ItemContent item = TestItems.valid("海岛应急避难场所备案", "2607");
        UUID id = signedIn.as("admin", () -> jobs.submit(document(item)));
        worker.claim().orElseThrow();
        // The instance that claimed it stops here: the job stays RUNNING, with no import transaction holding it.
        worker.recoverInterrupted();
        assertThat(job(id).state()).as("not yet: it may just be starting").isEqualTo(ImportJob.State.RUNNING);

        startedMinutesAgo(id, 2);
        worker.recoverInterrupted();
        assertThat(job(id).state()).isEqualTo(ImportJob.State.QUEUED);
        runByHand(id);
        assertThat(job(id)).satisfies(j -> {
            assertThat(j.state()).isEqualTo(ImportJob.State.SUCCEEDED);
            assertThat(j.attempts()).isEqualTo(2);
            assertThat(j.report().created()).isEqualTo(1);
        });
        assertThat(signedIn("admin").get("/admin/catalogue/transfer/jobs/" + id).body()).contains("第 2 次");

        ItemContent other = TestItems.valid("海岛直升机停机坪使用备案", "2608");
        UUID crashing = signedIn.as("admin", () -> jobs.submit(document(other)));
        worker.claim().orElseThrow();
        jdbc.sql("UPDATE catalog_import_job SET attempts = ? WHERE id = ?")
                .params(CatalogueImportWorker.MAX_ATTEMPTS, crashing).update();
        startedMinutesAgo(crashing, 2);
        worker.recoverInterrupted();
        assertThat(job(crashing)).satisfies(j -> {
            assertThat(j.state()).isEqualTo(ImportJob.State.FAILED);
            assertThat(j.failure()).isEqualTo("interrupted");
        });
        assertThat(documentKept(crashing)).isFalse();
        assertThat(catalog.inForce(other.implementationCode())).isEmpty();
        assertThat(signedIn("admin").get("/admin/catalogue/transfer/jobs/" + crashing).body())
                .contains("导入没有完成", "导入因服务重启 3 次中断");
    }

    @Test
    void aJobWhoseImportIsStillUnderWayIsNotTakenForInterruptedAndItsProgressStillShows() throws Exception {
        UUID id = signedIn.as("admin", () -> jobs.submit(document(TestItems.valid("海岛光伏电站并网备案", "2609"))));
        ImportJobStore.Claim claim = worker.claim().orElseThrow();
        startedMinutesAgo(id, 10);
        // An import transaction holds the job (as a long import on another instance would) ...
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> importing = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> {
            assertThat(store.lockForRun(claim)).isPresent();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), threads);
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            // ... so its progress is written beside it without waiting, and it is not queued again.
            CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> store.progress(claim, 1, 1, 0)),
                    threads).get(10, TimeUnit.SECONDS);
            assertThat(job(id).itemsChecked()).isEqualTo(1);
            worker.recoverInterrupted();
            assertThat(job(id).state()).isEqualTo(ImportJob.State.RUNNING);
        } finally {
            release.countDown();
            importing.get(30, TimeUnit.SECONDS);
        }
        // Its transaction has ended without finishing it: now it was interrupted.
        worker.recoverInterrupted();
        assertThat(job(id).state()).isEqualTo(ImportJob.State.QUEUED);
        runByHand(id);
        assertThat(job(id).state()).isEqualTo(ImportJob.State.SUCCEEDED);
    }

    @Test
    void theJobRunsAsItsSubmitterWithTheRolesTheyHaveWhenItRuns() {
        UUID account = signedIn.as("admin", () -> accounts.createStaff(new StaffAccountRequest("import.deputy",
                "平台管理员 副手", "initial2026pass", null, Set.of(Role.PLATFORM_ADMIN))));
        ItemContent item = TestItems.valid("海岛临时码头搭建许可", "2610");
        UUID allowed = signedIn.as("import.deputy", () -> jobs.submit(document(item)));
        assertThat(job(allowed).submittedBy()).isEqualTo("import.deputy");
        runByHand(allowed);
        assertThat(job(allowed).state()).isEqualTo(ImportJob.State.SUCCEEDED);
        assertThat(jdbc.sql("SELECT imported_by FROM catalog_import ORDER BY id DESC LIMIT 1").query(String.class)
                .single()).isEqualTo("import.deputy");

        ItemContent later = TestItems.valid("海岛临时码头拆除备案", "2611");
        UUID refused = signedIn.as("import.deputy", () -> jobs.submit(document(later)));
        // Between the upload and the run, the account loses the role the import needs.
        signedIn.as("admin", () -> accounts.reassign(account, Set.of(Role.CATALOGUE_ADMIN), null));
        runByHand(refused);
        assertThat(job(refused)).satisfies(j -> {
            assertThat(j.state()).isEqualTo(ImportJob.State.FAILED);
            assertThat(j.failure()).isEqualTo("not-allowed");
        });
        assertThat(catalog.inForce(later.implementationCode())).isEmpty();
        assertThat(signedIn("admin").get("/admin/catalogue/transfer/jobs/" + refused).body())
                .contains("提交人现在没有导入目录的权限");
    }

    @Test
    void onlyPlatformAdministratorsSubmitAndSeeJobs() {
        UUID id = signedIn.as("admin", () -> jobs.submit(document(TestItems.valid("海岛渔港避风锚地使用备案", "2612"))));
        String page = "/admin/catalogue/transfer/jobs/" + id;

        assertThat(signedIn("catalog").get(page).statusCode()).isEqualTo(403);
        assertThat(signedIn("legal").get(page).statusCode()).isEqualTo(403);
        assertThat(signedIn("13800000001").get(page).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = new Http(port).get(page);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(signedIn("admin").get(page).statusCode()).isEqualTo(200);
        assertThat(signedIn("admin").get("/admin/catalogue/transfer/jobs/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);

        assertThatThrownBy(() -> signedIn.as("catalog", () -> jobs.job(id)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> signedIn.as("catalog", () -> jobs.recent(10)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> signedIn.as("catalog", () -> jobs.submit(new byte[]{'{', '}'})))
                .isInstanceOf(AuthorizationDeniedException.class);
        // Start-up work has no account to run a job as: it imports at once.
        assertThatThrownBy(() -> SystemActor.runAs("test", Set.of(Role.PLATFORM_ADMIN),
                () -> jobs.submit(new byte[]{'{', '}'}))).isInstanceOf(IllegalStateException.class);
        runByHand(id);
    }

    @Test
    void theProgressShowsWhileTheImportRunsAndItsChangesShowOnlyOnceAllAreStored() {
        ItemContent first = TestItems.valid("海岛供水管网接入审批", "2613");
        ItemContent second = TestItems.valid("海岛供电线路接入审批", "2614");
        UUID id = signedIn.as("admin", () -> jobs.submit(document(first, second)));
        ImportJobStore.Claim claim = worker.claim().orElseThrow();
        assertThat(claim.id()).isEqualTo(id);
        // What another connection sees of the job and of the catalogue after the first item is stored.
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ImportProgress watcher = new ImportProgress() {
            @Override
            public void checked(int items, int total) {
            }

            @Override
            public void stored(int items, int total) {
                if (items == 1) {
                    seen.add(CompletableFuture.supplyAsync(() -> {
                        ImportJob running = job(id);
                        return running.state() + " " + running.stage() + " checked " + running.itemsChecked() + "/"
                                + running.itemsTotal() + ", first item in force: "
                                + catalog.inForce(first.implementationCode()).isPresent();
                    }, threads).join());
                }
            }
        };

        worker.run(claim, watcher);

        assertThat(seen).containsExactly("RUNNING STORING checked 2/2, first item in force: false");
        assertThat(job(id).state()).isEqualTo(ImportJob.State.SUCCEEDED);
        assertThat(catalog.inForce(first.implementationCode())).isPresent();
        assertThat(catalog.inForce(second.implementationCode())).isPresent();
    }
}
