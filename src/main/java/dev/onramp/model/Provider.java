package dev.onramp.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A data provider Onramp can connect (Shopify, HubSpot, ...), with its Airbyte source definition
 * and how its accounts are authorized.
 */
public record Provider(
        String id,
        String name,
        String category,
        String definitionId,
        String sourceType,
        AuthMode authMode,
        Optional<OAuthFacts> oauth,
        String summary) {
    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definitionId, "definitionId");
        Objects.requireNonNull(authMode, "authMode");
        Objects.requireNonNull(oauth, "oauth");
    }

    public boolean connectsByOAuth() {
        return authMode == AuthMode.OAUTH && oauth.isPresent();
    }
}
