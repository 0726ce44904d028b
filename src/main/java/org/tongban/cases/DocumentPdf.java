package org.tongban.cases;

import com.google.zxing.common.BitMatrix;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The layout every case document shares, on A4 in one embedded font: the platform's name and the title at the head,
 * the document number, body paragraphs, tables of facts, the issuing department and date at the foot of the text,
 * and one line at the bottom of every page. What each document says is {@link CaseDocumentWriter}'s.
 */
final class DocumentPdf {

    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color RULE = new Color(0xbb, 0xbb, 0xbb);
    private static final Color SHADE = new Color(0xf2, 0xf2, 0xf2);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document;
    private final PdfWriter writer;
    private final Font body;
    private final Font small;
    private final Font label;

    /**
     * @param footer the line at the bottom of every page (who generated it, that it carries no seal)
     */
    DocumentPdf(BaseFont font, String title, String footer) {
        this.body = new Font(font, 11, Font.NORMAL, INK);
        this.small = new Font(font, 9, Font.NORMAL, MUTED);
        this.label = new Font(font, 10.5f, Font.NORMAL, MUTED);
        this.document = new Document(PageSize.A4, 64, 64, 56, 64);
        this.writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new Footer(new Font(font, 8.5f, Font.NORMAL, MUTED), footer));
        document.addTitle(title);
        document.addCreator("Tongban");
        document.open();
    }

    /** The platform's name, the title in large type, and the document number on the right. */
    DocumentPdf head(String platform, String title, String number) {
        Paragraph p = new Paragraph(platform, small);
        p.setAlignment(Element.ALIGN_CENTER);
        document.add(p);
        Paragraph t = new Paragraph(bold(title, 20));
        t.setAlignment(Element.ALIGN_CENTER);
        t.setSpacingBefore(6);
        t.setSpacingAfter(4);
        document.add(t);
        Paragraph n = new Paragraph(number, small);
        n.setAlignment(Element.ALIGN_RIGHT);
        n.setSpacingAfter(10);
        document.add(n);
        return this;
    }

    /** The one the notice is addressed to, flush left and followed by a colon (申请人：). */
    DocumentPdf addressee(String name) {
        Paragraph p = new Paragraph(name + "：", body);
        p.setSpacingAfter(4);
        document.add(p);
        return this;
    }

    /** A body paragraph, its first line indented by two characters as Chinese official text is. */
    DocumentPdf paragraph(String text) {
        Paragraph p = new Paragraph(text, body);
        p.setFirstLineIndent(22);
        p.setLeading(19);
        p.setSpacingAfter(6);
        document.add(p);
        return this;
    }

    DocumentPdf heading(String text) {
        Paragraph p = new Paragraph(bold(text, 12));
        p.setSpacingBefore(8);
        p.setSpacingAfter(4);
        document.add(p);
        return this;
    }

    /** Label and value rows: the facts of a case. */
    DocumentPdf facts(List<String[]> rows) {
        PdfPTable table = new PdfPTable(new float[] {1.1f, 3.4f});
        table.setWidthPercentage(100);
        for (String[] row : rows) {
            table.addCell(cell(row[0], label, SHADE));
            table.addCell(cell(row[1], body, null));
        }
        table.setSpacingAfter(8);
        document.add(table);
        return this;
    }

    /** A table with a header row, such as the materials and how each was provided. */
    DocumentPdf table(float[] widths, String[] header, List<String[]> rows) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : header) {
            table.addCell(cell(h, label, SHADE));
        }
        for (String[] row : rows) {
            for (String value : row) {
                table.addCell(cell(value, body, null));
            }
        }
        table.setSpacingAfter(8);
        document.add(table);
        return this;
    }

    /** A QR code drawn as filled squares (sharp at any zoom and in print), with its caption beside it. */
    DocumentPdf qr(BitMatrix matrix, String caption, String url) {
        float module = 2.4f;
        PdfTemplate t = writer.getDirectContent().createTemplate(matrix.getWidth() * module, matrix.getHeight() * module);
        t.setColorFill(Color.BLACK);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    t.rectangle(x * module, (matrix.getHeight() - 1 - y) * module, module, module);
                }
            }
        }
        t.fill();
        Image image = Image.getInstance(t);
        PdfPTable table = new PdfPTable(new float[] {1.1f, 3.9f});
        table.setWidthPercentage(100);
        table.setKeepTogether(true);
        PdfPCell code = new PdfPCell(image, false);
        code.setBorder(Rectangle.NO_BORDER);
        code.setPadding(0);
        table.addCell(code);
        Phrase text = new Phrase();
        text.add(new Chunk(caption + "\n", body));
        text.add(new Chunk(url, small));
        PdfPCell words = new PdfPCell(text);
        words.setBorder(Rectangle.NO_BORDER);
        words.setVerticalAlignment(Element.ALIGN_MIDDLE);
        words.setLeading(0, 1.5f);
        table.addCell(words);
        table.setSpacingBefore(6);
        document.add(table);
        return this;
    }

    /** The issuing department and the date, right-aligned below the text, where a seal would go. */
    DocumentPdf issuer(String department, String date) {
        Paragraph p = new Paragraph(department + "\n" + date, body);
        p.setAlignment(Element.ALIGN_RIGHT);
        p.setLeading(20);
        p.setSpacingBefore(18);
        document.add(p);
        return this;
    }

    byte[] bytes() {
        document.close();
        return out.toByteArray();
    }

    private Phrase bold(String text, float size) {
        Chunk c = new Chunk(text, new Font(body.getBaseFont(), size, Font.NORMAL, INK));
        // One regular face is bundled (10 MB); a thin stroke around the fill gives headings their weight.
        c.setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, size / 40, INK);
        return new Phrase(c);
    }

    private static PdfPCell cell(String text, Font font, @Nullable Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(5);
        cell.setPaddingBottom(7);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setLeading(0, 1.35f);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    private static final class Footer extends PdfPageEventHelper {

        private final Font font;
        private final String line;

        Footer(Font font, String line) {
            this.font = font;
            this.line = line;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            float y = document.bottom() - 24;
            cb.setColorStroke(RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(document.left(), y + 12);
            cb.lineTo(document.right(), y + 12);
            cb.stroke();
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(line, font), document.left(), y, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT,
                    new Phrase("第 " + writer.getPageNumber() + " 页", font), document.right(), y, 0);
        }
    }
}
