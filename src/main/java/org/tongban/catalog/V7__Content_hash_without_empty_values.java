package org.tongban.catalog;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Recomputes every version's content hash with {@link ItemVersions#hashOf}, which leaves empty elements out and
 * keeps set-like lists sorted. Without it, the first re-import of an unchanged catalogue after this upgrade would
 * have made a new version of every item. A withdrawal keeps its prefix before the hash of the content it ends.
 */
@Component
class V7__Content_hash_without_empty_values extends BaseJavaMigration {

    private static final JsonMapper STORED = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Override
    public void migrate(Context context) throws SQLException {
        recompute(context.getConnection());
    }

    /** @return how many versions got a new hash */
    static int recompute(Connection connection) throws SQLException {
        int changed = 0;
        try (PreparedStatement select = connection.prepareStatement(
                     "SELECT id, content::text AS content, content_hash FROM catalog_item_version");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE catalog_item_version SET content_hash = ? WHERE id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String stored = rows.getString("content_hash");
                String hash = ItemVersions.hashOf(STORED.readValue(rows.getString("content"), ItemContent.class));
                String recomputed = stored.startsWith(ItemVersion.WITHDRAWAL_HASH_PREFIX)
                        ? ItemVersion.WITHDRAWAL_HASH_PREFIX + hash : hash;
                if (!recomputed.equals(stored)) {
                    update.setString(1, recomputed);
                    update.setLong(2, rows.getLong("id"));
                    update.addBatch();
                    changed++;
                }
            }
            update.executeBatch();
        }
        return changed;
    }
}
