package dev.onramp.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A data provider Onramp can connect (Shopify, HubSpot, ...), with its Airbyte source definition
 * how its accounts are authorized, and how it is listed and found.
 */
public record Provider(
        String id,
        String name,
        String category,
        String definitionId,
        String sourceType,
        AuthMode authMode,
        Optional<OAuthFacts> oauth,
        String summary,
        ProviderListing listing) {
    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definitionId, "definitionId");
        Objects.requireNonNull(authMode, "authMode");
        Objects.requireNonNull(oauth, "oauth");
        Objects.requireNonNull(listing, "listing");
    }

    /** A provider listed with nothing beyond itself. */
    public Provider(String id, String name, String category, String definitionId, String sourceType, AuthMode authMode,
            Optional<OAuthFacts> oauth, String summary) {
        this(id, name, category, definitionId, sourceType, authMode, oauth, summary, ProviderListing.NONE);
    }

    /** Whether Onramp features it: a hand-written summary and recommendations for kinds of business. */
    public boolean featured() {
        return listing.featured();
    }

    public boolean connectsByOAuth() {
        return authMode == AuthMode.OAUTH && oauth.isPresent();
    }
}
