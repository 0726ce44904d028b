package org.tongban.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Blank forms and samples, stored once by their SHA-256 so that the same file in many items costs nothing. */
@Repository
class Attachments {

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void store(String sha256, String contentType, byte[] data, Instant at) {
        jdbc.sql("""
                INSERT INTO catalog_file (sha256, content_type, size, data, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (sha256) DO NOTHING""")
                .params(sha256, contentType, data.length, data, Timestamp.from(at)).update();
    }

    Optional<StoredFile> find(String sha256) {
        return jdbc.sql("SELECT content_type, data FROM catalog_file WHERE sha256 = ?").param(sha256)
                .query((rs, n) -> new StoredFile(rs.getString("content_type"), rs.getBytes("data"))).optional();
    }

    record StoredFile(String contentType, byte[] data) {
    }
}
