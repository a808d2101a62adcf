package dev.onramp.airbyte;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One connector a self-managed Airbyte offers in a workspace, as {@code source_definitions/list_for_workspace}
 * describes it ({@code SourceDefinitionRead}): its identity and image, and how Airbyte lists it.
 *
 * @param kind the definition's {@code sourceType} ({@code api}, {@code file}, {@code database} or
 *     {@code custom}), when Airbyte says
 * @param iconUrl the definition's {@code icon} (a URL in Airbyte 1.x), when present
 */
public record SourceDefinition(
        String definitionId,
        String name,
        String dockerRepository,
        String dockerImageTag,
        Optional<String> documentationUrl,
        Optional<String> iconUrl,
        Optional<String> supportLevel,
        Optional<String> releaseStage,
        Optional<String> kind,
        boolean custom) {
    /** The prefix of the images Airbyte publishes its own source connectors under. */
    public static final String AIRBYTE_SOURCE = "airbyte/source-";

    public SourceDefinition {
        Objects.requireNonNull(definitionId, "definitionId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dockerRepository, "dockerRepository");
        Objects.requireNonNull(dockerImageTag, "dockerImageTag");
        Objects.requireNonNull(documentationUrl, "documentationUrl");
        Objects.requireNonNull(iconUrl, "iconUrl");
        Objects.requireNonNull(supportLevel, "supportLevel");
        Objects.requireNonNull(releaseStage, "releaseStage");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The connector's slug, as Onramp's catalog names connectors: the image without
     * {@code airbyte/source-} (also the public API's source type), or, for an image published
     * elsewhere (a custom connector), its name made into a slug.
     */
    public String slug() {
        if (dockerRepository.startsWith(AIRBYTE_SOURCE) && dockerRepository.length() > AIRBYTE_SOURCE.length()) {
            return dockerRepository.substring(AIRBYTE_SOURCE.length());
        }
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "connector-" + definitionId : slug;
    }
}
