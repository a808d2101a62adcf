package dev.onramp.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.model.Provider;
import dev.onramp.text.Locales;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection specifications bundled for the catalog's providers — a file per featured provider,
 * and the registry snapshot's for every other — used where Airbyte does not serve them: Airbyte
 * Cloud and demo mode. Each is read when first asked for.
 */
public final class ConnectorSpecs {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorSpecs.class);
    private static final String FOLDER = "specs/";
    private static final String SNAPSHOT = "specs.json.gz";

    private final Catalog catalog;
    private final Map<String, ObjectNode> featured = new ConcurrentHashMap<>();
    /** Each featured provider's words by language ({@code stripe/de}), made when first asked for. */
    private final Map<String, SpecWords> words = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The snapshot's specifications as JSON text by definition id: one bundled resource, read once for
     * the whole process and kept as text (a few hundred KB), each parsed when asked for.
     */
    private static volatile Map<String, String> snapshot;

    private ConnectorSpecs(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The specifications of every provider in {@code catalog}, read when first asked for. */
    public static ConnectorSpecs bundled(Catalog catalog) {
        return new ConnectorSpecs(catalog);
    }

    /**
     * The provider's {@code connectionSpecification} (a JSON Schema); a copy the caller may change.
     *
     * @throws IllegalStateException when a featured provider's bundled file is missing or broken, naming it
     */
    public Optional<ObjectNode> specification(String providerId) {
        return catalog.provider(providerId).flatMap(this::specificationOf).map(ObjectNode::deepCopy);
    }

    /** The {@code connectionSpecification} of the provider with this Airbyte definition id; a copy the caller may change. */
    public Optional<ObjectNode> specificationOfDefinition(String definitionId) {
        return catalog.providerOfDefinition(definitionId).flatMap(this::specificationOf)
                .or(() -> parsed(definitionId))
                .map(ObjectNode::deepCopy);
    }

    /**
     * The titles and descriptions of the provider's specification in {@code language}, for its form: a
     * featured provider's, from the words bundled with its specification; English for any other provider,
     * a language Onramp ships no words of, or English itself (the registry's specifications are Airbyte's,
     * in English).
     *
     * @throws IllegalStateException when a featured provider's bundled specification is missing or broken
     */
    public SpecWords words(String providerId, Locale language) {
        Locale shipped = Locales.shipped(language.toLanguageTag()).orElse(Locale.ENGLISH);
        Optional<Provider> provider = catalog.provider(providerId).filter(Provider::featured);
        if (shipped.equals(Locale.ENGLISH) || provider.isEmpty()) {
            return SpecWords.english();
        }
        return words.computeIfAbsent(providerId + "/" + shipped.getLanguage(),
                key -> SpecWords.of(shipped, providerId, specificationOf(provider.get()).orElseThrow()));
    }

    private Optional<ObjectNode> specificationOf(Provider provider) {
        if (provider.featured()) {
            return Optional.of(featured.computeIfAbsent(provider.id(), id -> load(provider)));
        }
        return parsed(provider.definitionId());
    }

    /** The snapshot's specification of the definition, parsed; one that is not a schema with properties is skipped with a log line. */
    private static Optional<ObjectNode> parsed(String definitionId) {
        String text = snapshot().get(definitionId);
        if (text == null) {
            return Optional.empty();
        }
        try {
            if (JSON.readTree(text) instanceof ObjectNode spec && spec.path("properties").isObject()) {
                return Optional.of(spec);
            }
        } catch (JacksonException e) {
            // Said below, as for any other broken entry.
        }
        LOG.warn("Skipped the specification of connector {} in dev/onramp/catalog/{}: it is not a schema with properties",
                definitionId, SNAPSHOT);
        return Optional.empty();
    }

    /**
     * Reads the registry snapshot's specifications now, if they are not yet: the window calls it off
     * the FX thread at start, so that tiles asking their connector's options never wait for it.
     */
    public static void preload() {
        snapshot();
    }

    private static Map<String, String> snapshot() {
        Map<String, String> read = snapshot;
        if (read == null) {
            synchronized (ConnectorSpecs.class) {
                read = snapshot;
                if (read == null) {
                    read = readSnapshot();
                    snapshot = read;
                }
            }
        }
        return read;
    }

    /** The snapshot's specifications as text by definition id, copied token by token without building their trees. */
    private static Map<String, String> readSnapshot() {
        String origin = "dev/onramp/catalog/" + SNAPSHOT;
        Map<String, String> specs = new HashMap<>();
        try (InputStream resource = ConnectorSpecs.class.getResourceAsStream(SNAPSHOT)) {
            if (resource == null) {
                LOG.warn("The connector specifications {} are missing; only featured providers can be connected", origin);
                return Map.of();
            }
            JsonFactory factory = JSON.getFactory();
            try (JsonParser parser = factory.createParser(new GZIPInputStream(resource))) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("it is not a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String definitionId = parser.currentName();
                    parser.nextToken();
                    StringWriter text = new StringWriter();
                    try (JsonGenerator copy = factory.createGenerator(text)) {
                        copy.copyCurrentStructure(parser);
                    }
                    specs.put(definitionId, text.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("The connector specifications {} could not be read ({}); only featured providers can be connected",
                    origin, e.getMessage());
            return Map.of();
        }
        return Map.copyOf(specs);
    }

    private static ObjectNode load(Provider provider) {
        ObjectMapper json = new ObjectMapper();
        String resource = FOLDER + provider.id() + ".json";
        String origin = "dev/onramp/catalog/" + resource;
        try (InputStream in = ConnectorSpecs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The connector specification " + origin
                        + " is missing from the Onramp package: reinstall Onramp.");
            }
            JsonNode file = json.readTree(in);
            if (!provider.definitionId().equals(file.path("definitionId").asText())
                    || !(file.path("connectionSpecification") instanceof ObjectNode spec)
                    || !spec.path("properties").isObject()) {
                throw new IllegalStateException("The connector specification " + origin + " is broken: it is not "
                        + provider.name() + "'s specification. Reinstall Onramp.");
            }
            return spec;
        } catch (JacksonException e) {
            throw new IllegalStateException("The connector specification " + origin + " is not valid JSON ("
                    + e.getOriginalMessage() + "). Reinstall Onramp.", e);
        } catch (IOException e) {
            throw new IllegalStateException("Onramp could not read its connector specification " + origin + ": "
                    + e.getMessage(), e);
        }
    }
}
