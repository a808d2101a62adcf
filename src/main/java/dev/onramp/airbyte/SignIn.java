package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.model.Provider;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * How an Airbyte signs a person in to a provider, each way with its re-authorization: a flow
 * matches on it, so a new way (another Cloud region, Airbyte Embedded's consent) is a new case here
 * rather than a test for a gateway's class in every flow.
 */
public sealed interface SignIn {

    /**
     * Airbyte hands out the provider's consent link for a redirect to Onramp's loopback receiver,
     * and Onramp finishes the sign-in with the callback's parameters (the Config API of a
     * self-managed Airbyte and of the simulator).
     */
    non-sealed interface Loopback extends SignIn {
        /**
         * Asks Airbyte for the provider's consent URL that will redirect to {@code redirectUrl};
         * {@code oauthInput} (the user's inputs, e.g. a Zendesk subdomain) may be null when there are none.
         */
        URI getConsentUrl(String definitionId, String workspaceId, URI redirectUrl, ObjectNode oauthInput);

        /**
         * Exchanges the callback's query parameters for the auth payload (keys as in the connector's
         * completeOAuthOutputSpecification); {@code oauthInput} may be null as above.
         */
        ObjectNode completeOAuth(String definitionId, String workspaceId, URI redirectUrl,
                Map<String, String> queryParams, ObjectNode oauthInput);

        /**
         * Like {@link #completeOAuth}, but asks Airbyte to keep the provider's tokens and answer with
         * the coordinate of the secret that holds them, so that the tokens never reach this computer.
         * An Airbyte that cannot (older versions ignore the flag) answers with the tokens.
         */
        OAuthCompletion completeOAuthKeepingTokens(String definitionId, String workspaceId, URI redirectUrl,
                Map<String, String> queryParams, ObjectNode oauthInput);

        /**
         * Creates a source whose OAuth outputs Airbyte fills in from the secret a completed OAuth left
         * ({@code secretId}); {@code configuration} holds the rest (the predicate, the user's inputs).
         */
        String createSourceWithSecret(String workspaceId, String definitionId, String name, ObjectNode configuration,
                String secretId);

        /**
         * Hands an existing source (of the connector {@code definitionId}, in {@code workspaceId})
         * the sign-in of a new consent, keeping its id and name: {@code configuration} is the whole
         * configuration with the new auth payload merged in, and a completion that kept the tokens in
         * Airbyte is passed on as its secret coordinate.
         */
        void reauthorizeSource(String workspaceId, String definitionId, String sourceId, ObjectNode configuration,
                OAuthCompletion completion);
    }

    /**
     * Airbyte brokers the sign-in itself and sends the browser back through an https relay page with
     * the {@code secret_id} of the sign-in it keeps (Airbyte Cloud's public API).
     */
    non-sealed interface Relay extends SignIn {
        /** The workspace picked in Settings, if one was. */
        Optional<String> workspaceId();

        /**
         * The https relay page the consent returns through.
         *
         * @throws AirbyteException (REJECTED) when none is set or it is not https, before Airbyte is asked
         */
        URI relayUrl();

        /**
         * The provider's consent link, after which Airbyte redirects the browser to
         * {@code redirectUrl?secret_id=…}; {@code oauthInput} holds the fields the provider needs
         * first (a Zendesk subdomain) and may be empty.
         */
        URI initiateOAuth(Provider provider, String workspaceId, URI redirectUrl, ObjectNode oauthInput);

        /**
         * Creates a source with the {@code secretId} a consent left in Airbyte, and a configuration
         * that selects OAuth (the predicate field) and holds the non-secret fields the connector requires.
         */
        String createSource(String workspaceId, Provider provider, String name, ObjectNode configuration,
                String secretId);

        /**
         * Hands an existing source of the provider the {@code secretId} of a new consent, with a
         * configuration that selects OAuth as on create: the source signs in again and keeps its id.
         */
        void reauthorizeSource(Provider provider, String sourceId, String secretId, ObjectNode configuration);
    }
}
