package dev.onramp.connect.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.connect.summary.OnboardingSummary.ConnectionEntry;
import dev.onramp.connect.summary.OnboardingSummary.MissingItem;
import dev.onramp.connect.summary.OnboardingSummary.RecommendedSource;
import java.time.Instant;

/**
 * A summary as JSON in the stable schema of {@code docs/summary-schema.md} ({@code "schemaVersion": 1}):
 * every field always present (null when unknown), times ISO-8601 in UTC, ids beside names.
 */
public final class SummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {}

    public static String render(OnboardingSummary summary) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", OnboardingSummary.SCHEMA_VERSION);
        root.put("generatedAt", utc(summary.generatedAt()));

        ObjectNode business = root.putObject("business");
        business.put("id", summary.business().id());
        business.put("name", summary.business().name());
        business.put("type", summary.business().typeId());
        business.put("typeName", summary.business().typeName());

        ObjectNode airbyte = root.putObject("airbyte");
        airbyte.put("kind", summary.airbyte().kind().name());
        airbyte.put("description", summary.airbyte().description());
        airbyte.put("url", summary.airbyte().url().orElse(null));
        airbyte.put("workspace", summary.airbyte().workspace().orElse(null));

        ObjectNode progress = root.putObject("progress");
        progress.put("recommended", summary.progress().recommended());
        progress.put("connected", summary.progress().connected());
        progress.put("needsAttention", summary.progress().needsAttention());
        progress.put("notConnected", summary.progress().notConnected());
        progress.put("complete", summary.progress().complete());
        progress.put("text", summary.progress().text());

        var recommended = root.putArray("recommended");
        for (RecommendedSource source : summary.recommended()) {
            ObjectNode row = recommended.addObject();
            row.put("provider", source.providerId());
            row.put("name", source.name());
            row.put("reason", source.reason());
            row.put("state", source.state().name());
        }

        var connections = root.putArray("connections");
        for (ConnectionEntry c : summary.connections()) {
            ObjectNode row = connections.addObject();
            row.put("id", c.id());
            row.put("provider", c.providerId());
            row.put("providerName", c.providerName());
            row.put("account", c.account());
            row.put("status", c.status());
            row.put("statusText", c.statusText());
            row.put("sourceId", c.sourceId());
            row.put("createdAt", utc(c.createdAt()));
            row.put("lastChecked", c.lastChecked().map(SummaryJson::utc).orElse(null));
            row.put("lastError", c.lastError().orElse(null));
            row.put("streamCount", c.streams().size());
            c.streams().forEach(row.putArray("streams")::add);
            if (c.airbyte().isPresent()) {
                ObjectNode where = row.putObject("airbyte");
                where.put("address", c.airbyte().get().address());
                where.put("workspace", c.airbyte().get().workspace().orElse(null));
                where.put("description", c.airbyte().get().description());
            } else {
                row.putNull("airbyte");
            }
        }

        var missing = root.putArray("missing");
        for (MissingItem item : summary.missing()) {
            ObjectNode row = missing.addObject();
            row.put("kind", item.kind().name());
            row.put("provider", item.providerId());
            row.put("providerName", item.providerName());
            row.put("account", item.account().orElse(null));
            row.put("status", item.status().orElse(null));
            row.put("reason", item.reason().orElse(null));
            row.put("action", item.action());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the summary as JSON", e);
        }
    }

    /** ISO-8601 in UTC, e.g. {@code 2026-03-05T13:32:10Z}. */
    private static String utc(Instant at) {
        return at.toString();
    }
}
