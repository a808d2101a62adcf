package dev.onramp.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AuthPayloadMerger;
import dev.onramp.airbyte.SignIn;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import dev.onramp.oauth.CallbackResult;
import dev.onramp.oauth.LoopbackReceiver;
import dev.onramp.oauth.RelayRedirect;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The Airbyte Cloud part of a connect flow: the consent returns through the operator's https relay
 * with a {@code secret_id} and the flow's nonce, and the source is made from that secret, so the
 * provider's tokens stay in Airbyte. Cloud has no connector specification endpoint, so the OAuth
 * facts (the predicate that selects OAuth) come from the bundled catalog.
 */
final class RelayConsent {
    private final SignIn.Relay cloud;
    private final Provider provider;
    private final OAuthFacts facts;
    private final String workspace;
    private final SecureRandom random;
    private final ObjectMapper json = new ObjectMapper();

    RelayConsent(SignIn.Relay cloud, Provider provider, String workspace, SecureRandom random) {
        this.cloud = cloud;
        this.provider = provider;
        this.facts = provider.oauth().orElseThrow(() -> new IllegalArgumentException(provider.name() + " has no OAuth facts"));
        this.workspace = workspace;
        this.random = random;
    }

    /**
     * Binds the receiver to a fresh 256-bit nonce and asks Airbyte for the consent link that
     * returns through the relay with it; fails before calling Airbyte when no https relay is set.
     */
    URI start(LoopbackReceiver receiver) {
        return start(receiver, json.createObjectNode());
    }

    /** As {@link #start(LoopbackReceiver)}, with the fields the provider needs first ({@code oAuthInputConfiguration}). */
    URI start(LoopbackReceiver receiver, ObjectNode oauthInput) {
        RelayRedirect redirect = RelayRedirect.create(cloud.relayUrl(), receiver, random);
        receiver.expectNonce(redirect.nonce());
        return cloud.initiateOAuth(provider, workspace, redirect.url(), oauthInput);
    }

    /** The secret id the relay forwarded; empty when the answer came without one. */
    Optional<String> secretId(CallbackResult callback) {
        return Optional.ofNullable(callback.params().get("secret_id")).filter(id -> !id.isBlank());
    }

    /** The configuration to create with: the predicate set to OAuth; the tokens come from the secret. */
    ObjectNode configuration() {
        return configuration(json.createObjectNode());
    }

    /** As {@link #configuration()}, over {@code base}: the user's inputs at their places in the configuration. */
    ObjectNode configuration(ObjectNode base) {
        return AuthPayloadMerger.merge(base, facts, json.createObjectNode());
    }

    String createSource(String name, ObjectNode configuration, String secretId) {
        return cloud.createSource(workspace, provider, name, configuration, secretId);
    }
}
