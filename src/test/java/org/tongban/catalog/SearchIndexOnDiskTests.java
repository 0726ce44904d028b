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
    void daysLaterTheIndexIsReusedAndTheVersionsThatTookEffectMeanwhileAreApplied() throws Exception {
        ItemContent coming = TestItems.valid("海港夜间引航申请", "1302");
        signedIn.as("catalog", () -> catalog.createItem(coming));
        signedIn.as("catalog", () -> catalog.submitForReview(coming.implementationCode(), LocalDate.now(clock).plusDays(2)));
        signedIn.as("legal", () -> catalog.publish(coming.implementationCode(), "合法"));

        try (CatalogSearch today = start(clock)) {
            assertThat(today.reusedStoredIndex()).isFalse();
            assertThat(today.search(SearchQuery.text("海港夜间引航申请")).hits()).as("not yet in force")
                    .noneMatch(hit -> hit.code().equals(coming.implementationCode()));
        }
        try (CatalogSearch threeDaysLater = start(Clock.offset(clock, Duration.ofDays(3)))) {
            assertThat(threeDaysLater.reusedStoredIndex()).isTrue();
            assertThat(threeDaysLater.search(SearchQuery.text("海港夜间引航申请")).hits().getFirst().code())
                    .as("took effect while the platform was stopped").isEqualTo(coming.implementationCode());
        }
        try (CatalogSearch sameDay = start(Clock.offset(clock, Duration.ofDays(3)))) {
            assertThat(sameDay.reusedStoredIndex()).isTrue();
            assertThat(hits(sameDay, "海港夜间引航申请")).isPositive();
        }
    }

    @Test
    void anIndexForALaterDayOrWithOtherDepartmentsIsRebuilt() throws Exception {
        try (CatalogSearch tomorrow = start(Clock.offset(clock, Duration.ofDays(1)))) {
            assertThat(tomorrow.reusedStoredIndex()).isFalse();
        }
        try (CatalogSearch today = start(clock)) {
            assertThat(today.reusedStoredIndex()).as("the clock went back: what was in force tomorrow may not be today")
                    .isFalse();
        }
        try (CatalogSearch sameDay = start(clock)) {
            assertThat(sameDay.reusedStoredIndex()).isTrue();
        }
        signedIn.as("admin", () -> departments.create(new DepartmentManagement.DepartmentDetails(
                "海川市海洋发展局", "市海洋局", null, "11377000HC0000980Q", "377000", null, null, null, null)));
        try (CatalogSearch anotherDepartment = start(clock)) {
            assertThat(anotherDepartment.reusedStoredIndex()).as("documents carry department names").isFalse();
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
