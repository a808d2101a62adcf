package dev.onramp.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.FormElement;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which catalog providers ask for fields before consent, and what a flow sends for them. */
class ConsentInputsTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ConsentInputs INPUTS = new ConsentInputs(CATALOG, ConnectorSpecs.bundled(CATALOG));

    private final ObjectMapper json = new ObjectMapper();

    private static FormField field(String providerId, String path) {
        return (FormField) INPUTS.form(providerId).element(path).orElseThrow();
    }

    private static Provider provider(String id) {
        return CATALOG.provider(id).orElseThrow();
    }

    @Test
    void providersWithInputsOrRequiredFieldsTheSignInLeavesEmpty_askBeforeConsent() {
        assertThat(CATALOG.featured()).filteredOn(p -> INPUTS.asksFirst(p.id())).extracting(Provider::id)
                .containsExactlyInAnyOrder("zendesk-support", "salesforce", "amazon-seller-partner", "google-analytics",
                        "facebook-marketing", "google-sheets", "intercom", "linkedin-ads");
    }

    @Test
    void requiredFieldsTheSignInLeavesEmpty_areAskedForAndRequired() {
        assertThat(field("google-analytics", "property_ids").kind()).isEqualTo(FormField.Kind.TEXT_LIST);
        assertThat(field("google-analytics", "property_ids").required()).isTrue();
        assertThat(field("facebook-marketing", "account_ids").required()).isTrue();
        assertThat(field("google-sheets", "spreadsheet_id").required()).isTrue();
        assertThat(field("linkedin-ads", "start_date").required()).isTrue();
        assertThat(INPUTS.form("google-analytics").elements()).extracting(FormElement::path)
                .containsExactly("property_ids");
    }

    @Test
    void whatTheSignInOrAirbytesOAuthAppFills_isNeverAskedFor() {
        assertThat(INPUTS.form("salesforce").elements()).extracting(FormElement::path).containsExactly("is_sandbox");
        assertThat(INPUTS.form("amazon-seller-partner").element("lwa_app_id")).isEmpty();
        assertThat(INPUTS.form("amazon-seller-partner").element("refresh_token")).isEmpty();
        assertThat(INPUTS.asksFirst("hubspot")).isFalse();
        assertThat(INPUTS.asksFirst("shopify")).isFalse();
    }

    @Test
    void everyInputPathOfTheCatalog_namesAFieldOfTheBundledSpecification() {
        ConnectorSpecs specs = ConnectorSpecs.bundled(CATALOG);
        CATALOG.providers().stream().filter(Provider::connectsByOAuth).forEach(provider ->
                provider.oauth().orElseThrow().userInputPaths().forEach((name, path) -> {
                    JsonNode property = specs.specification(provider.id()).orElseThrow();
                    for (String key : path) {
                        property = child(property, key);
                    }
                    assertThat(property.isObject()).as(provider.id() + " input " + name + " at " + path).isTrue();
                }));
    }

    @Test
    void zendesk_asksForItsRequiredSubdomainWithTheSpecificationsWords() {
        FormField subdomain = field("zendesk-support", "subdomain");

        assertThat(INPUTS.form("zendesk-support").elements()).hasSize(1);
        assertThat(subdomain.title()).isEqualTo("Subdomain");
        assertThat(subdomain.required()).isTrue();
        assertThat(subdomain.kind()).isEqualTo(FormField.Kind.TEXT);
        assertThat(subdomain.help()).contains("MY_SUBDOMAIN");
    }

    @Test
    void amazon_asksForRegionAndAccountTypeAsChoicesWithDefaults() {
        FormField region = field("amazon-seller-partner", "region");
        FormField accountType = field("amazon-seller-partner", "account_type");

        assertThat(INPUTS.form("amazon-seller-partner").elements()).extracting(FormElement::path)
                .containsExactly("aws_environment", "region", "account_type");
        // Required with a default, and Airbyte fills no defaults: shown filled, and sent.
        assertThat(field("amazon-seller-partner", "aws_environment").defaultValue()).contains("PRODUCTION");
        assertThat(region.kind()).isEqualTo(FormField.Kind.ENUM);
        assertThat(region.allowedTexts()).contains("US", "DE", "JP");
        assertThat(region.defaultValue()).contains("US");
        assertThat(accountType.allowedTexts()).containsExactly("Seller", "Vendor");
        assertThat(accountType.required()).isTrue();
    }

    @Test
    void salesforce_asksWhetherItIsASandboxAsAnOptionalSwitch() {
        FormField sandbox = field("salesforce", "is_sandbox");

        assertThat(sandbox.kind()).isEqualTo(FormField.Kind.BOOLEAN);
        assertThat(sandbox.required()).isFalse();
        assertThat(sandbox.defaultValue()).contains("false");
    }

    @Test
    void intercom_asksForItsStartDateButNotItsOptionalOAuthAppSecrets() {
        assertThat(INPUTS.form("intercom").elements()).extracting(FormElement::path).containsExactly("start_date");
    }

    @Test
    void givenValues_goToOAuthInputByNameAndToTheConfigurationAtTheirPaths() throws Exception {
        ConsentInputs.Given given = INPUTS.given(provider("salesforce"), new FormValues(Map.of("is_sandbox", "true")));

        assertThat(given.oauthInput()).isEqualTo(json.readTree("{\"is_sandbox\":true}"));
        assertThat(given.configuration()).isEqualTo(json.readTree("{\"is_sandbox\":true}"));
    }

    @Test
    void valuesLeftOut_takeTheSpecificationsDefaults() throws Exception {
        ConsentInputs.Given given = INPUTS.given(provider("amazon-seller-partner"), new FormValues(Map.of("region", "DE")));

        assertThat(given.oauthInput()).isEqualTo(json.readTree("{\"region\":\"DE\",\"account_type\":\"Seller\"}"));
    }

    @Test
    void valueOutsideTheAllowedOnes_isRefusedNamingTheField() {
        assertThatThrownBy(() -> INPUTS.given(provider("amazon-seller-partner"), new FormValues(Map.of("region", "Mars"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Amazon Seller Partner needs this before its sign-in: AWS Region must be one of: AE,");
    }

    @Test
    void providerThatNeedsNothingFirst_sendsAnEmptyInput() {
        ConsentInputs.Given given = INPUTS.given(provider("hubspot"), FormValues.empty());

        assertThat(given.oauthInput().isEmpty()).isTrue();
        assertThat(given.configuration().isEmpty()).isTrue();
    }

    @Test
    void anInputInsideTheOAuthOption_isAskedForAndSentAsOAuthInputAndInTheConfiguration() throws Exception {
        FormField tenant = field("microsoft-teams", "credentials.tenant_id");

        assertThat(tenant.title()).isEqualTo("Directory (tenant) ID");
        assertThat(tenant.required()).isTrue();
        ConsentInputs.Given given = INPUTS.given(provider("microsoft-teams"),
                new FormValues(Map.of("credentials.tenant_id", "contoso-tenant", "period", "D7")));
        assertThat(given.oauthInput()).isEqualTo(json.readTree("{\"tenant_id\":\"contoso-tenant\"}"));
        assertThat(given.configuration().at("/credentials/tenant_id").asText()).isEqualTo("contoso-tenant");
    }

    @Test
    void theRequiredConstantOfTheOnlyOAuthOption_isSentThoughNoPredicateNamesIt() {
        ConsentInputs.Given given = INPUTS.given(provider("rd-station-marketing"),
                new FormValues(Map.of("start_date", "2024-01-15T00:00:00Z")));

        assertThat(INPUTS.form("rd-station-marketing").elements()).extracting(FormElement::path)
                .containsExactly("start_date");
        assertThat(given.configuration().at("/authorization/auth_type").asText()).isEqualTo("Client");
        assertThat(given.oauthInput().isEmpty()).isTrue();
    }

    @Test
    void aRequiredListOfStreamsBesideTheSignIn_isAskedForItsFirstStream() {
        assertThat(INPUTS.form("google-drive").element("streams.0.name")).get()
                .isInstanceOfSatisfying(FormField.class, name -> assertThat(name.required()).isTrue());
        assertThat(INPUTS.form("google-drive").element("streams.0.format")).get()
                .isInstanceOf(dev.onramp.connect.form.FormChoice.class);
        ConsentInputs.Given given = INPUTS.given(provider("google-drive"), new FormValues(Map.of(
                "folder_url", "https://drive.google.com/drive/folders/1Xaz0vXXXX2enKzgXbbEwh5AL9Q4-IK1n",
                "streams.0.name", "orders")));

        assertThat(given.configuration().at("/streams/0/name").asText()).isEqualTo("orders");
        assertThat(given.configuration().at("/streams/0/format").isObject()).isTrue();
    }

    /** The property {@code key} of a schema, or of the first of its oneOf options that has it (Azure's credentials). */
    private static JsonNode child(JsonNode schema, String key) {
        if (schema.path("properties").has(key)) {
            return schema.path("properties").path(key);
        }
        for (JsonNode option : schema.path("oneOf")) {
            if (option.path("properties").has(key)) {
                return option.path("properties").path(key);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
