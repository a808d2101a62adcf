package dev.onramp.demo;

import static dev.onramp.demo.SimulatorSteps.HUBSPOT;
import static dev.onramp.demo.SimulatorSteps.REDIRECT;
import static dev.onramp.demo.SimulatorSteps.SALESFORCE;
import static dev.onramp.demo.SimulatorSteps.SHOPIFY;
import static dev.onramp.demo.SimulatorSteps.STRIPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.demo.WireClient.Answer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** complete_oauth and the source endpoints: which codes, tokens and configurations Airbyte accepts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthAndSourcesTest {
    private static final String ANALYTICS = "3cc2eafd-84aa-4dca-93af-322d9dfeec1a";
    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final WireClient wire = new WireClient(simulator.apiBaseUrl());
    private final SimulatorSteps steps = new SimulatorSteps(simulator, wire);

    @AfterAll
    void stop() {
        simulator.close();
    }

    @Test
    void oauthConfigurationWithoutAFieldTheSpecificationRequires_isRefusedWithNoDefaultFilledIn() {
        JsonNode payload = steps.authorize(ANALYTICS);
        Map<String, Object> credentials = Map.of("auth_type", "Client",
                "access_token", payload.path("access_token").asText(),
                "refresh_token", payload.path("refresh_token").asText());

        WireClient.Answer refused = steps.createSource(ANALYTICS, Map.of("credentials", credentials));
        WireClient.Answer created = steps.createSource(ANALYTICS,
                Map.of("credentials", credentials, "property_ids", java.util.List.of("123456789")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().toString()).contains("property_ids");
        assertThat(created.status()).isEqualTo(200);
    }

    @Test
    void amazonsConsent_redirectsWithItsSpapiCodeAndSellerId_andCompleteOAuthReadsThatCode() {
        String amazon = "e55879a8-0ef8-4557-abcf-ab34c53ec460";
        Map<String, String> inputs = Map.of("region", "US", "account_type", "Seller");
        WireClient.Answer link = wire.post("source_oauths/get_consent_url", Map.of("sourceDefinitionId", amazon,
                "workspaceId", simulator.workspaceId(), "redirectUrl", SimulatorSteps.REDIRECT.toString(),
                "oAuthInputConfiguration", inputs));
        Map<String, String> callback = steps.decide(URI.create(link.json().path("consentUrl").asText()), "allow");

        assertThat(callback).containsKeys("spapi_oauth_code", "state", "selling_partner_id").doesNotContainKey("code");
        WireClient.Answer completed = wire.post("source_oauths/complete_oauth", Map.of("sourceDefinitionId", amazon,
                "workspaceId", simulator.workspaceId(), "redirectUrl", SimulatorSteps.REDIRECT.toString(),
                "queryParams", callback, "oAuthInputConfiguration", inputs));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json().at("/auth_payload/refresh_token").asText()).isNotBlank();
    }

    @Test
    void completeOAuth_givesAFreshTokenForEachOutput() {
        JsonNode first = steps.authorize(ANALYTICS);
        JsonNode second = steps.authorize(ANALYTICS);

        assertThat(first.path("access_token").asText()).hasSizeGreaterThan(20);
        assertThat(first.path("refresh_token").asText()).hasSizeGreaterThan(20)
                .isNotEqualTo(first.path("access_token").asText());
        assertThat(first.path("access_token")).isNotEqualTo(second.path("access_token"));
        assertThat(first.path("refresh_token")).isNotEqualTo(second.path("refresh_token"));
        assertThat(first.path("client_id").asText()).as("server credentials come back masked").isEqualTo("******");
    }

    @Test
    void completeOAuth_answersInCompleteOAuthResponseShape() {
        Answer answer = steps.completeOAuth(HUBSPOT, steps.decide(steps.consentUrl(HUBSPOT, REDIRECT), "allow"), REDIRECT);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("request_succeeded").asBoolean()).isTrue();
        assertThat(answer.json().path("auth_payload").path("refresh_token").asText()).isNotBlank();
    }

    @Test
    void codeUsedTwice_isRefusedTheSecondTime() {
        Map<String, String> redirect = steps.decide(steps.consentUrl(HUBSPOT, REDIRECT), "allow");
        steps.completeOAuth(HUBSPOT, redirect, REDIRECT);

        Answer again = steps.completeOAuth(HUBSPOT, redirect, REDIRECT);

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().path("message").asText()).contains("refused the authorization code");
        assertThat(again.text()).doesNotContain(redirect.get("code"));
    }

    @Test
    void codeNeverIssued_isRefused() {
        Answer answer = steps.completeOAuth(HUBSPOT, Map.of("code", "made-up-code", "state", "abcdefg"), REDIRECT);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("validationErrors").get(0).path("propertyPath").asText()).isEqualTo("queryParams.code");
    }

    @Test
    void codeIssuedForAnotherConnector_isRefused() {
        Map<String, String> redirect = steps.decide(steps.consentUrl(HUBSPOT, REDIRECT), "allow");

        assertThat(steps.completeOAuth(SALESFORCE, redirect, REDIRECT).status()).isEqualTo(422);
    }

    @Test
    void codeWithAnotherRedirectUrl_isRefused() {
        Map<String, String> redirect = steps.decide(steps.consentUrl(HUBSPOT, REDIRECT), "allow");

        Answer answer = steps.completeOAuth(HUBSPOT, redirect, URI.create("http://127.0.0.1:1/oauth-success"));

        assertThat(answer.status()).isEqualTo(422);
    }

    @Test
    void completeOAuthWithoutCode_isRefused() {
        Answer answer = steps.completeOAuth(HUBSPOT, Map.of("error", "access_denied"), REDIRECT);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("message").asText()).contains("no code");
    }

    @Test
    void createWithoutTheOAuthFields_isRefusedNamingEachMissingPath() {
        Answer answer = steps.createSource(SHOPIFY, Map.of("start_date", "2024-01-01"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("validationErrors")).extracting(e -> e.path("propertyPath").asText())
                .containsExactlyInAnyOrder("connectionConfiguration.credentials.auth_method",
                        "connectionConfiguration.credentials.access_token", "connectionConfiguration.shop");
    }

    @Test
    void createWithAPredicateValueOfNoOption_isRefused() {
        JsonNode payload = steps.authorize(HUBSPOT);

        Answer answer = steps.createSource(HUBSPOT, Map.of("credentials",
                Map.of("credentials_title", "Magic Link", "refresh_token", payload.path("refresh_token").asText())));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("validationErrors").get(0).path("propertyPath").asText())
                .isEqualTo("connectionConfiguration.credentials");
    }

    @Test
    void createWithTheApiPasswordOption_needsThatOptionsFieldsInsteadOfOAuthTokens() {
        Answer refused = steps.createSource(SHOPIFY, Map.of("shop", "corner-store",
                "credentials", Map.of("auth_method", "api_password")));
        Answer created = steps.createSource(SHOPIFY, Map.of("shop", "corner-store",
                "credentials", Map.of("auth_method", "api_password", "api_password", "shppa_0123456789abcdef")));

        // As Airbyte's draft-7 validator does, the failed oneOf and the other option's constant are listed too.
        assertThat(refused.json().path("validationErrors")).extracting(e -> e.path("propertyPath").asText())
                .startsWith("connectionConfiguration.credentials.api_password")
                .doesNotContain("connectionConfiguration.credentials.access_token");
        assertThat(created.status()).isEqualTo(200);
    }

    @Test
    void createWithATokenNeverIssued_isRefused() {
        Answer answer = steps.createSource(HUBSPOT, Map.of("credentials",
                Map.of("credentials_title", "OAuth Credentials", "refresh_token", "forged-refresh-token")));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("validationErrors").get(0).path("message").asText()).contains("was not issued");
        assertThat(answer.text()).doesNotContain("forged-refresh-token");
    }

    @Test
    void createWithATokenIssuedForAnotherConnector_isRefused() {
        JsonNode hubspot = steps.authorize(HUBSPOT);

        Answer answer = steps.createSource(SALESFORCE, Map.of("auth_type", "Client",
                "refresh_token", hubspot.path("refresh_token").asText()));

        assertThat(answer.status()).isEqualTo(422);
    }

    @Test
    void createdSource_isReadBackWithSecretsMasked() {
        JsonNode payload = steps.authorize(HUBSPOT);

        Answer answer = steps.createSource(HUBSPOT, Map.of("start_date", "2024-01-01T00:00:00Z",
                "credentials", Map.of("credentials_title", "OAuth Credentials",
                        "refresh_token", payload.path("refresh_token").asText(),
                        "client_id", "******", "client_secret", "******")));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode config = answer.json().path("connectionConfiguration");
        assertThat(config.path("credentials").path("refresh_token").asText()).isEqualTo("**********");
        assertThat(config.path("credentials").path("client_secret").asText()).isEqualTo("**********");
        assertThat(config.path("credentials").path("credentials_title").asText()).isEqualTo("OAuth Credentials");
        assertThat(config.path("start_date").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(answer.json().path("sourceName").asText()).isEqualTo("HubSpot");
        assertThat(answer.json().path("sourceId").asText()).isNotBlank();
        assertThat(answer.text()).doesNotContain(payload.path("refresh_token").asText());
    }

    @Test
    void stripeWithoutItsRequiredFields_isRefused() {
        Answer answer = steps.createSource(STRIPE, Map.of("start_date", "2024-01-01T00:00:00Z"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("validationErrors")).extracting(e -> e.path("propertyPath").asText())
                .containsExactlyInAnyOrder("connectionConfiguration.client_secret", "connectionConfiguration.account_id");
    }

    @Test
    void stripeWithAValueOfTheWrongTypeOrForm_isRefusedAsAirbytesDraft7ValidationDoes_withoutRepeatingIt() {
        Answer answer = steps.createSource(STRIPE, Map.of("account_id", 4242, "client_secret", "sk_test_demo",
                "start_date", "next tuesday"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("validationErrors")).extracting(e -> e.path("propertyPath").asText())
                .contains("connectionConfiguration.start_date", "connectionConfiguration.account_id")
                .doesNotContain("connectionConfiguration.client_secret");
        assertThat(answer.text()).doesNotContain("next tuesday").doesNotContain("4242");
    }

    @Test
    void stripeWithItsRequiredFields_isCreatedWithTheKeyMasked() {
        Answer answer = steps.createSource(STRIPE, Map.of("account_id", "acct_demo", "client_secret", "sk_test_demo"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("connectionConfiguration").path("client_secret").asText()).isEqualTo("**********");
        assertThat(answer.json().path("connectionConfiguration").path("account_id").asText()).isEqualTo("acct_demo");
    }

    @Test
    void squareWithAnUnknownCredentialsOption_isRefused() {
        Answer answer = steps.createSource("77225a51-cd15-4a13-af02-65816bd0ecf4",
                Map.of("is_sandbox", true, "credentials", Map.of("auth_type", "Password")));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("validationErrors").get(0).path("propertyPath").asText())
                .isEqualTo("connectionConfiguration.credentials");
    }

    @Test
    void squareWithTheApiKeyOption_mustGiveTheKey() {
        Answer answer = steps.createSource("77225a51-cd15-4a13-af02-65816bd0ecf4",
                Map.of("is_sandbox", true, "credentials", Map.of("auth_type", "API Key")));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("validationErrors").get(0).path("propertyPath").asText())
                .isEqualTo("connectionConfiguration.credentials.api_key");
    }

    @Test
    void checkConnection_ofACreatedSource_succeeds() {
        String sourceId = stripeSource();

        Answer answer = wire.post("sources/check_connection", Map.of("sourceId", sourceId));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("succeeded");
        assertThat(answer.json().path("jobInfo").path("configType").asText()).isEqualTo("check_connection_source");
    }

    @Test
    void checkConnection_withAMalformedSecret_failsLikeARefusedSignIn() {
        Answer created = steps.createSource(STRIPE, Map.of("account_id", "acct_demo", "client_secret", "nope"));

        Answer answer = wire.post("sources/check_connection", Map.of("sourceId", created.json().path("sourceId").asText()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("failed");
        assertThat(answer.json().path("message").asText())
                .isEqualTo("Stripe refused the credentials: the Secret Key is not valid (401 Unauthorized).");
    }

    @Test
    void checkConnection_ofAnUnknownSource_isNotFound() {
        Answer answer = wire.post("sources/check_connection", Map.of("sourceId", "5b1f0a3e-0000-0000-0000-000000000000"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("message").asText()).contains("SOURCE_CONNECTION");
    }

    @Test
    void discover_listsTheConnectorsStreamsWithSchemasAndSyncModes() {
        Answer answer = wire.post("sources/discover_schema", Map.of("sourceId", stripeSource()));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode streams = answer.json().path("catalog").path("streams");
        assertThat(streams).extracting(s -> s.path("stream").path("name").asText())
                .contains("charges", "customers", "invoices", "subscriptions");
        JsonNode charges = streams.get(0);
        assertThat(charges.path("stream").path("supportedSyncModes")).extracting(JsonNode::asText)
                .containsExactly("full_refresh", "incremental");
        assertThat(charges.path("stream").path("jsonSchema").path("properties").has("amount")).isTrue();
        assertThat(charges.path("config").path("syncMode").asText()).isEqualTo("incremental");
        assertThat(charges.path("config").path("destinationSyncMode").asText()).isEqualTo("append_dedup");
    }

    @Test
    void delete_answers204AndTheSourceIsGone() {
        String sourceId = stripeSource();

        Answer deleted = wire.post("sources/delete", Map.of("sourceId", sourceId));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(wire.post("sources/check_connection", Map.of("sourceId", sourceId)).status()).isEqualTo(404);
    }

    private String stripeSource() {
        Answer created = steps.createSource(STRIPE, Map.of("account_id", "acct_demo", "client_secret", "sk_test_demo"));
        assertThat(created.status()).isEqualTo(200);
        return created.json().path("sourceId").asText();
    }
}
