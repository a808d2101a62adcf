package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.model.StreamInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port to one Airbyte: every call blocks its (background) thread and fails with an
 * {@link AirbyteException} that carries a sentence a person can act on. Airbyte Cloud's
 * {@link PublicApiGateway} has no connector specifications and brokers OAuth itself, so it answers
 * {@link #getSpecification}, {@link #getConsentUrl} and {@link #completeOAuth} with
 * {@link AirbyteException.Kind#UNSUPPORTED} and offers its own sign-in methods instead.
 */
public interface AirbyteGateway {
    /** Where this Airbyte lives, for messages and diagnostics. */
    URI baseUrl();

    List<Workspace> listWorkspaces();

    /**
     * Airbyte's clock, from the {@code Date} header of a cheap call's answer (also of a refusal, so
     * it works with wrong credentials); empty when the answer has no such header.
     */
    Optional<Instant> serverTime();

    ConnectorSpec getSpecification(String definitionId, String workspaceId);

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

    /** Creates a source and returns its id. */
    String createSource(String workspaceId, String definitionId, String name, ObjectNode configuration);

    /**
     * Like {@link #completeOAuth}, but asks Airbyte to keep the provider's tokens and answer with the
     * coordinate of the secret that holds them ({@code returnSecretCoordinate}), so that the tokens
     * never reach this computer. An Airbyte that cannot (older versions ignore the flag) answers
     * with the tokens, and so does this default.
     */
    default OAuthCompletion completeOAuthKeepingTokens(String definitionId, String workspaceId, URI redirectUrl,
            Map<String, String> queryParams, ObjectNode oauthInput) {
        return new OAuthCompletion.Tokens(completeOAuth(definitionId, workspaceId, redirectUrl, queryParams, oauthInput));
    }

    /**
     * Creates a source whose OAuth outputs Airbyte fills in from the secret a completed OAuth left
     * ({@code secretId}); {@code configuration} holds the rest (the predicate, the user's inputs).
     *
     * @throws AirbyteException of kind UNSUPPORTED from an Airbyte that cannot, which is this default
     */
    default String createSourceWithSecret(String workspaceId, String definitionId, String name, ObjectNode configuration,
            String secretId) {
        throw new AirbyteException(AirbyteException.Kind.UNSUPPORTED, "Airbyte at " + baseUrl()
                + " cannot create a source from a kept sign-in; connect the account again.");
    }

    CheckResult checkConnection(String sourceId);

    List<StreamInfo> discoverStreams(String sourceId);

    /**
     * The ids of the workspace's sources whose name contains {@code nameContains}: how a source is
     * found again when the answer to its creation was lost (a crash, a timeout).
     */
    List<String> findSources(String workspaceId, String nameContains);

    void deleteSource(String sourceId);
}
