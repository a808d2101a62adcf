package dev.onramp.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.model.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
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
    /** The snapshot's specifications: one bundled resource, read once for the whole process. */
    private static volatile Map<String, ObjectNode> snapshot;

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
                .or(() -> Optional.ofNullable(snapshot().get(definitionId)))
                .map(ObjectNode::deepCopy);
    }

    private Optional<ObjectNode> specificationOf(Provider provider) {
        if (provider.featured()) {
            return Optional.of(featured.computeIfAbsent(provider.id(), id -> load(provider)));
        }
        return Optional.ofNullable(snapshot().get(provider.definitionId()));
    }

    /**
     * Reads the registry snapshot's specifications now, if they are not yet: the window calls it off
     * the FX thread at start, so that tiles asking their connector's options never wait for it.
     */
    public static void preload() {
        snapshot();
    }

    private static Map<String, ObjectNode> snapshot() {
        Map<String, ObjectNode> read = snapshot;
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

    /** The snapshot's specifications by definition id; one that is not a schema with properties is skipped with a log line. */
    private static Map<String, ObjectNode> readSnapshot() {
        String origin = "dev/onramp/catalog/" + SNAPSHOT;
        Map<String, ObjectNode> specs = new LinkedHashMap<>();
        try (InputStream resource = ConnectorSpecs.class.getResourceAsStream(SNAPSHOT)) {
            if (resource == null) {
                LOG.warn("The connector specifications {} are missing; only featured providers can be connected", origin);
                return Map.of();
            }
            JsonNode all = new ObjectMapper().readTree(new GZIPInputStream(resource));
            all.properties().forEach(entry -> {
                if (entry.getValue() instanceof ObjectNode spec && spec.path("properties").isObject()) {
                    specs.put(entry.getKey(), spec);
                } else {
                    LOG.warn("Skipped the specification of connector {} in {}: it is not a schema with properties",
                            entry.getKey(), origin);
                }
            });
        } catch (IOException e) {
            LOG.warn("The connector specifications {} could not be read ({}); only featured providers can be connected",
                    origin, e.getMessage());
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
