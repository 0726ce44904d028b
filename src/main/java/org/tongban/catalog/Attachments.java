package org.tongban.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.Violation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Blank forms, filled-in samples and result samples, stored once by their SHA-256 so that the same file in many
 * items costs nothing.
 */
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

    /**
     * Stores checked uploads in a transaction of their own, so that they stay when the form they came with is
     * refused: the form keeps referring to them, and the next attempt need not upload them again.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void keep(List<Upload> uploads, Instant at) {
        uploads.forEach(u -> store(u.sha256(), u.contentType(), u.data(), at));
    }

    /**
     * The attachment as stored: its content type and size as found when the bytes were checked, whatever the
     * content referring to it states (a hidden form field can be edited); unchanged when the file is not stored.
     */
    ItemContent.Attachment asStored(ItemContent.Attachment a) {
        if (a.sha256() == null || a.base64() != null) {
            return a;
        }
        return jdbc.sql("SELECT content_type, size FROM catalog_file WHERE sha256 = ?").param(a.sha256())
                .query((rs, n) -> new ItemContent.Attachment(a.fileName(), rs.getString("content_type"), a.sha256(),
                        rs.getLong("size"), null))
                .optional().orElse(a);
    }

    /**
     * The files a content refers to by their hash alone that are neither stored nor among {@code arriving} (the
     * hashes of files that come with the same document), each named by its path in the content.
     */
    List<Violation> missingFiles(ItemContent content, java.util.Set<String> arriving) {
        List<Violation> missing = new java.util.ArrayList<>();
        content.attachmentsByPath().forEach((path, a) -> {
            if (a.base64() == null && a.sha256() != null && !arriving.contains(a.sha256()) && !exists(a.sha256())) {
                missing.add(Violation.of(path, "item.attachment.missing", "文件“{0}”不在文件库中，请重新上传",
                        a.fileName()));
            }
        });
        return missing;
    }

    private boolean exists(String sha256) {
        return jdbc.sql("SELECT count(*) FROM catalog_file WHERE sha256 = ?").param(sha256).query(Long.class).single() > 0;
    }

    Optional<StoredFile> find(String sha256) {
        return jdbc.sql("SELECT content_type, data FROM catalog_file WHERE sha256 = ?").param(sha256)
                .query((rs, n) -> new StoredFile(rs.getString("content_type"), rs.getBytes("data"))).optional();
    }

}
