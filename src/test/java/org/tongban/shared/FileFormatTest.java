package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** The one check of what an uploaded file is, which case materials and catalogue attachments both use. */
class FileFormatTest {

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("<ofd:OFD/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aFileNameSaysItsFormatByItsExtensionInAnyCase() {
        assertThat(FileFormat.named("营业执照.PDF")).contains(FileFormat.PDF);
        assertThat(FileFormat.named("照片.jpeg")).contains(FileFormat.JPEG);
        assertThat(FileFormat.named("照片.jpg")).contains(FileFormat.JPEG);
        assertThat(FileFormat.named("setup.exe")).isEmpty();
        assertThat(FileFormat.named("no-extension")).isEmpty();
    }

    @Test
    void theBytesMustBeWhatTheNameSays() {
        assertThat(FileFormat.PDF.matches("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(FileFormat.PDF.matches("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(FileFormat.JPEG.matches(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isTrue();
        assertThat(FileFormat.PNG.matches(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isFalse();
        assertThat(FileFormat.PDF.matches(new byte[]{0x25, 0x50})).as("shorter than the signature").isFalse();
    }

    @Test
    void aPngNeedsItsWholeEightByteSignature() {
        byte[] png = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0};
        byte[] truncated = {(byte) 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0};
        assertThat(FileFormat.PNG.matches(png)).isTrue();
        assertThat(FileFormat.PNG.matches(truncated)).isFalse();
    }

    @Test
    void anOfdIsAZipWithOfdXmlAtItsRootWhileAnyZipPassesAsAnOfficeDocument() throws IOException {
        assertThat(FileFormat.OFD.matches(zip("OFD.xml"))).isTrue();
        assertThat(FileFormat.OFD.matches(zip("word/document.xml"))).isFalse();
        assertThat(FileFormat.OFD.matches("PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(FileFormat.DOCX.matches(zip("word/document.xml"))).isTrue();
    }

    @Test
    void theAcceptAttributeListsEveryExtensionOfTheFormats() {
        assertThat(FileFormat.accept(FileFormat.PDF, FileFormat.OFD, FileFormat.PNG, FileFormat.JPEG))
                .isEqualTo(".pdf,.ofd,.png,.jpg,.jpeg");
    }
}
