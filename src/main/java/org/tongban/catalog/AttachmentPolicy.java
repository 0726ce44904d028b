package org.tongban.catalog;

import org.tongban.shared.FileFormat;
import org.tongban.shared.Violation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which files may be attached to a material: office documents, PDF, OFD and images up to 5 MB, and only when
 * the bytes are what the name says (a renamed executable is not a PDF; {@link FileFormat} checks).
 */
final class AttachmentPolicy {

    static final long MAX_BYTES = 5L * 1024 * 1024;

    private static final Set<FileFormat> FORMATS = EnumSet.of(FileFormat.PDF, FileFormat.OFD, FileFormat.DOC,
            FileFormat.DOCX, FileFormat.XLS, FileFormat.XLSX, FileFormat.PNG, FileFormat.JPEG);

    static final String ACCEPTED = FileFormat.accept(FileFormat.PDF, FileFormat.OFD, FileFormat.DOC, FileFormat.DOCX,
            FileFormat.XLS, FileFormat.XLSX, FileFormat.PNG, FileFormat.JPEG);

    private AttachmentPolicy() {
    }

    /** The content type to store, after checking name, size and bytes. */
    static String contentTypeOf(String field, String fileName, byte[] data, List<Violation> violations) {
        List<Violation> found = new ArrayList<>();
        FileFormat format = FileFormat.named(fileName).filter(FORMATS::contains).orElse(null);
        if (data.length == 0) {
            found.add(Violation.of(field, "attachment.empty", "文件是空的"));
        } else if (data.length > MAX_BYTES) {
            found.add(Violation.of(field, "attachment.too-large", "文件不能超过 5 MB"));
        } else if (format == null) {
            found.add(Violation.of(field, "attachment.type", "只接受 PDF、OFD、Word、Excel、PNG 或 JPG 文件"));
        } else if (!format.matches(data)) {
            found.add(Violation.of(field, "attachment.mismatch", "文件内容与扩展名 .{0} 不符",
                    FileFormat.extensionOf(fileName)));
        }
        violations.addAll(found);
        return format == null ? "application/octet-stream" : format.mediaType();
    }
}
