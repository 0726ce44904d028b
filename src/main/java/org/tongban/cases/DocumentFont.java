package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The font the case documents embed, so they render on any reader: a machine with only a JDK has no Chinese font.
 * Found in this order: the configured file ({@code tongban.documents.font}), then the bundled Noto Sans SC (SIL Open
 * Font License 1.1, {@code fonts/NotoSansSC-OFL.txt}); with neither, the application does not start. Each document
 * embeds only the glyphs it uses (a subset of a few dozen kilobytes).
 */
final class DocumentFont {

    static final String BUNDLED = "fonts/NotoSansSC-Regular.ttf";

    /** What the font was found as, for the start-up log and errors. */
    private final String source;
    private final String name;
    private final byte[] bytes;

    private DocumentFont(String source, String name, byte[] bytes) {
        this.source = source;
        this.name = name;
        this.bytes = bytes;
    }

    /**
     * The configured font, or the bundled one; refuses with a message saying what is missing and how to fix it.
     *
     * @param configured a .ttf file, or a .ttc file with {@code ,index} (as {@code NotoSansCJK-Regular.ttc,2})
     */
    static DocumentFont resolve(@Nullable String configured, ClassLoader classLoader) {
        if (configured != null && !configured.isBlank()) {
            return fromFile(configured.strip());
        }
        try (InputStream in = classLoader.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("No font with Chinese glyphs for case documents: the bundled " + BUNDLED
                        + " is missing from the classpath and tongban.documents.font (TONGBAN_DOCUMENTS_FONT) is not set."
                        + " Set it to a TrueType font file, such as /usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0");
            }
            return checked(new DocumentFont("classpath:" + BUNDLED, "NotoSansSC-Regular.ttf", in.readAllBytes()));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled font " + BUNDLED, e);
        }
    }

    private static DocumentFont fromFile(String configured) {
        int comma = configured.lastIndexOf(',');
        boolean collection = configured.toLowerCase(java.util.Locale.ROOT).contains(".ttc");
        Path file = Path.of(collection && comma > 0 ? configured.substring(0, comma) : configured);
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("tongban.documents.font is " + configured + ", but " + file
                    + " cannot be read. Set it to a TrueType font with Chinese glyphs, or leave it empty for the bundled"
                    + " Noto Sans SC.");
        }
        try {
            String index = collection ? (comma > 0 ? configured.substring(comma) : ",0") : "";
            return checked(new DocumentFont(configured, file.getFileName() + index, Files.readAllBytes(file)));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read tongban.documents.font " + file, e);
        }
    }

    /** Refuses a font that cannot be embedded or has no Chinese glyphs, at start rather than on the first receipt. */
    private static DocumentFont checked(DocumentFont font) {
        BaseFont base;
        try {
            base = font.newBaseFont();
        }
        catch (RuntimeException e) {
            throw new IllegalStateException("The font " + font.source + " cannot be embedded in PDF documents"
                    + " (a TrueType font is needed): " + e.getMessage(), e);
        }
        for (char c : "办件受理通知书".toCharArray()) {
            if (!base.charExists(c)) {
                throw new IllegalStateException("The font " + font.source + " has no Chinese glyphs (no “" + c
                        + "”); case documents need one, such as Noto Sans SC or WenQuanYi Micro Hei.");
            }
        }
        return font;
    }

    /**
     * A font for one document. Each document gets its own: the font object records the glyphs a document uses and
     * is not safe to share between documents written at the same time.
     */
    BaseFont newBaseFont() {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String source() {
        return source;
    }
}
