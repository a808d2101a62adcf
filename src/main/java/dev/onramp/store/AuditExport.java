package dev.onramp.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.TenantId;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Writes audit entries as JSON lines or CSV, each with its business's name beside its id. */
final class AuditExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HEADER = List.of("seq", "tenant_id", "business", "at", "actor", "action",
            "resource", "details");

    private AuditExport() {}

    /**
     * Writes {@code entries}; {@code names} gives each business's name by its id (a business removed
     * since has none, and its cell is empty).
     */
    static void write(List<AuditEvent> entries, Map<TenantId, String> names, AuditFormat format, Writer out)
            throws IOException {
        header(format, out);
        rows(entries, names, format, out);
        out.flush();
    }

    /** What comes before the first entry: the CSV header row, nothing for JSON lines. */
    static void header(AuditFormat format, Writer out) throws IOException {
        if (format == AuditFormat.CSV) {
            out.write(csvLine(HEADER.stream()));
        }
    }

    /** Writes {@code entries} after the header or after earlier entries; {@code names} as for {@link #write}. */
    static void rows(List<AuditEvent> entries, Map<TenantId, String> names, AuditFormat format, Writer out)
            throws IOException {
        for (AuditEvent entry : entries) {
            out.write(switch (format) {
                case JSONL -> jsonLine(entry, names.getOrDefault(entry.tenantId(), ""));
                case CSV -> csvLine(Stream.of(Long.toString(entry.seq()), entry.tenantId().toString(),
                        names.getOrDefault(entry.tenantId(), ""), entry.at().toString(), entry.actor(), entry.action(), entry.resource(),
                        entry.details() == null ? "" : entry.details()));
            });
        }
    }

    private static String jsonLine(AuditEvent entry, String business) throws IOException {
        ObjectNode line = JSON.createObjectNode()
                .put("seq", entry.seq())
                .put("tenantId", entry.tenantId().toString())
                .put("business", business)
                .put("at", entry.at().toString())
                .put("actor", entry.actor())
                .put("action", entry.action())
                .put("resource", entry.resource())
                .put("details", entry.details());
        return JSON.writeValueAsString(line) + "\n";
    }

    private static String csvLine(Stream<String> cells) {
        return cells.map(AuditExport::csvCell).collect(Collectors.joining(",", "", "\r\n"));
    }

    /**
     * Quotes as RFC 4180 asks, and puts an apostrophe before text a spreadsheet would run as a formula
     * (a business named "=HYPERLINK(...)" must stay text when the export is opened).
     */
    static String csvCell(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
