package dev.onramp.connect.summary;

import dev.onramp.text.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A summary as an A4 PDF (Apache PDFBox): the title with the business's name and the date, the Airbyte
 * and workspace, the progress line, a block per connection and the missing list, onto as many pages as
 * it takes. It uses the Standard 14 Helvetica, which needs no font file but encodes only Western European
 * characters (WinAnsi): any other character, such as a business name in another script, is written as '?'.
 */
public final class SummaryPdf {
    private static final float MARGIN = 56;
    private static final PDRectangle PAGE = PDRectangle.A4;

    private SummaryPdf() {}

    /** The summary's PDF in English. */
    public static byte[] render(OnboardingSummary summary, ZoneId zone) {
        return render(summary, zone, Messages.english());
    }

    /** The summary's PDF in the language of {@code words} (German and French letters are in WinAnsi). */
    public static byte[] render(OnboardingSummary summary, ZoneId zone, Messages words) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            Writer writer = new Writer(document);
            info.setTitle(words.get("connect.summary.title", summary.business().name()));
            info.setCreator("Onramp");
            for (SummaryLines.Line line : SummaryLines.of(summary, zone, words)) {
                writer.write(line);
            }
            writer.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the summary's PDF: " + e.getMessage(), e);
        }
    }

    /** Lays lines out top to bottom, wrapping long ones and starting a page when one is full. */
    private static final class Writer {
        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final PDDocument document;
        private final Map<Integer, Boolean> encodes = new HashMap<>();
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument document) {
            this.document = document;
        }

        void write(SummaryLines.Line line) throws IOException {
            if (line.kind() == SummaryLines.Kind.GAP) {
                y -= 8;
                return;
            }
            PDType1Font font = switch (line.kind()) {
                case TITLE, HEADING, PROGRESS -> bold;
                default -> regular;
            };
            float size = switch (line.kind()) {
                case TITLE -> 18;
                case PROGRESS, HEADING -> 13;
                case DETAIL, SUBTITLE -> 10;
                default -> 11;
            };
            float indent = switch (line.kind()) {
                case ITEM -> 8;
                case DETAIL -> 24;
                default -> 0;
            };
            float leading = size * 1.35f;
            if (line.kind() == SummaryLines.Kind.HEADING || line.kind() == SummaryLines.Kind.ITEM) {
                // A heading or a connection's first line does not stand alone at a page's foot.
                ensureRoom(leading * 3);
            }
            for (String part : wrap(encodable(font, line.text()), font, size, PAGE.getWidth() - 2 * MARGIN - indent)) {
                ensureRoom(leading);
                y -= leading;
                page.beginText();
                page.setFont(font, size);
                page.newLineAtOffset(MARGIN + indent, y);
                page.showText(part);
                page.endText();
            }
        }

        private void ensureRoom(float height) throws IOException {
            if (page == null || y - height < MARGIN) {
                finish();
                PDPage next = new PDPage(PAGE);
                document.addPage(next);
                page = new PDPageContentStream(document, next);
                y = PAGE.getHeight() - MARGIN;
            }
        }

        void finish() throws IOException {
            if (page != null) {
                page.close();
                page = null;
            }
        }

        /** The text with every character the font cannot encode (and every control character) as '?'. */
        String encodable(PDType1Font font, String text) {
            StringBuilder kept = new StringBuilder();
            text.codePoints().forEach(cp -> kept.append(encodes.computeIfAbsent(cp, c -> canEncode(font, c))
                    ? new String(Character.toChars(cp)) : "?"));
            return kept.toString();
        }

        private static boolean canEncode(PDType1Font font, int codePoint) {
            if (Character.isISOControl(codePoint)) {
                return false;
            }
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        /** The text broken at spaces (a word wider than the line at any character) into lines that fit {@code width}. */
        private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ", -1)) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(font, size, rest) > width) {
                    int fits = 1;
                    while (fits < rest.length() && width(font, size, rest.substring(0, fits + 1)) <= width) {
                        fits++;
                    }
                    lines.add(rest.substring(0, fits));
                    rest = rest.substring(fits);
                }
                line.append(rest);
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private static float width(PDType1Font font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }
    }
}
