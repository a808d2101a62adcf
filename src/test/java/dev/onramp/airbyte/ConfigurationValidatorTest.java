package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException.Kind;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The draft-7 check of a configuration against the connector's real specification, and its words. */
class ConfigurationValidatorTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ConnectorSpecs SPECS = ConnectorSpecs.bundled(CATALOG);

    private final ObjectMapper json = new ObjectMapper();
    private final ConfigurationValidator validator = new ConfigurationValidator(
            id -> CATALOG.providers().stream().filter(p -> p.definitionId().equals(id)).map(Provider::name).findFirst());

    private static Provider provider(String id) {
        return CATALOG.provider(id).orElseThrow();
    }

    private static JsonNode spec(String providerId) {
        return SPECS.specification(providerId).orElseThrow();
    }

    private ObjectNode object(String text) throws Exception {
        return (ObjectNode) json.readTree(text);
    }

    private void whole(String providerId, ObjectNode configuration, boolean withSecretId) {
        Provider provider = provider(providerId);
        validator.requireWhole(ConfigApiCall.CREATE_SOURCE, provider.definitionId(), spec(providerId), configuration,
                provider.oauth(), withSecretId);
    }

    @Test
    void typedCredentialsThatFit_pass() throws Exception {
        assertThatCode(() -> whole("stripe", object("{\"account_id\":\"acct_1\",\"client_secret\":\"sk_test_123456\"}"),
                false)).doesNotThrowAnyException();
    }

    @Test
    void missingRequiredField_isNamedByItsTitleAndPath_andNoDefaultIsFilledIn() throws Exception {
        // aws_environment has a default, but Airbyte fills none in: it must be sent.
        ObjectNode amazon = object("{\"auth_type\":\"oauth2.0\",\"region\":\"US\",\"account_type\":\"Seller\"}");

        assertThat(ConfigurationValidator.problems(spec("shopify"), object("{\"start_date\":\"2024-01-01\"}")))
                .containsExactly("\"Shopify Store\" (shop) is missing");
        assertThatThrownBy(() -> whole("amazon-seller-partner", amazon, true))
                .hasMessageContaining("\"AWS Environment\" (aws_environment) is missing");
    }

    @Test
    void refusal_isRejectedBeforeSending_withASentenceNamingConnectorCallAndFields() throws Exception {
        ObjectNode configuration = json.createObjectNode();

        assertThatThrownBy(() -> whole("stripe", configuration, false))
                .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessage("Onramp did not ask Airbyte to create the source, because the settings do not fit the"
                        + " specification of the Stripe connector: \"Account ID\" (account_id) is missing; \"Secret Key\""
                        + " (client_secret) is missing. Correct them and try again.");
    }

    @Test
    void fieldOfTheChosenOption_isNamed_notEveryOption() throws Exception {
        ObjectNode configuration = object("{\"shop\":\"acme\",\"credentials\":{\"auth_method\":\"api_password\"}}");

        assertThat(ConfigurationValidator.problems(spec("shopify"), configuration))
                .containsExactly("\"API Password\" (credentials.api_password) is missing");
    }

    @Test
    void optionNoneOfWhoseConstantsHold_namesTheOptionsThereAre() throws Exception {
        ObjectNode configuration = object("{\"shop\":\"acme\",\"credentials\":{\"auth_method\":\"magic-link\"}}");

        assertThat(ConfigurationValidator.problems(spec("shopify"), configuration)).containsExactly(
                "\"Shopify Authorization Method\" (credentials) must be one of the ways the connector offers:"
                        + " \"OAuth2.0\", \"API Password\"");
    }

    @Test
    void typesPatternsAndFormats_areChecked_oneSentencePerField() throws Exception {
        ObjectNode configuration = object("{\"shop\":\"https://acme.myshopify.com\",\"start_date\":\"01/02/2024\","
                + "\"bulk_window_in_days\":\"thirty\",\"credentials\":{\"auth_method\":\"api_password\",\"api_password\":12345}}");

        assertThat(ConfigurationValidator.problems(spec("shopify"), configuration)).containsExactly(
                "\"GraphQL BULK Date Range in Days\" (bulk_window_in_days) must be a whole number",
                "\"API Password\" (credentials.api_password) must be text",
                "\"Shopify Store\" (shop) is not in the form the connector expects (for example \"my-store\")",
                "\"Replication Start Date\" (start_date) must be a date (YYYY-MM-DD)");
    }

    @Test
    void refusal_neverRepeatsAValue() throws Exception {
        String secret = "sk_live_this-must-not-show";
        ObjectNode configuration = object("{\"account_id\":42,\"client_secret\":\"" + secret + "\","
                + "\"start_date\":\"not-a-date-" + secret + "\",\"lookback_window_days\":-1}");

        assertThatThrownBy(() -> whole("stripe", configuration, false))
                .hasMessageContaining("(start_date)").hasMessageContaining("(account_id)")
                .hasMessageContaining("(lookback_window_days) must be at least 0")
                .hasMessageNotContaining(secret).hasMessageNotContaining("not-a-date");
    }

    @Test
    void oauthWithASecretId_needsNeitherTheTokensNorTheOAuthAppsValues() throws Exception {
        ObjectNode configuration = object("{\"credentials\":{\"credentials_title\":\"OAuth Credentials\"},"
                + "\"start_date\":\"2024-01-01T00:00:00Z\"}");

        assertThatCode(() -> whole("hubspot", configuration, true)).doesNotThrowAnyException();
        // Without the secret's coordinate the tokens must be in it; the OAuth app's values Airbyte still puts in.
        assertThatThrownBy(() -> whole("hubspot", configuration, false))
                .hasMessageContaining("\"Refresh Token\" (credentials.refresh_token) is missing")
                .hasMessageNotContaining("client_id");
    }

    @Test
    void oauthOutputsAreNotExcused_forAConfigurationThatChoseAnotherOption() throws Exception {
        ObjectNode configuration = object("{\"credentials\":{\"credentials_title\":\"Private App Credentials\"},"
                + "\"start_date\":\"2024-01-01T00:00:00Z\"}");

        assertThat(ConfigurationValidator.suppliedByAirbyte(provider("hubspot").oauth(), configuration, true)).isEmpty();
        assertThatThrownBy(() -> whole("hubspot", configuration, true))
                .hasMessageContaining("\"Access token\" (credentials.access_token) is missing");
    }

    @Test
    void suppliedPaths_areTheServerOutputs_andTheOutputsWithASecretId() throws Exception {
        Optional<OAuthFacts> salesforce = provider("salesforce").oauth();
        ObjectNode oauth = object("{\"auth_type\":\"Client\"}");

        assertThat(ConfigurationValidator.suppliedByAirbyte(salesforce, oauth, false))
                .containsExactlyInAnyOrder(List.of("client_id"), List.of("client_secret"));
        assertThat(ConfigurationValidator.suppliedByAirbyte(salesforce, oauth, true))
                .containsExactlyInAnyOrder(List.of("client_id"), List.of("client_secret"), List.of("refresh_token"));
        assertThat(ConfigurationValidator.suppliedByAirbyte(Optional.empty(), oauth, true)).isEmpty();
    }

    @Test
    void part_checksTheValuesSent_butRequiresNothing() throws Exception {
        Provider hubspot = provider("hubspot");
        ObjectNode selectsOAuth = object("{\"credentials\":{\"credentials_title\":\"OAuth Credentials\"}}");
        ObjectNode badDate = object("{\"credentials\":{\"credentials_title\":\"OAuth Credentials\"},\"start_date\":7}");

        assertThatCode(() -> validator.requirePart(PublicApiCall.REAUTHORIZE_SOURCE, hubspot.definitionId(),
                spec("hubspot"), selectsOAuth)).doesNotThrowAnyException();
        assertThatCode(() -> validator.requirePart(PublicApiCall.REAUTHORIZE_SOURCE, hubspot.definitionId(),
                spec("hubspot"), json.createObjectNode())).doesNotThrowAnyException();
        assertThatThrownBy(() -> validator.requirePart(PublicApiCall.REAUTHORIZE_SOURCE, hubspot.definitionId(),
                spec("hubspot"), badDate))
                .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageStartingWith("Onramp did not ask Airbyte to renew the source's sign-in, because the settings"
                        + " do not fit the specification of the HubSpot connector: ")
                .hasMessageContaining("(start_date) must be text");
    }

    @Test
    void specificationNamingAnotherDraft_isStillReadAsDraft7AsAirbyteReadsIt() throws Exception {
        ObjectNode schema = object("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\","
                + "\"properties\":{\"n\":{\"type\":\"integer\",\"exclusiveMinimum\":0}}}");

        assertThatThrownBy(() -> validator.requireWhole(ConfigApiCall.CREATE_SOURCE, "x", schema,
                object("{\"n\":0}"), Optional.empty(), false)).hasMessageContaining(": n must be more than 0.");
    }
}
