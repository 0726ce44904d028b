package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.identity.DepartmentManagement;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The search index kept in the data directory: reused while it matches the database, rebuilt when it does not. */
@TongbanTest
class SearchIndexOnDiskTests {

    @Autowired
    ItemVersions versions;
    @Autowired
    DepartmentManagement departments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    SignedIn signedIn;

    @TempDir
    Path indexDir;

    private CatalogSearch start(Clock at) throws Exception {
        CatalogSearch search = new CatalogSearch(versions, departments, jdbc, at, new GuideCache(), 0,
                indexDir.toString());
        search.afterSingletonsInstantiated();
        return search;
    }

    private static long hits(CatalogSearch search, String text) {
        return search.search(SearchQuery.text(text)).total();
    }

    @Test
    void aRestartReusesTheIndexAndCatchesUpWithWhatWasPublishedMeanwhile() throws Exception {
        long inForce;
        try (CatalogSearch first = start(clock)) {
            assertThat(first.reusedStoredIndex()).isFalse();
            inForce = first.count(new SearchQuery(null, null, null, null, 1, 20));
            assertThat(hits(first, "出生医学证明")).isPositive();
        }

        ItemContent item = TestItems.valid("海港渔船停泊证明", "1301");
        signedIn.as("catalog", () -> catalog.createItem(item));
        signedIn.as("catalog", () -> catalog.submitForReview(item.implementationCode(), LocalDate.now(clock)));
        signedIn.as("legal", () -> catalog.publish(item.implementationCode(), "合法"));

        try (CatalogSearch second = start(clock)) {
            assertThat(second.reusedStoredIndex()).isTrue();
            assertThat(second.count(new SearchQuery(null, null, null, null, 1, 20))).isEqualTo(inForce + 1);
            assertThat(second.search(SearchQuery.text("海港渔船停泊证明")).hits().getFirst().code())
                    .isEqualTo(item.implementationCode());
        }
    }

    @Test
    void theNextDayOrAnotherDatabaseMeansARebuild() throws Exception {
        try (CatalogSearch first = start(clock)) {
            assertThat(first.reusedStoredIndex()).isFalse();
        }
        try (CatalogSearch nextDay = start(Clock.offset(clock, Duration.ofDays(1)))) {
            assertThat(nextDay.reusedStoredIndex()).as("effective dates may have come").isFalse();
        }
        try (CatalogSearch sameDay = start(Clock.offset(clock, Duration.ofDays(1)))) {
            assertThat(sameDay.reusedStoredIndex()).isTrue();
        }
    }

    @Test
    void anIndexFromAnotherFormatIsNotTrusted() {
        assertThat(CatalogSearch.IndexState.of(Map.of("format", "1", "seenUpTo", "2026-01-01T00:00:00Z",
                "publishedVersions", "3", "departments", "x", "day", "2026-01-01").entrySet())).isNull();
        assertThat(CatalogSearch.IndexState.of(Map.of("format", CatalogSearch.IndexState.FORMAT,
                "seenUpTo", "garbled").entrySet())).isNull();
        assertThat(CatalogSearch.IndexState.of(null)).isNull();
    }
}
