package org.tongban.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The file formats people upload (materials for a case, attachments of a catalogue material), each told by its
 * extension and checked by its content: a file is taken as what its name says only when its first bytes are that
 * format's (a renamed executable is not a PDF). Which formats a place accepts, and how large, is that place's rule.
 */
public enum FileFormat {

    PDF("application/pdf", List.of("pdf"), bytes(0x25, 0x50, 0x44, 0x46)),
    /** GB/T 33190: a zip package whose entry file {@code OFD.xml} is at its root. */
    OFD("application/ofd", List.of("ofd"), Signatures.ZIP),
    PNG("image/png", List.of("png"), bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), bytes(0xFF, 0xD8, 0xFF)),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"), Signatures.ZIP),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"), Signatures.ZIP),
    DOC("application/msword", List.of("doc"), Signatures.OLE),
    XLS("application/vnd.ms-excel", List.of("xls"), Signatures.OLE);

    private static final class Signatures {
        static final byte[] ZIP = bytes(0x50, 0x4B, 0x03, 0x04);
        static final byte[] OLE = bytes(0xD0, 0xCF, 0x11, 0xE0);
    }

    /** How many zip entries are read looking for {@code OFD.xml}. */
    private static final int OFD_ENTRIES_READ = 200;

    private final String mediaType;
    private final List<String> extensions;
    private final byte[] magic;

    FileFormat(String mediaType, List<String> extensions, byte[] magic) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extensions, in lower case without the dot ({@code jpg}, {@code jpeg}). */
    public List<String> extensions() {
        return extensions;
    }

    /** The extension of a file name, in lower case without the dot; empty when it has none. */
    public static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The format a file name says, by its extension. */
    public static Optional<FileFormat> named(String fileName) {
        String extension = extensionOf(fileName);
        return Arrays.stream(values()).filter(f -> f.extensions.contains(extension)).findFirst();
    }

    /** Whether the bytes are of this format. */
    public boolean matches(byte[] bytes) {
        boolean signature = bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
        return signature && (this != OFD || hasOfdRoot(bytes));
    }

    /** For an HTML {@code accept} attribute: {@code .pdf,.ofd,.png,.jpg,.jpeg} for those formats. */
    public static String accept(FileFormat... formats) {
        return String.join(",", Arrays.stream(formats).flatMap(f -> f.extensions.stream()).map(e -> "." + e).toList());
    }

    private static boolean hasOfdRoot(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            for (int i = 0; i < OFD_ENTRIES_READ && (e = zip.getNextEntry()) != null; i++) {
                if (e.getName().equals("OFD.xml")) {
                    return true;
                }
            }
            return false;
        }
        catch (IOException | IllegalArgumentException notAZip) {
            return false;
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
