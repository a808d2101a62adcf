package dev.onramp.model;

import java.util.List;
import java.util.Objects;

/**
 * How a provider is found and described beyond its name: Airbyte's documentation page and support
 * level, Onramp's search keywords, whether it is one of Onramp's featured providers (with business-type
 * recommendations), and whether Airbyte Cloud signs it in by OAuth.
 */
public record ProviderListing(String documentationUrl, SupportLevel support, List<String> keywords, boolean featured,
        boolean cloudOAuth) {
    /** A listing that says nothing beyond the provider itself. */
    public static final ProviderListing NONE = new ProviderListing("", SupportLevel.COMMUNITY, List.of(), false, false);

    public ProviderListing {
        Objects.requireNonNull(documentationUrl, "documentationUrl");
        Objects.requireNonNull(support, "support");
        keywords = List.copyOf(keywords);
    }

    /** Airbyte's support level of a connector: certified by Airbyte, or kept by its community. */
    public enum SupportLevel {
        CERTIFIED,
        COMMUNITY;

        /** The registry's word for it ({@code certified}, {@code community}); anything else is community. */
        public static SupportLevel of(String registryValue) {
            return "certified".equalsIgnoreCase(registryValue) ? CERTIFIED : COMMUNITY;
        }
    }
}
