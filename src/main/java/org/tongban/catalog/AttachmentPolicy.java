package org.tongban.catalog;

import org.tongban.shared.Violation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which files may be attached to a material: office documents, PDF, OFD and images up to 5 MB, and only when
 * the bytes are what the name says (a renamed executable is not a PDF).
 */
final class AttachmentPolicy {

    static final long MAX_BYTES = 5L * 1024 * 1024;

    private record Kind(String contentType, byte[]... magic) {
    }

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final Map<String, Kind> KINDS = Map.of(
            "pdf", new Kind("application/pdf", new byte[]{0x25, 0x50, 0x44, 0x46}),
            "ofd", new Kind("application/ofd", ZIP),
            "docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
            "xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
            "doc", new Kind("application/msword", OLE),
            "xls", new Kind("application/vnd.ms-excel", OLE),
            "png", new Kind("image/png", new byte[]{(byte) 0x89, 0x50, 0x4E, 0x47}),
            "jpg", new Kind("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            "jpeg", new Kind("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));

    static final String ACCEPTED = ".pdf,.ofd,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg";

    private AttachmentPolicy() {
    }

    /** The content type to store, after checking name, size and bytes. */
    static String contentTypeOf(String field, String fileName, byte[] data, List<Violation> violations) {
        List<Violation> found = new ArrayList<>();
        String extension = fileName.contains(".")
                ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Kind kind = KINDS.get(extension);
        if (data.length == 0) {
            found.add(Violation.of(field, "attachment.empty", "文件是空的"));
        } else if (data.length > MAX_BYTES) {
            found.add(Violation.of(field, "attachment.too-large", "文件不能超过 5 MB"));
        } else if (kind == null) {
            found.add(Violation.of(field, "attachment.type", "只接受 PDF、OFD、Word、Excel、PNG 或 JPG 文件"));
        } else if (Arrays.stream(kind.magic()).noneMatch(m -> startsWith(data, m))) {
            found.add(Violation.of(field, "attachment.mismatch", "文件内容与扩展名 .{0} 不符", extension));
        }
        violations.addAll(found);
        return kind == null ? "application/octet-stream" : kind.contentType();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
