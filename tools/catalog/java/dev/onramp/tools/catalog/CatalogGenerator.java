package dev.onramp.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.onramp.catalog.UncuratedListing;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Turns Airbyte's connector registry, the Cloud public API's OAuth names and Onramp's curation file
 * into the catalog snapshot the app bundles: an index of every source connector and their specifications.
 */
public final class CatalogGenerator {
    /** The categories a connector can have, in the order the hub shows their chips. */
    public static final List<String> CATEGORIES = List.of("Accounting", "Payments", "Commerce", "CRM", "Marketing",
            "Advertising", "Analytics", "Support", "Communication", "Productivity", "HR & recruiting", "Engineering",
            "Files & databases", "Other");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> log;

    public CatalogGenerator(Consumer<String> log) {
        this.log = log;
    }

    /** What one run made: the index and the specifications, each as JSON. */
    public record Snapshot(ObjectNode index, ObjectNode specs) {}

    /** One hand-curated line of the curation file. */
    public record Curation(String category, List<String> keywords, String summary) {}

    /**
     * Makes the snapshot.
     *
     * @param registry the registry JSON ({@code local_oss_registry.json}), with its {@code sources}
     * @param cloudOAuthNames the {@code OAuthActorNames} of Airbyte's public API: the source types Cloud signs in by OAuth
     * @param curation by connector id, Onramp's own category, keywords and summary
     * @param origin where the registry came from, written into the index
     */
    public Snapshot generate(JsonNode registry, Set<String> cloudOAuthNames, Map<String, Curation> curation, String origin) {
        List<JsonNode> sources = new ArrayList<>();
        registry.path("sources").forEach(sources::add);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("The registry lists no sources");
        }
        // Airbyte's own connectors first, so that one published elsewhere under the same name never takes its id.
        sources.sort(Comparator.comparing((JsonNode s) -> !s.path("dockerRepository").asText().startsWith("airbyte/"))
                .thenComparing(s -> s.path("name").asText().toLowerCase(Locale.ROOT))
                .thenComparing(s -> s.path("sourceDefinitionId").asText()));
        ObjectNode index = JSON.createObjectNode();
        index.put("origin", origin);
        index.putArray("categories").addAll(CATEGORIES.stream().map(JSON.getNodeFactory()::textNode).toList());
        ArrayNode connectors = index.putArray("connectors");
        ObjectNode specs = JSON.createObjectNode();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> curatedSeen = new LinkedHashSet<>();
        for (JsonNode source : sources) {
            String name = source.path("name").asText();
            String definitionId = source.path("sourceDefinitionId").asText();
            JsonNode spec = source.path("spec").path("connectionSpecification");
            if (name.isBlank() || definitionId.isBlank()) {
                log.accept("Skipped a registry entry without a name or definition id: " + abbreviate(source));
                continue;
            }
            if (!spec.isObject() || !spec.path("properties").isObject()) {
                log.accept("Skipped " + name + " (" + definitionId + "): its connectionSpecification has no properties object");
                continue;
            }
            if (source.path("tombstone").asBoolean(false) || !source.path("public").asBoolean(true)) {
                log.accept("Skipped " + name + ": it is withdrawn or not public");
                continue;
            }
            String id = idOf(source);
            if (!ids.add(id)) {
                log.accept("Skipped " + name + " (" + definitionId + "): the id " + id + " is taken by another connector");
                continue;
            }
            ObjectNode entry = connectors.addObject();
            entry.put("id", id);
            entry.put("name", name);
            entry.put("definitionId", definitionId);
            entry.put("sourceType", id);
            entry.put("kind", source.path("sourceType").asText("api"));
            entry.put("docs", source.path("documentationUrl").asText(""));
            entry.put("support", source.path("supportLevel").asText("community"));
            entry.put("stage", source.path("releaseStage").asText("alpha"));
            JsonNode advancedAuth = source.path("spec").path("advanced_auth");
            boolean oauth = advancedAuth.isObject() && advancedAuth.path("oauth_config_specification").isObject();
            entry.put("authMode", oauth ? "OAUTH" : "CREDENTIALS");
            if (oauth) {
                entry.set("oauth", oauthFacts(advancedAuth));
                entry.put("cloudOAuth", cloudOAuthNames.contains(id));
            }
            // The curation file may name one published outside Airbyte's repositories by its Docker repository.
            String repository = source.path("dockerRepository").asText();
            String curatedAs = curation.containsKey(id) ? id : repository;
            Curation curated = curation.get(curatedAs);
            if (curated != null) {
                curatedSeen.add(curatedAs);
            }
            entry.put("category", curated != null ? curated.category() : UncuratedListing.category(name, entry.path("kind").asText()));
            ArrayNode keywords = entry.putArray("keywords");
            Set<String> words = new LinkedHashSet<>(curated != null ? curated.keywords() : List.of());
            source.path("suggestedStreams").path("streams").forEach(stream -> words.add(stream.asText().replace('_', ' ')));
            words.forEach(keywords::add);
            entry.put("summary", curated != null && !curated.summary().isBlank() ? curated.summary() : UncuratedListing.summary(name, entry.path("kind").asText()));
            entry.put("curated", curated != null);
            specs.set(definitionId, spec);
        }
        List<JsonNode> byName = new ArrayList<>();
        connectors.forEach(byName::add);
        byName.sort(Comparator.comparing((JsonNode c) -> c.path("name").asText().toLowerCase(Locale.ROOT))
                .thenComparing(c -> c.path("id").asText()));
        connectors.removeAll();
        connectors.addAll(byName);
        Set<String> unknown = new LinkedHashSet<>(curation.keySet());
        unknown.removeAll(curatedSeen);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("The curation file names connectors the registry lacks: " + unknown);
        }
        return new Snapshot(index, specs);
    }

    /**
     * A connector's id: its Docker repository without {@code airbyte/source-} (also the public API's
     * source type), or its name made into a slug for the few published outside Airbyte's own repositories.
     */
    public static String idOf(JsonNode source) {
        String repository = source.path("dockerRepository").asText();
        if (repository.startsWith("airbyte/source-")) {
            return repository.substring("airbyte/source-".length());
        }
        return source.path("name").asText().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static ObjectNode oauthFacts(JsonNode advancedAuth) {
        ObjectNode facts = JSON.createObjectNode();
        facts.set("predicateKey", advancedAuth.path("predicate_key").isArray()
                ? advancedAuth.path("predicate_key") : JSON.createArrayNode());
        facts.put("predicateValue", advancedAuth.path("predicate_value").asText(""));
        JsonNode config = advancedAuth.path("oauth_config_specification");
        facts.set("outputPaths", paths(config.path("complete_oauth_output_specification")));
        facts.set("userInputPaths", paths(config.path("oauth_user_input_from_connector_config_specification")));
        facts.set("serverOutputPaths", paths(config.path("complete_oauth_server_output_specification")));
        return facts;
    }

    private static ObjectNode paths(JsonNode specification) {
        ObjectNode paths = JSON.createObjectNode();
        specification.path("properties").properties().forEach(property -> {
            JsonNode path = property.getValue().path("path_in_connector_config");
            if (path.isArray() && !path.isEmpty()) {
                paths.set(property.getKey(), path);
            }
        });
        return paths;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    /** Reads the curation file: {@code id<TAB>category<TAB>keywords<TAB>summary}, {@code #} comments. */
    public static Map<String, Curation> readCuration(List<String> lines) {
        Map<String, Curation> curation = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            String where = "curation line " + (i + 1);
            if (columns.length < 3 || columns.length > 4) {
                throw new IllegalArgumentException(where + " has " + columns.length + " columns, not 3 or 4");
            }
            String id = columns[0].strip();
            String category = columns[1].strip();
            if (!CATEGORIES.contains(category)) {
                throw new IllegalArgumentException(where + " has the unknown category " + category);
            }
            List<String> keywords = new ArrayList<>();
            for (String keyword : columns[2].split(",")) {
                if (!keyword.isBlank()) {
                    keywords.add(keyword.strip().toLowerCase(Locale.ROOT));
                }
            }
            String summary = columns.length == 4 ? columns[3].strip() : "";
            if (curation.put(id, new Curation(category, keywords, summary)) != null) {
                throw new IllegalArgumentException(where + " names " + id + " a second time");
            }
        }
        return curation;
    }

    /** The {@code OAuthActorNames} enum of the public API's SDK document. */
    public static Set<String> cloudOAuthNames(JsonNode apiSdk) {
        Set<String> names = new LinkedHashSet<>();
        apiSdk.path("components").path("schemas").path("OAuthActorNames").path("enum").forEach(n -> names.add(n.asText()));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("The public API document has no OAuthActorNames enum");
        }
        return names;
    }

    /** Writes {@code json} gzipped to {@code file}, compact and byte-for-byte repeatable. */
    public static void writeGzip(JsonNode json, Path file) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            JSON.writeValue(out, json);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * {@code CatalogGenerator REGISTRY.json API_SDK.yaml CURATION.tsv OUT_FOLDER ORIGIN}: writes
     * {@code connectors.json.gz} and {@code specs.json.gz} into the folder.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: CatalogGenerator REGISTRY.json API_SDK.yaml CURATION.tsv OUT_FOLDER ORIGIN");
            System.exit(2);
        }
        JsonNode registry = JSON.readTree(Path.of(args[0]).toFile());
        LoaderOptions large = new LoaderOptions();
        large.setCodePointLimit(64 * 1024 * 1024); // api_sdk.yaml is over SnakeYAML's default 3 MB
        YAMLMapper yaml = new YAMLMapper(YAMLFactory.builder().loaderOptions(large).build());
        Set<String> cloud = cloudOAuthNames(yaml.readTree(Path.of(args[1]).toFile()));
        Map<String, Curation> curation = readCuration(Files.readAllLines(Path.of(args[2])));
        Snapshot snapshot = new CatalogGenerator(System.err::println).generate(registry, cloud, curation, args[4]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out);
        writeGzip(snapshot.index(), out.resolve("connectors.json.gz"));
        writeGzip(snapshot.specs(), out.resolve("specs.json.gz"));
        Map<String, Integer> perCategory = new HashMap<>();
        snapshot.index().path("connectors").forEach(c -> perCategory.merge(c.path("category").asText(), 1, Integer::sum));
        System.out.println(snapshot.index().path("connectors").size() + " connectors written to " + out + "; by category: "
                + new LinkedHashMap<>(new TreeMap<>(perCategory)));
    }
}
