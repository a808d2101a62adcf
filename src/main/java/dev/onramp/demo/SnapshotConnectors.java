package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every connector of the catalog snapshot Onramp bundles ({@code /dev/onramp/catalog/connectors.json.gz}
 * and {@code specs.json.gz}), with what Airbyte lists of its definition; read once per JVM, by the first
 * call that needs a connector the simulator's own {@code connectors.json} does not have.
 */
final class SnapshotConnectors {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotConnectors.class);
    private static final String CONNECTORS = "/dev/onramp/catalog/connectors.json.gz";
    private static final String SPECS = "/dev/onramp/catalog/specs.json.gz";
    private static final String DEFINITIONS = "definitions.tsv.gz";

    /** A connector as {@code source_definitions/list_for_workspace} describes it, and the connector itself. */
    record Definition(
            DemoConnector connector,
            String dockerRepository,
            String dockerImageTag,
            String kind,
            String supportLevel,
            String releaseStage,
            Optional<String> releaseDate,
            Optional<String> language,
            Optional<String> iconUrl) {}

    /** What the registry says of a definition beyond the snapshot (tools/demo/generate). */
    private record Release(String dockerImageTag, Optional<String> releaseDate, Optional<String> language,
            Optional<String> iconUrl) {}

    private final Map<String, Definition> byDefinitionId;
    private final Map<String, Definition> bySourceType;

    private SnapshotConnectors(List<Definition> definitions) {
        Map<String, Definition> byId = new LinkedHashMap<>();
        Map<String, Definition> byType = new HashMap<>();
        definitions.forEach(definition -> {
            byId.putIfAbsent(definition.connector().definitionId(), definition);
            byType.putIfAbsent(definition.connector().sourceType(), definition);
        });
        this.byDefinitionId = byId;
        this.bySourceType = byType;
    }

    /** The snapshot, read on the first call (thread-safe: the JVM initializes the holder once). */
    static SnapshotConnectors bundled() {
        return Holder.SNAPSHOT;
    }

    Optional<Definition> byDefinitionId(String definitionId) {
        return Optional.ofNullable(byDefinitionId.get(definitionId));
    }

    Optional<Definition> bySourceType(String sourceType) {
        return Optional.ofNullable(bySourceType.get(sourceType));
    }

    /** Every definition, in the snapshot's order. */
    List<Definition> definitions() {
        return List.copyOf(byDefinitionId.values());
    }

    /** Holds the snapshot; the JVM reads it once, when it is first asked for. */
    private static final class Holder {
        static final SnapshotConnectors SNAPSHOT = read(new ObjectMapper());
    }

    static SnapshotConnectors read(ObjectMapper json) {
        long started = System.nanoTime();
        try {
            JsonNode index = gzipJson(json, CONNECTORS);
            JsonNode specs = gzipJson(json, SPECS);
            Map<String, Release> releases = releases();
            List<Definition> definitions = new ArrayList<>();
            for (JsonNode entry : index.path("connectors")) {
                String definitionId = entry.path("definitionId").asText();
                if (!(specs.get(definitionId) instanceof ObjectNode spec)) {
                    LOG.warn("The catalog snapshot has no specification for {}; the simulator leaves it out",
                            entry.path("name").asText(definitionId));
                    continue;
                }
                Release release = releases.getOrDefault(definitionId,
                        new Release("latest", Optional.empty(), Optional.empty(), Optional.empty()));
                definitions.add(new Definition(GenericConnector.of(entry, spec),
                        "airbyte/source-" + entry.path("id").asText(),
                        release.dockerImageTag(),
                        entry.path("kind").asText("api"),
                        entry.path("support").asText("community"),
                        entry.path("stage").asText("alpha"),
                        release.releaseDate(), release.language(), release.iconUrl()));
            }
            LOG.info("The simulator read {} connectors of the catalog snapshot in {} ms", definitions.size(),
                    (System.nanoTime() - started) / 1_000_000);
            return new SnapshotConnectors(definitions);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The catalog snapshot could not be read ({}); the simulator knows only its own connectors", e.toString());
            return new SnapshotConnectors(List.of());
        }
    }

    private static JsonNode gzipJson(ObjectMapper json, String resource) throws IOException {
        try (InputStream in = SnapshotConnectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the application");
            }
            return json.readTree(new GZIPInputStream(in));
        }
    }

    private static Map<String, Release> releases() throws IOException {
        Map<String, Release> releases = new HashMap<>();
        try (InputStream in = SnapshotConnectors.class.getResourceAsStream(DEFINITIONS)) {
            if (in == null) {
                throw new IOException(DEFINITIONS + " is missing from the application");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split("\t", -1);
                if (line.startsWith("#") || fields.length < 5 || fields[1].isBlank()) {
                    continue;
                }
                releases.put(fields[0], new Release(fields[1], present(fields[2]), present(fields[3]), present(fields[4])));
            }
        }
        return releases;
    }

    private static Optional<String> present(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
