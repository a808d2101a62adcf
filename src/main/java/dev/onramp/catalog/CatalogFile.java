package dev.onramp.catalog;

import java.util.List;
import java.util.Map;

/** The shape of the bundled {@code catalog.json}, as Jackson reads it before it is checked. */
record CatalogFile(List<ProviderEntry> providers, List<BusinessTypeEntry> businessTypes) {

    /** One provider as written in the file. */
    record ProviderEntry(
            String id,
            String name,
            String category,
            String definitionId,
            String sourceType,
            String authMode,
            String summary,
            OAuthEntry oauth) {}

    /** Airbyte's OAuth facts for one connector, as written in the file. */
    record OAuthEntry(
            List<String> predicateKey,
            String predicateValue,
            Map<String, List<String>> outputPaths,
            Map<String, List<String>> userInputPaths,
            Map<String, List<String>> serverOutputPaths,
            String appConsole) {}

    /** One kind of business and its ranked recommendations, as written in the file. */
    record BusinessTypeEntry(String id, String name, String description, List<RecommendationEntry> recommendations) {}

    /** One recommended provider and why, as written in the file. */
    record RecommendationEntry(String provider, String reason) {}
}
