package org.tongban.catalog;

import org.junit.jupiter.api.Test;
import org.tongban.shared.Violation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentPolicyTests {

    private static List<String> codes(String fileName, byte[] data) {
        List<Violation> violations = new ArrayList<>();
        AttachmentPolicy.contentTypeOf("file", fileName, data, violations);
        return violations.stream().map(Violation::code).toList();
    }

    @Test
    void acceptsAPdfWhoseBytesArePdf() {
        assertThat(codes("申请表.pdf", "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void refusesAFileWhoseBytesDoNotMatchItsName() {
        assertThat(codes("申请表.pdf", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)))
                .containsExactly("attachment.mismatch");
        assertThat(codes("photo.png", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).containsExactly("attachment.mismatch");
    }

    @Test
    void refusesTypesThatAreNotDocumentsOrImages() {
        assertThat(codes("setup.exe", "MZ".getBytes(StandardCharsets.US_ASCII))).containsExactly("attachment.type");
        assertThat(codes("no-extension", "%PDF".getBytes(StandardCharsets.US_ASCII))).containsExactly("attachment.type");
    }

    @Test
    void refusesFilesOverFiveMegabytesAndEmptyFiles() {
        byte[] big = new byte[(int) AttachmentPolicy.MAX_BYTES + 1];
        big[0] = '%'; big[1] = 'P'; big[2] = 'D'; big[3] = 'F';
        assertThat(codes("大文件.pdf", big)).containsExactly("attachment.too-large");
        assertThat(codes("空.pdf", new byte[0])).containsExactly("attachment.empty");
    }

    @Test
    void anOfdMustBeAnOfdPackageNotJustAnyZip() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.closeEntry();
        }
        assertThat(codes("批复.ofd", out.toByteArray())).containsExactly("attachment.mismatch");
        assertThat(codes("申请表.docx", out.toByteArray())).isEmpty();
    }
}
