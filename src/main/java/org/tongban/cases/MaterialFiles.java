package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.shared.FileFormat;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Materials uploaded for applications: PDF, JPG, PNG and OFD, up to a configured size, and only when the bytes are
 * what the name says ({@link FileFormat}: an OFD is a zip with {@code OFD.xml} at its root). Each upload records its owner, so an
 * application can attach only the owner's own files, and the bytes go to the {@link FileStore}.
 */
@Component
class MaterialFiles {

    /** A stored upload, as an application refers to it. */
    record Uploaded(String sha256, String fileName, String mediaType, long size) {
    }

    private static final Set<FileFormat> FORMATS = EnumSet.of(FileFormat.PDF, FileFormat.OFD, FileFormat.PNG,
            FileFormat.JPEG);
    static final String ACCEPTED = FileFormat.accept(FileFormat.PDF, FileFormat.OFD, FileFormat.PNG, FileFormat.JPEG);

    private final FileStore store;
    private final JdbcClient jdbc;
    private final long maxBytes;

    MaterialFiles(FileStore store, JdbcClient jdbc,
                  @Value("${tongban.cases.max-file-bytes:10485760}") long maxBytes) {
        this.store = store;
        this.jdbc = jdbc;
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    Uploaded upload(UUID owner, String field, @Nullable String fileName, byte[] bytes, Instant now) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException(Violation.of(field, "case.file-name", "文件名应为 1 到 200 个字符"));
        }
        String mediaType = mediaType(field, name, bytes);
        String sha = store.put(bytes);
        jdbc.sql("""
                INSERT INTO cases_file (sha256, owner_id, file_name, media_type, size, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (owner_id, sha256) DO NOTHING""")
                .params(sha, owner, name, mediaType, bytes.length, Timestamp.from(now)).update();
        return new Uploaded(sha, name, mediaType, bytes.length);
    }

    /** Which of these files the owner uploaded: one query for every file of an application. */
    java.util.Set<String> owned(UUID owner, java.util.Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("SELECT sha256 FROM cases_file WHERE owner_id = ? AND sha256 = ANY (?)")
                .params(owner, sha256s.toArray(String[]::new)).query(String.class).list());
    }

    Optional<Uploaded> describe(UUID owner, String sha256) {
        return jdbc.sql("SELECT sha256, file_name, media_type, size FROM cases_file WHERE owner_id = ? AND sha256 = ?")
                .params(owner, sha256)
                .query((rs, n) -> new Uploaded(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    Optional<byte[]> bytes(String sha256) {
        return store.get(sha256);
    }

    /** The media type the bytes really are, refusing anything else; the field names where the file was given. */
    String mediaType(String field, String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidInputException(Violation.of(field, "case.file-empty", "文件是空的"));
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException(Violation.of(field, "case.file-too-large", "文件不能超过 {0} MB",
                    maxBytes / (1024 * 1024)));
        }
        FileFormat format = FileFormat.named(name).filter(FORMATS::contains)
                .orElseThrow(() -> new InvalidInputException(Violation.of(field, "case.file-type",
                        "只能上传 PDF、OFD、JPG 或 PNG 文件")));
        if (!format.matches(bytes)) {
            throw new InvalidInputException(Violation.of(field, "case.file-content",
                    "文件内容不是 {0} 格式：请上传原始文件，不要只改扩展名",
                    FileFormat.extensionOf(name).toUpperCase(Locale.ROOT)));
        }
        return format.mediaType();
    }
}
