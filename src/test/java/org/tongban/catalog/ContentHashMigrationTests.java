package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.SignedIn;
import org.tongban.support.TongbanTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The content hash leaves empty elements out, and the V7 migration brings hashes stored before it in line. */
@TongbanTest
class ContentHashMigrationTests {

    @Autowired
    CatalogManagement catalog;
    @Autowired
    CatalogueTransfer transfer;
    @Autowired
    SignedIn signedIn;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;

    @Test
    void hashesStoredTheOldWayAreRecomputedAndAReimportThenChangesNothing() throws Exception {
        ItemContent item = TestItems.valid("港口危险货物集装箱查验预约", "2011");
        String code = item.implementationCode();
        signedIn.as("catalog", () -> catalog.createItem(item));
        signedIn.as("catalog", () -> catalog.submitForReview(code, LocalDate.now(clock)));
        signedIn.as("legal", () -> catalog.publish(code, null));
        String current = jdbc.sql("SELECT content_hash FROM catalog_item_version WHERE item_code = ?").param(code)
                .query(String.class).single();
        assertThat(current).isEqualTo(ItemVersions.hashOf(item));

        // As before the upgrade: a hash of the content written with its empty elements.
        jdbc.sql("UPDATE catalog_item_version SET content_hash = ? WHERE item_code = ?")
                .params("0".repeat(64), code).update();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(V7__Content_hash_without_empty_values.recompute(connection)).isEqualTo(1);
            assertThat(V7__Content_hash_without_empty_values.recompute(connection)).as("nothing left to do").isZero();
        }
        assertThat(jdbc.sql("SELECT content_hash FROM catalog_item_version WHERE item_code = ?").param(code)
                .query(String.class).single()).isEqualTo(current);

        byte[] exported = signedIn.as("admin", () -> transfer.exportJson());
        assertThat(signedIn.as("admin", () -> transfer.importDocument(exported)).changedNothing()).isTrue();
    }

    @Test
    void emptyElementsAndTheOrderOfChoicesDoNotChangeTheHash() {
        ItemContent item = TestItems.valid("港口夜间作业报备", "2012");
        ItemContent sameWithEmpties = TestItems.with(item, "quantityLimit", null, "intermediaryServices", java.util.List.of(),
                "handlingForms", java.util.List.of("COUNTER", "ONLINE"));
        assertThat(ItemVersions.hashOf(sameWithEmpties)).isEqualTo(ItemVersions.hashOf(item));
        assertThat(ItemVersions.hashOf(TestItems.with(item, "quantityLimit", "每日限一次")))
                .isNotEqualTo(ItemVersions.hashOf(item));
    }
}
