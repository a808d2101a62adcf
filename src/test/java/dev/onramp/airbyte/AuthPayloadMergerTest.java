package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.model.OAuthFacts;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placing auth payloads into configurations as Airbyte's web app does, for real connectors' facts. */
class AuthPayloadMergerTest {
    private static final OAuthFacts SHOPIFY = new OAuthFacts(List.of("credentials", "auth_method"), "oauth2.0",
            Map.of("access_token", List.of("credentials", "access_token"), "shop", List.of("shop")), Map.of());
    private static final OAuthFacts HUBSPOT = new OAuthFacts(List.of("credentials", "credentials_title"), "OAuth Credentials",
            Map.of("refresh_token", List.of("credentials", "refresh_token")), Map.of());
    private static final OAuthFacts SALESFORCE = new OAuthFacts(List.of("auth_type"), "Client",
            Map.of("refresh_token", List.of("refresh_token")), Map.of("is_sandbox", List.of("is_sandbox")));
    private static final OAuthFacts GOOGLE_ADS = new OAuthFacts(List.of(), "",
            Map.of("access_token", List.of("credentials", "access_token"), "refresh_token", List.of("credentials", "refresh_token")),
            Map.of());

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shopify_getsTheTokenUnderCredentialsTheShopAtTheTopAndTheOAuthMethod() throws IOException {
        ObjectNode merged = AuthPayloadMerger.merge(object("{\"start_date\":\"2024-01-01\"}"), SHOPIFY,
                object("{\"access_token\":\"shpat_1\",\"shop\":\"demo.myshopify.com\"}"));

        assertThat(merged).isEqualTo(object("""
                {"start_date":"2024-01-01","shop":"demo.myshopify.com",
                 "credentials":{"auth_method":"oauth2.0","access_token":"shpat_1"}}"""));
    }

    @Test
    void hubspot_getsTheRefreshTokenAndTheCredentialsTitle() throws IOException {
        ObjectNode merged = AuthPayloadMerger.merge(json.createObjectNode(), HUBSPOT, object("{\"refresh_token\":\"na1-r\"}"));

        assertThat(merged).isEqualTo(object(
                "{\"credentials\":{\"credentials_title\":\"OAuth Credentials\",\"refresh_token\":\"na1-r\"}}"));
    }

    @Test
    void salesforce_getsTopLevelFieldsAndKeepsTheSandboxChoice() throws IOException {
        ObjectNode merged = AuthPayloadMerger.merge(object("{\"is_sandbox\":true}"), SALESFORCE,
                object("{\"refresh_token\":\"5Aep861\"}"));

        assertThat(merged).isEqualTo(object("{\"is_sandbox\":true,\"auth_type\":\"Client\",\"refresh_token\":\"5Aep861\"}"));
    }

    @Test
    void connectorWithoutPredicate_getsOnlyThePayload() throws IOException {
        ObjectNode merged = AuthPayloadMerger.merge(json.createObjectNode(), GOOGLE_ADS,
                object("{\"access_token\":\"ya29.a\",\"refresh_token\":\"1//0r\"}"));

        assertThat(merged).isEqualTo(object("{\"credentials\":{\"access_token\":\"ya29.a\",\"refresh_token\":\"1//0r\"}}"));
    }

    @Test
    void merging_leavesTheBaseConfigurationUntouched() throws IOException {
        ObjectNode base = object("{\"credentials\":{\"auth_method\":\"api_password\"}}");

        AuthPayloadMerger.merge(base, SHOPIFY, object("{\"access_token\":\"shpat_1\",\"shop\":\"demo\"}"));

        assertThat(base).isEqualTo(object("{\"credentials\":{\"auth_method\":\"api_password\"}}"));
    }

    @Test
    void payloadKeysWithoutAPath_areLeftOut() throws IOException {
        ObjectNode merged = AuthPayloadMerger.merge(json.createObjectNode(), HUBSPOT,
                object("{\"refresh_token\":\"r\",\"expires_in\":1800}"));

        assertThat(merged.toString()).doesNotContain("expires_in");
    }

    @Test
    void aScalarInTheWay_isReplacedByTheObjectThePathNeeds() throws IOException {
        ObjectNode merged = AuthPayloadMerger.merge(object("{\"credentials\":\"old\"}"), HUBSPOT, object("{\"refresh_token\":\"r\"}"));

        assertThat(merged.path("credentials").path("refresh_token").asText()).isEqualTo("r");
    }

    @Test
    void advancedAuthFromAirbyte_mergesLikeItsFacts() throws IOException {
        AdvancedAuth auth = new AdvancedAuth("oauth2.0", List.of("credentials", "auth_method"), "oauth2.0",
                Map.of("access_token", List.of("credentials", "access_token"), "shop", List.of("shop"),
                        "client_id", List.of("credentials", "client_id")),
                Map.of());
        JsonNode payload = object("{\"access_token\":\"shpat_1\",\"shop\":\"demo\",\"client_id\":\"******\"}");

        ObjectNode merged = AuthPayloadMerger.merge(json.createObjectNode(), auth, payload);

        assertThat(merged.path("credentials").path("client_id").asText()).isEqualTo("******");
        assertThat(merged.path("credentials").path("auth_method").asText()).isEqualTo("oauth2.0");
    }

    private ObjectNode object(String text) throws IOException {
        return (ObjectNode) json.readTree(text);
    }
}
