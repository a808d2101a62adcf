package dev.onramp.demo;

import static dev.onramp.demo.SimulatorSteps.HUBSPOT;
import static dev.onramp.demo.SimulatorSteps.REDIRECT;
import static dev.onramp.demo.SimulatorSteps.SHOPIFY;
import static dev.onramp.demo.SimulatorSteps.STRIPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.demo.WireClient.Answer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The simulator's Config API as seen on the wire: shapes, errors and Airbyte's rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AirbyteSimulatorTest {
    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final WireClient wire = new WireClient(simulator.apiBaseUrl());
    private final SimulatorSteps steps = new SimulatorSteps(simulator, wire);

    @AfterAll
    void stop() {
        simulator.close();
    }

    @Test
    void apiBaseUrl_isLoopbackWithApiPath() {
        assertThat(simulator.apiBaseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/api");
    }

    @Test
    void workspacesOfTheDefaultOrganization_areTheOneDemoWorkspace() {
        Answer answer = wire.post("workspaces/list_by_organization_id",
                Map.of("organizationId", ConfigApi.DEFAULT_ORGANIZATION_ID));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode workspaces = answer.json().path("workspaces");
        assertThat(workspaces).hasSize(1);
        assertThat(workspaces.get(0).path("workspaceId").asText()).isEqualTo(simulator.workspaceId());
        assertThat(workspaces.get(0).path("name").asText()).isEqualTo("Demo workspace");
        assertThat(workspaces.get(0).path("organizationId").asText()).isEqualTo(ConfigApi.DEFAULT_ORGANIZATION_ID);
    }

    @Test
    void unknownOrganization_isNotFoundInAirbytesErrorShape() {
        Answer answer = wire.post("workspaces/list_by_organization_id",
                Map.of("organizationId", "11111111-1111-1111-1111-111111111111"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("message").asText()).contains("11111111-1111-1111-1111-111111111111");
        assertThat(answer.json().path("exceptionClassName").asText()).endsWith("IdNotFoundKnownException");
    }

    @Test
    void shopifySpecification_hasItsRequiredFieldAndOAuthPaths() {
        JsonNode spec = steps.specification(SHOPIFY);

        assertThat(spec.path("sourceDefinitionId").asText()).isEqualTo(SHOPIFY);
        assertThat(spec.path("connectionSpecification").path("required")).extracting(JsonNode::asText).containsExactly("shop");
        JsonNode auth = spec.path("advancedAuth");
        assertThat(auth.path("predicateKey")).extracting(JsonNode::asText).containsExactly("credentials", "auth_method");
        assertThat(auth.path("predicateValue").asText()).isEqualTo("oauth2.0");
        JsonNode outputs = auth.path("oauthConfigSpecification").path("completeOAuthOutputSpecification").path("properties");
        assertThat(outputs.path("access_token").path("path_in_connector_config"))
                .extracting(JsonNode::asText).containsExactly("credentials", "access_token");
        assertThat(outputs.path("shop").path("path_in_connector_config")).extracting(JsonNode::asText).containsExactly("shop");
        assertThat(spec.path("advancedAuthGlobalCredentialsAvailable").asBoolean()).isTrue();
        assertThat(spec.path("jobInfo").path("configType").asText()).isEqualTo("get_spec");
        assertThat(spec.path("jobInfo").path("succeeded").asBoolean()).isTrue();
    }

    @Test
    void salesforceSpecification_namesSandboxAsUserInputWithItsBooleanType() {
        JsonNode input = steps.specification(SimulatorSteps.SALESFORCE).path("advancedAuth")
                .path("oauthConfigSpecification").path("oauthUserInputFromConnectorConfigSpecification")
                .path("properties").path("is_sandbox");

        assertThat(input.path("type").asText()).isEqualTo("boolean");
        assertThat(input.path("path_in_connector_config")).extracting(JsonNode::asText).containsExactly("is_sandbox");
    }

    @Test
    void stripeSpecification_hasNoAdvancedAuthAndRequiresItsKeys() {
        JsonNode spec = steps.specification(STRIPE);

        assertThat(spec.has("advancedAuth")).isFalse();
        assertThat(spec.path("connectionSpecification").path("required"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("client_secret", "account_id");
        assertThat(spec.path("connectionSpecification").path("properties").path("client_secret").path("airbyte_secret").asBoolean())
                .isTrue();
    }

    @Test
    void unknownDefinition_isNotFound() {
        Answer answer = wire.post("source_definition_specifications/get", Map.of(
                "sourceDefinitionId", "00000000-1111-2222-3333-444444444444", "workspaceId", simulator.workspaceId()));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("message").asText())
                .isEqualTo("Could not find configuration for STANDARD_SOURCE_DEFINITION: 00000000-1111-2222-3333-444444444444.");
    }

    @Test
    void unknownWorkspace_isNotFound() {
        Answer answer = wire.post("source_definition_specifications/get", Map.of(
                "sourceDefinitionId", SHOPIFY, "workspaceId", "00000000-1111-2222-3333-444444444444"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("message").asText()).contains("STANDARD_WORKSPACE");
    }

    @Test
    void malformedJson_isBadRequestWithAMessage() {
        Answer answer = wire.post("source_definition_specifications/get", "{\"sourceDefinitionId\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).startsWith("The request body is not valid JSON");
    }

    @Test
    void missingRequiredField_isInvalidInputNamingTheField() {
        Answer answer = wire.post("source_definition_specifications/get", Map.of("workspaceId", simulator.workspaceId()));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("validationErrors").get(0).path("propertyPath").asText()).isEqualTo("sourceDefinitionId");
    }

    @Test
    void getOnAnEndpoint_isMethodNotAllowed() {
        Answer answer = wire.get(URI.create(simulator.apiBaseUrl() + "/v1/sources/create"));

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.response().headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void consentUrl_isTheProvidersAuthorizePageWithRedirectAndSevenLetterState() {
        URI consent = steps.consentUrl(HUBSPOT, REDIRECT);
        Map<String, String> query = WireClient.query(consent);

        assertThat(consent.getHost()).isEqualTo("127.0.0.1");
        assertThat(consent.getPath()).isEqualTo("/oauth/hubspot/authorize");
        assertThat(query).containsEntry("redirect_uri", REDIRECT.toString())
                .containsEntry("response_type", "code")
                .containsKeys("client_id", "scope");
        assertThat(query.get("state")).matches("[a-zA-Z]{7}");
    }

    @Test
    void shopifysConsentLink_isAirbytesOwnPreflightPageWithoutStateOrRedirect() {
        URI loopback = steps.consentUrl(SHOPIFY, REDIRECT);
        URI localhost = steps.consentUrl(SHOPIFY, URI.create("http://localhost:45678/oauth-success"));
        URI publicApi = steps.consentUrl(SHOPIFY, URI.create("https://api.airbyte.com/v1/oauth/callback"));

        // ShopifyOAuthFlow: a host outside Airbyte is the preflight page's origin, its port dropped;
        // localhost is Airbyte's own, sent to its App Store listing; the public API's callback rides along.
        assertThat(loopback).hasToString("https://cloud.airbyte.com/partner/v1/shopify/oauth/preflight"
                + "?origin=http%3A%2F%2F127.0.0.1");
        assertThat(localhost).hasToString("https://apps.shopify.com/airbyte");
        assertThat(publicApi).hasToString("https://cloud.airbyte.com/partner/v1/shopify/oauth/preflight"
                + "?origin=https%3A%2F%2Fcloud.airbyte.com&apiCallback=https%3A%2F%2Fapi.airbyte.com%2Fv1%2Foauth%2Fcallback");
        assertThat(List.of(loopback, localhost, publicApi)).allSatisfy(link ->
                assertThat(WireClient.query(link)).doesNotContainKeys("state", "redirect_uri", "client_id"));
    }

    @Test
    void shopifysCompleteOAuth_refusesEveryCode_forNoConsentOfItsOwnComesBackHere() {
        steps.consentUrl(SHOPIFY, REDIRECT);
        Map<String, String> hubspotsRedirect = steps.decide(steps.consentUrl(HUBSPOT, REDIRECT), "allow");

        Answer answer = steps.completeOAuth(SHOPIFY, hubspotsRedirect, REDIRECT);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("message").asText()).contains("Shopify refused the authorization code");
    }

    @Test
    void consentUrlForAConnectorWithoutOAuth_isRefused() {
        Answer answer = wire.post("source_oauths/get_consent_url", Map.of("sourceDefinitionId", STRIPE,
                "workspaceId", simulator.workspaceId(), "redirectUrl", REDIRECT.toString()));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("message").asText()).contains("Stripe has no OAuth flow");
    }

    @Test
    void consentUrlWithARelativeRedirect_isRefused() {
        Answer answer = wire.post("source_oauths/get_consent_url", Map.of("sourceDefinitionId", HUBSPOT,
                "workspaceId", simulator.workspaceId(), "redirectUrl", "/oauth-success"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("validationErrors").get(0).path("propertyPath").asText()).isEqualTo("redirectUrl");
    }

    @Test
    void issuedSecrets_holdEveryCodeAndToken() {
        Map<String, String> redirect = steps.decide(steps.consentUrl(HUBSPOT, REDIRECT), "allow");
        JsonNode payload = steps.completeOAuth(HUBSPOT, redirect, REDIRECT).json().path("auth_payload");

        assertThat(simulator.issuedSecrets()).contains(redirect.get("code"), payload.path("refresh_token").asText());
    }

    @Test
    void latency_delaysEveryApiCallByAtLeastItsLength() {
        Duration latency = Duration.ofMillis(300);
        try (AirbyteSimulator slow = AirbyteSimulator.start(latency)) {
            WireClient slowWire = new WireClient(slow.apiBaseUrl());
            long started = System.nanoTime();

            Answer answer = slowWire.post("workspaces/list_by_organization_id",
                    Map.of("organizationId", ConfigApi.DEFAULT_ORGANIZATION_ID));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(latency);
        }
    }
}
