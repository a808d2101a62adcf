package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException.Kind;
import dev.onramp.catalog.Catalog;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.demo.Fault;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.Provider;
import dev.onramp.model.StreamInfo;
import dev.onramp.testing.BundledSpecs;
import dev.onramp.testing.CloudConsent;
import dev.onramp.testing.MutableClock;
import dev.onramp.testing.RecordingSleeper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The public API gateway against the simulator's Airbyte Cloud flavour over real HTTP. */
class PublicApiGatewayTest {
    private static final URI RELAY = URI.create("https://relay.example.com/onramp/?port=45678&nonce=n");
    private static final String TOKEN_CALL = "POST /v1/applications/token";

    private final Catalog catalog = Catalog.bundled();
    private final Provider hubspot = catalog.provider("hubspot").orElseThrow();
    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private AirbyteSimulator simulator = AirbyteSimulator.builder().start();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private PublicApiGateway gateway() {
        return gateway(simulator.cloudClientSecret(), Duration.ofSeconds(5));
    }

    private PublicApiGateway gateway(String clientSecret, Duration timeout) {
        return gateway(clientSecret, timeout, BundledSpecs.shipped());
    }

    private PublicApiGateway gateway(String clientSecret, Duration timeout, ShippedSpecs specs) {
        AirbyteSettings.Cloud target = new AirbyteSettings.Cloud(simulator.publicApiBaseUrl(), simulator.cloudClientId(),
                clientSecret, simulator.workspaceId(), URI.create("https://relay.example.com/onramp/"));
        CallPolicy policy = new CallPolicy(timeout, RetryPolicy.STANDARD, clock, sleeper, new SplittableRandom(5));
        return new PublicApiGateway(target, policy, id -> catalog.providers().stream()
                .filter(p -> p.definitionId().equals(id)).map(Provider::name).findFirst(), specs);
    }

    private long calls(String call) {
        return simulator.calls().stream().filter(call::equals).count();
    }

    /** Signs in to HubSpot through the simulated Cloud and returns the secret id it hands back. */
    private String secretId(PublicApiGateway gateway) {
        URI consent = gateway.initiateOAuth(hubspot, simulator.workspaceId(), RELAY, json.createObjectNode());
        return new CloudConsent().allow(consent).query().get("secret_id");
    }

    private ObjectNode oauthConfiguration() {
        ObjectNode configuration = json.createObjectNode();
        configuration.putObject("credentials").put("credentials_title", "OAuth Credentials");
        return configuration;
    }

    private String hubspotSource(PublicApiGateway gateway) {
        return gateway.createSource(simulator.workspaceId(), hubspot, "HubSpot — Acme", oauthConfiguration(), secretId(gateway));
    }

    private static AirbyteException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(AirbyteException.class);
        return (AirbyteException) thrown;
    }

    @Test
    void signIn_createTestListAndDelete_leaveNothingBehind() {
        PublicApiGateway gateway = gateway();

        String sourceId = hubspotSource(gateway);
        CheckResult check = gateway.checkConnection(sourceId);
        List<StreamInfo> streams = gateway.discoverStreams(sourceId);
        gateway.deleteSource(sourceId);

        assertThat(check.succeeded()).isTrue();
        assertThat(streams).extracting(StreamInfo::name).contains("contacts", "companies", "deals");
        assertThat(streams).allSatisfy(stream -> assertThat(stream.syncModes()).isSubsetOf("full_refresh", "incremental"));
        assertThat(simulator.calls()).contains("GET /v1/streams");
        assertThat(simulator.sourceIds()).isEmpty();
    }

    @Test
    void consentLink_returnsThroughTheRelayWithASecretIdAndItsOwnParameters() {
        URI consent = gateway().initiateOAuth(hubspot, simulator.workspaceId(), RELAY, json.createObjectNode());

        CloudConsent.Landing landing = new CloudConsent().allow(consent);

        assertThat(landing.status()).isEqualTo(302);
        assertThat(landing.location().toString()).startsWith("https://relay.example.com/onramp/?port=45678&nonce=n&secret_id=");
        assertThat(simulator.issuedSecrets()).contains(landing.query().get("secret_id"));
    }

    @Test
    void token_isMintedOnceForManyCalls() {
        PublicApiGateway gateway = gateway();

        gateway.listWorkspaces();
        gateway.listWorkspaces();
        gateway.listWorkspaces();

        assertThat(calls(TOKEN_CALL)).isEqualTo(1);
    }

    @Test
    void token_isRenewedThirtySecondsBeforeItsThreeMinutesRunOut() {
        PublicApiGateway gateway = gateway();
        gateway.listWorkspaces();

        clock.advance(Duration.ofSeconds(149));
        gateway.listWorkspaces();
        assertThat(calls(TOKEN_CALL)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        gateway.listWorkspaces();
        assertThat(calls(TOKEN_CALL)).isEqualTo(2);
    }

    @Test
    void expiredToken_isMintedAgainAndTheCallSentOnceMore() {
        PublicApiGateway gateway = gateway();
        simulator.faults().arm(Fault.expiredToken().on("/v1/workspaces"));

        assertThat(gateway.listWorkspaces()).extracting(Workspace::id).containsExactly(simulator.workspaceId());
        assertThat(simulator.calls()).containsExactly(TOKEN_CALL, "GET /v1/workspaces", TOKEN_CALL, "GET /v1/workspaces");
    }

    @Test
    void tokenRefusedAgainAfterMintingAnew_isNotTriedAThirdTime() {
        PublicApiGateway gateway = gateway();
        simulator.faults().arm(Fault.expiredToken().times(2).on("/v1/workspaces"));

        AirbyteException error = failure(gateway::listWorkspaces);

        assertThat(error.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(error).hasMessageStartingWith("Airbyte rejected the client id/secret");
        assertThat(calls("GET /v1/workspaces")).isEqualTo(2);
    }

    @Test
    void wrongClientSecret_isRejectedCredentials() {
        AirbyteException error = failure(() -> gateway("not-the-secret", Duration.ofSeconds(5)).listWorkspaces());

        assertThat(error.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(error).hasMessage("Airbyte rejected the client id/secret (Airbyte at " + simulator.publicApiBaseUrl()
                + "). Check them in Settings; Airbyte shows them under Settings → Applications.");
    }

    @Test
    void workspaces_areFollowedPageByPageToTheEnd() {
        simulator.close();
        simulator = AirbyteSimulator.builder().workspaces(250).start();

        List<Workspace> workspaces = gateway().listWorkspaces();

        assertThat(workspaces).hasSize(250).doesNotHaveDuplicates();
        assertThat(workspaces.getFirst().id()).isEqualTo(simulator.workspaceId());
        assertThat(calls("GET /v1/workspaces")).isEqualTo(3);
    }

    @Test
    void plainHttpRedirect_isRefusedWithTheRelaySentence() {
        AirbyteException error = failure(() -> gateway().initiateOAuth(hubspot, simulator.workspaceId(),
                URI.create("http://127.0.0.1:45678/oauth-success"), json.createObjectNode()));

        assertThat(error.kind()).isEqualTo(Kind.REJECTED);
        assertThat(error).hasMessageEndingWith("Cloud needs an https relay: set it in Settings.");
    }

    @Test
    void relay_mustBeSetAndHttps() {
        AirbyteSettings.Cloud noRelay = new AirbyteSettings.Cloud(simulator.publicApiBaseUrl(), "id", "secret", "",
                URI.create(""));
        AirbyteSettings.Cloud httpRelay = new AirbyteSettings.Cloud(simulator.publicApiBaseUrl(), "id", "secret", "",
                URI.create("http://relay.example.com/"));
        CallPolicy policy = CallPolicy.standard(Duration.ofSeconds(5));

        assertThatThrownBy(() -> new PublicApiGateway(noRelay, policy, ConnectorNames.NONE, BundledSpecs.shipped()).relayUrl())
                .hasMessageEndingWith("Cloud needs an https relay: set it in Settings.");
        assertThatThrownBy(() -> new PublicApiGateway(httpRelay, policy, ConnectorNames.NONE, BundledSpecs.shipped()).relayUrl())
                .hasMessageEndingWith("Cloud needs an https relay: set it in Settings.");
    }

    @Test
    void shopify_cannotSignInThroughThePublicApi() {
        Provider shopify = catalog.provider("shopify").orElseThrow();

        AirbyteException error = failure(() -> gateway().initiateOAuth(shopify, simulator.workspaceId(), RELAY,
                json.createObjectNode()));

        assertThat(error.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(error).hasMessageContaining("cannot start a sign-in to Shopify through its API");
    }

    @Test
    void unknownDefinition_saysThisAirbyteLacksTheConnector() {
        Provider unknown = new Provider("acme", "Acme CRM", "CRM", "00000000-1111-2222-3333-444444444444", "acme-crm",
                hubspot.authMode(), hubspot.oauth(), "");
        // Onramp ships a specification for it (HubSpot's), so the configuration goes out and Cloud answers.
        ShippedSpecs specs = id -> BundledSpecs.shipped().specificationOf(
                id.equals(unknown.definitionId()) ? hubspot.definitionId() : id);

        AirbyteException error = failure(() -> gateway(simulator.cloudClientSecret(), Duration.ofSeconds(5), specs)
                .createSource(simulator.workspaceId(), unknown, "Acme", oauthConfiguration(), "airbyte_oauth_secret_x"));

        assertThat(error.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(error).hasMessageStartingWith("This Airbyte does not have the Acme CRM connector");
    }

    @Test
    void secretIdOfAnotherConnector_isRefused() {
        PublicApiGateway gateway = gateway();
        String hubspotSecret = secretId(gateway);
        Provider salesforce = catalog.provider("salesforce").orElseThrow();

        AirbyteException error = failure(() -> gateway.createSource(simulator.workspaceId(), salesforce, "Salesforce",
                json.createObjectNode().put("auth_type", "Client"), hubspotSecret));

        assertThat(error.kind()).isEqualTo(Kind.REJECTED);
        assertThat(error.getMessage()).doesNotContain(hubspotSecret);
        assertThat(simulator.sourceIds()).isEmpty();
    }

    @Test
    void reauthorization_patchesTheSourceWithTheNewSecret() {
        PublicApiGateway gateway = gateway();
        String sourceId = hubspotSource(gateway);

        gateway.reauthorizeSource(hubspot, sourceId, secretId(gateway));

        assertThat(simulator.calls()).contains("PATCH /v1/sources/" + sourceId);
        assertThat(gateway.checkConnection(sourceId).succeeded()).isTrue();
    }

    @Test
    void configurationThatDoesNotFitTheShippedSpecification_isRefusedBeforeItIsSent() {
        PublicApiGateway gateway = gateway();
        String secret = secretId(gateway);
        ObjectNode privateApp = json.createObjectNode();
        privateApp.putObject("credentials").put("credentials_title", "Private App Credentials");

        AirbyteException error = failure(() -> gateway.createSource(simulator.workspaceId(), hubspot, "HubSpot", privateApp,
                secret));

        assertThat(error.kind()).isEqualTo(Kind.REJECTED);
        assertThat(error).hasMessage("Onramp did not ask Airbyte to create the source, because the settings do not fit"
                + " the specification of the HubSpot connector: \"Access token\" (credentials.access_token) is missing."
                + " Correct them and try again.");
        assertThat(calls("POST /v1/sources")).isZero();
    }

    @Test
    void reauthorizationWithAValueTheSpecificationRefuses_isRefusedBeforeThePatch() {
        PublicApiGateway gateway = gateway();
        String sourceId = hubspotSource(gateway);
        ObjectNode configuration = oauthConfiguration().put("lookback_window", -5);

        AirbyteException error = failure(() -> gateway.reauthorizeSource(hubspot, sourceId, secretId(gateway), configuration));

        assertThat(error.kind()).isEqualTo(Kind.REJECTED);
        assertThat(error).hasMessageContaining("\"Lookback window\" (lookback_window) must be at least 0");
        assertThat(calls("PATCH /v1/sources/" + sourceId)).isZero();
    }

    @Test
    void connectorOnrampShipsNoSpecificationFor_isNotSent() {
        Provider unknown = new Provider("acme", "Acme CRM", "CRM", "00000000-1111-2222-3333-444444444444", "acme-crm",
                hubspot.authMode(), hubspot.oauth(), "");

        AirbyteException error = failure(() -> gateway().createSource(simulator.workspaceId(), unknown, "Acme",
                oauthConfiguration(), "airbyte_oauth_secret_x"));

        assertThat(error.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(error).hasMessageStartingWith("Onramp has no specification of the connector " + unknown.definitionId());
        assertThat(calls("POST /v1/sources")).isZero();
    }

    @Test
    void reauthorizingAGoneSource_asksToConnectAgain() {
        PublicApiGateway gateway = gateway();
        String secret = secretId(gateway);

        AirbyteException error = failure(() -> gateway.reauthorizeSource(hubspot, "5b1f0a3e-1111-2222-3333-444444444444", secret));

        assertThat(error.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(error).hasMessage("The source no longer exists in Airbyte at " + simulator.publicApiBaseUrl()
                + ": connect the account again.");
    }

    @Test
    void deletingASourceTwice_isNotFoundTheSecondTime() {
        PublicApiGateway gateway = gateway();
        String sourceId = hubspotSource(gateway);
        gateway.deleteSource(sourceId);

        AirbyteException error = failure(() -> gateway.deleteSource(sourceId));

        assertThat(error.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(error).hasMessage("The source is already gone from Airbyte at " + simulator.publicApiBaseUrl() + ".");
    }

    @Test
    void specification_isNotOfferedByThePublicApi() {
        AirbyteException error = failure(() -> gateway().getSpecification(hubspot.definitionId(), simulator.workspaceId()));

        assertThat(error.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(error).hasMessageContaining("the HubSpot connector");
    }

    @Test
    void tooManyRequestsWithRetryAfter_isWaitedOutAndSucceeds() {
        simulator.faults().arm(Fault.tooManyRequests(Duration.ofSeconds(2)).times(2).on("/v1/workspaces"));

        assertThat(gateway().listWorkspaces()).hasSize(1);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void tooManyRequestsWithoutRetryAfterOnEveryTry_isRateLimited() {
        simulator.faults().arm(Fault.tooManyRequests().times(4).on("/v1/workspaces"));

        AirbyteException error = failure(gateway()::listWorkspaces);

        assertThat(error.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(error).hasMessageEndingWith("(HTTP 429): wait a minute, then try again.");
        assertThat(calls("GET /v1/workspaces")).isEqualTo(4);
        assertThat(simulator.faults().pending()).isZero();
    }

    @Test
    void serviceUnavailableTwice_isTriedAgainAndSucceeds() {
        simulator.faults().arm(Fault.serverError(503).times(2).on("/v1/workspaces"));

        assertThat(gateway().listWorkspaces()).hasSize(1);
        assertThat(calls("GET /v1/workspaces")).isEqualTo(3);
    }

    @Test
    void badGatewayOnCreate_isNotSentAgainAndLeavesNoSource() {
        PublicApiGateway gateway = gateway();
        String secret = secretId(gateway);
        simulator.faults().arm(Fault.serverError(502).on("POST /v1/sources"));

        AirbyteException error = failure(() -> gateway.createSource(simulator.workspaceId(), hubspot, "HubSpot",
                oauthConfiguration(), secret));

        assertThat(error.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(calls("POST /v1/sources")).isEqualTo(1);
        assertThat(simulator.sourceIds()).isEmpty();
    }

    @Test
    void malformedJson_isABadResponseSayingTheAnswerBrokeOffNotThatTheAddressIsWrong() {
        simulator.faults().arm(Fault.malformedJson().on("/v1/workspaces"));

        AirbyteException error = failure(gateway()::listWorkspaces);

        assertThat(error.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(error.getMessage()).startsWith("Airbyte at " + simulator.publicApiBaseUrl()
                + " sent an answer that breaks off or is not valid JSON when asked to ").contains("Try again")
                .doesNotContain("address");
    }

    @Test
    void slowAnswer_isATimeout() {
        PublicApiGateway gateway = gateway(simulator.cloudClientSecret(), Duration.ofMillis(400));
        String sourceId = hubspotSource(gateway);
        simulator.faults().arm(Fault.slow(Duration.ofSeconds(3)).on("/v1/streams"));

        AirbyteException error = failure(() -> gateway.checkConnection(sourceId));

        assertThat(error.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(error).hasMessage("Airbyte at " + simulator.publicApiBaseUrl()
                + " did not test the source within 400 ms. Check that it is not overloaded, then try again.");
    }
}
