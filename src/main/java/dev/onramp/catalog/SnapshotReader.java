package dev.onramp.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.model.AuthMode;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import dev.onramp.model.ProviderListing;
import dev.onramp.model.ProviderListing.SupportLevel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the bundled snapshot of Airbyte's connector registry ({@code connectors.json.gz}, made by
 * tools/catalog): an entry that is malformed is skipped with a log line, never a broken catalog.
 */
final class SnapshotReader {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReader.class);

    /** The connectors and the category names, in the order the hub shows them. */
    record Snapshot(List<Provider> providers, List<String> categories) {
        static final Snapshot EMPTY = new Snapshot(List.of(), List.of());
    }

    Snapshot read(InputStream gzipped, String origin) {
        JsonNode file;
        try (InputStream in = new GZIPInputStream(gzipped)) {
            file = new ObjectMapper().readTree(in);
        } catch (JacksonException e) {
            LOG.warn("The connector snapshot {} is not valid JSON ({}); only the featured providers are listed",
                    origin, e.getOriginalMessage());
            return Snapshot.EMPTY;
        } catch (IOException e) {
            LOG.warn("The connector snapshot {} could not be read ({}); only the featured providers are listed",
                    origin, e.getMessage());
            return Snapshot.EMPTY;
        }
        List<Provider> providers = new ArrayList<>();
        for (JsonNode entry : file.path("connectors")) {
            try {
                providers.add(provider(entry));
            } catch (IllegalArgumentException e) {
                LOG.warn("Skipped a connector of the snapshot {}: {}", origin, e.getMessage());
            }
        }
        List<String> categories = new ArrayList<>();
        file.path("categories").forEach(category -> categories.add(category.asText()));
        return new Snapshot(List.copyOf(providers), List.copyOf(categories));
    }

    private static Provider provider(JsonNode entry) {
        String id = text(entry, "id", "a connector without an id");
        String where = "connector " + id;
        String definitionId = text(entry, "definitionId", where + " has no definitionId");
        if (!UUID.fromString(definitionId).toString().equals(definitionId)) {
            throw new IllegalArgumentException(where + " has a definitionId that is not a UUID: " + definitionId);
        }
        AuthMode authMode = AuthMode.valueOf(text(entry, "authMode", where + " has no authMode"));
        Optional<OAuthFacts> oauth = Optional.empty();
        if (authMode == AuthMode.OAUTH) {
            JsonNode facts = entry.path("oauth");
            Map<String, List<String>> outputs = paths(facts.path("outputPaths"));
            if (outputs.isEmpty()) {
                throw new IllegalArgumentException(where + " signs in by OAuth but has no OAuth outputPaths");
            }
            oauth = Optional.of(new OAuthFacts(texts(facts.path("predicateKey")), facts.path("predicateValue").asText(""),
                    outputs, paths(facts.path("userInputPaths")), paths(facts.path("serverOutputPaths")), ""));
        }
        ProviderListing listing = new ProviderListing(entry.path("docs").asText(""),
                SupportLevel.of(entry.path("support").asText()), texts(entry.path("keywords")), false,
                entry.path("cloudOAuth").asBoolean(false));
        return new Provider(id, text(entry, "name", where + " has no name"), entry.path("category").asText("Other"),
                definitionId, text(entry, "sourceType", where + " has no sourceType"), authMode, oauth,
                entry.path("summary").asText(""), listing);
    }

    private static String text(JsonNode entry, String field, String problem) {
        String value = entry.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    private static Map<String, List<String>> paths(JsonNode node) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        node.properties().forEach(entry -> paths.put(entry.getKey(), texts(entry.getValue())));
        return paths;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return List.copyOf(texts);
    }
}
