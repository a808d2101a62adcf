package dev.onramp.connect.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.FormField.Kind;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forms generated from the real connector specifications bundled with Onramp. */
class SpecFormsTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ConnectorSpecs SPECS = ConnectorSpecs.bundled(CATALOG);

    private static ObjectNode spec(String providerId) {
        return SPECS.specification(providerId).orElseThrow();
    }

    private static OAuthFacts oauth(String providerId) {
        return CATALOG.provider(providerId).flatMap(Provider::oauth).orElseThrow();
    }

    private static FormField field(ConnectorForm form, String path) {
        return (FormField) form.element(path).orElseThrow();
    }

    @Test
    void stripe_putsItsFieldsInSpecOrderWithTheSecretKeyMaskedAndRequired() {
        ConnectorForm form = SpecForms.read(spec("stripe"));

        assertThat(form.elements()).extracting(FormElement::path)
                .startsWith("account_id", "client_secret", "start_date", "lookback_window_days", "slice_range");
        FormField secret = field(form, "client_secret");
        assertThat(secret.title()).isEqualTo("Secret Key");
        assertThat(secret.secret()).isTrue();
        assertThat(secret.required()).isTrue();
        assertThat(field(form, "account_id").secret()).isFalse();
        assertThat(field(form, "start_date").required()).isFalse();
    }

    @Test
    void stripeDescriptions_becomePlainHelpWithTheirLinksAndExamples() {
        ConnectorForm form = SpecForms.read(spec("stripe"));

        assertThat(field(form, "account_id").help()).isEqualTo(
                "Your Stripe account ID (starts with 'acct_', find yours here (https://dashboard.stripe.com/settings/account)).");
        assertThat(field(form, "start_date").help()).endsWith("For example: 2017-01-25T00:00:00Z.");
        assertThat(field(form, "start_date").example()).contains("2017-01-25T00:00:00Z");
    }

    @Test
    void emptyRequiredFields_areRefusedWithSentencesNamingThem() {
        ConnectorForm form = SpecForms.read(spec("stripe"));

        assertThat(form.problems(form.defaults())).extracting(FormProblem::message)
                .containsExactly("Account ID is required.", "Secret Key is required.");
    }

    @Test
    void aValueNotMatchingThePattern_isRefusedWithTheExampleAsHint() {
        ConnectorForm form = SpecForms.read(spec("stripe"));

        assertThat(field(form, "start_date").problem("25/01/2017"))
                .contains("Replication start date must look like 2017-01-25T00:00:00Z.");
        assertThat(field(form, "start_date").problem("2024-03-01T00:00:00Z")).isEmpty();
    }

    @Test
    void aPatternDescriptor_isTheHintWhenThereIsOne() {
        ConnectorForm form = SpecForms.read(spec("google-analytics"));
        FormField startDate = (FormField) form.allElements().stream()
                .filter(e -> e instanceof FormField f && f.rules().patternHint().isPresent())
                .findFirst().orElseThrow();

        assertThat(startDate.problem("yesterday")).contains(startDate.title() + " must look like "
                + startDate.rules().patternHint().orElseThrow() + ".");
    }

    @Test
    void integers_areCheckedForKindAndRange() {
        FormField workers = field(SpecForms.read(spec("stripe")), "num_workers");

        assertThat(workers.kind()).isEqualTo(Kind.INTEGER);
        assertThat(workers.defaultValue()).contains("10");
        assertThat(workers.problem("ten")).contains("Number of concurrent workers must be a whole number.");
        assertThat(workers.problem("1")).contains("Number of concurrent workers must be at least 2.");
        assertThat(workers.problem("101")).contains("Number of concurrent workers must be at most 100.");
        assertThat(workers.value("12")).map(JsonNode::intValue).contains(12);
    }

    @Test
    void stripeConfiguration_holdsTheTypedValuesWithTheirJsonTypes() {
        ConnectorForm form = SpecForms.read(spec("stripe"));
        FormValues values = form.defaults().with("account_id", " acct_1 ").with("client_secret", "sk_test_123456789")
                .with("api_retention_streams", "charges, refunds");

        ObjectNode configuration = form.configuration(values);

        assertThat(configuration.path("account_id").asText()).isEqualTo("acct_1");
        assertThat(configuration.path("client_secret").asText()).isEqualTo("sk_test_123456789");
        assertThat(configuration.path("num_workers").isInt()).isTrue();
        assertThat(configuration.path("api_retention_streams")).extracting(JsonNode::asText)
                .containsExactly("charges", "refunds");
        assertThat(configuration.has("call_rate_limit")).as("a blank optional field is left out").isFalse();
    }

    @Test
    void multipleChoiceFromAnEnum_refusesValuesItDoesNotList() {
        FormField streams = field(SpecForms.read(spec("stripe")), "api_retention_streams");

        assertThat(streams.kind()).isEqualTo(Kind.MULTI_ENUM);
        assertThat(streams.problem("charges, bananas")).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("Streams with API Data Retention Validation takes only these values, separated by commas: accounts,"));
    }

    @Test
    void enumFields_offerTheirValuesAndRefuseOthers() {
        FormField region = field(SpecForms.read(spec("amazon-seller-partner")), "region");

        assertThat(region.kind()).isEqualTo(Kind.ENUM);
        assertThat(region.allowedTexts()).contains("US", "DE", "JP");
        assertThat(region.problem("Atlantis")).hasValueSatisfying(p -> assertThat(p).startsWith("AWS Region must be one of: AE, AU, BE,"));
        assertThat(region.value("us")).map(JsonNode::asText).contains("US");
    }

    @Test
    void shopifyWithoutOAuth_offersOnlyTheApiPasswordAndSendsItsConstant() {
        ConnectorForm form = SpecForms.withoutOAuth(spec("shopify"), oauth("shopify"));
        FormChoice credentials = (FormChoice) form.element("credentials").orElseThrow();

        assertThat(credentials.options()).extracting(FormOption::title).containsExactly("API Password");
        FormValues values = form.defaults().with("shop", "corner-store").with("credentials.api_password", "shppa_1234567890");
        assertThat(form.problems(values)).isEmpty();
        ObjectNode configuration = form.configuration(values);
        assertThat(configuration.path("credentials").path("auth_method").asText()).isEqualTo("api_password");
        assertThat(configuration.path("credentials").path("api_password").asText()).isEqualTo("shppa_1234567890");
    }

    @Test
    void shopifyStore_refusesAnAddressWithHttps() {
        FormField shop = field(SpecForms.read(spec("shopify")), "shop");

        assertThat(shop.problem("https://corner-store.myshopify.com")).contains("Shopify Store must look like my-store.");
    }

    @Test
    void oauthProviders_listTheWaysInOtherThanOAuth() {
        assertThat(SpecForms.alternativesToOAuth(spec("shopify"), oauth("shopify"))).containsExactly("API Password");
        assertThat(SpecForms.alternativesToOAuth(spec("hubspot"), oauth("hubspot"))).containsExactly("Private App");
        assertThat(SpecForms.alternativesToOAuth(spec("facebook-marketing"), oauth("facebook-marketing")))
                .containsExactly("Service Account Key Authentication");
        assertThat(SpecForms.alternativesToOAuth(spec("google-ads"), oauth("google-ads"))).isEmpty();
    }

    @Test
    void square_choosesTheOptionWhoseFieldsWereFilledIn() {
        ConnectorForm form = SpecForms.read(spec("square"));
        FormChoice credentials = (FormChoice) form.element("credentials").orElseThrow();
        FormValues values = form.defaults().with("credentials.api_key", "sq0atp-0123456789");

        assertThat(form.chosen(credentials, values).title()).isEqualTo("API key");
        assertThat(form.activeFields(values)).extracting(FormField::path).contains("credentials.api_key")
                .doesNotContain("credentials.refresh_token");
        assertThat(form.configuration(values).path("credentials").path("auth_type").asText()).isEqualTo("API Key");
    }

    @Test
    void aChosenOption_requiresItsOwnFieldsOnly() {
        ConnectorForm form = SpecForms.read(spec("xero"));
        FormValues values = form.defaults().with("tenant_id", "tenant-1").with("start_date", "2024-01-01T00:00:00Z")
                .with("credentials", "Bearer Access Token");

        assertThat(form.problems(values)).extracting(FormProblem::message).containsExactly("Access Token is required.");
    }

    @Test
    void anOptionNamedThatDoesNotExist_isRefused() {
        ConnectorForm form = SpecForms.read(spec("xero"));

        assertThat(form.problems(form.defaults().with("credentials", "Carrier pigeon")))
                .extracting(FormProblem::message)
                .contains("Authentication Method must be one of: OAuth Custom Connection, Bearer Access Token.");
    }

    @Test
    void constantsOutsideAChoice_areSentWithoutBeingAsked() {
        ConnectorForm form = SpecForms.read(spec("quickbooks"));

        assertThat(form.allElements()).extracting(FormElement::path).doesNotContain("auth_type");
        FormValues values = form.defaults();
        for (FormField field : form.activeFields(values)) {
            if (field.required() && values.text(field.path()).isBlank()) {
                values = values.with(field.path(), field.path().endsWith("date") ? "2024-01-01T00:00:00Z" : "value-1234");
            }
        }
        assertThat(form.configuration(values).path("auth_type").asText()).isEqualTo("oauth2.0");
    }

    @Test
    void listsOfObjects_areTypedAsJson() {
        FormField insights = field(SpecForms.read(spec("facebook-marketing")), "custom_insights");

        assertThat(insights.kind()).isEqualTo(Kind.JSON);
        assertThat(insights.problem("[{\"name\": \"daily\"}]")).isEmpty();
        assertThat(insights.problem("daily")).hasValueSatisfying(p -> assertThat(p).contains("must be written as JSON"));
    }

    @Test
    void aListTypedAsJson_refusesAnObjectWithTheWordsOfTheCheckBeforeSending() {
        FormField insights = field(SpecForms.read(spec("facebook-marketing")), "custom_insights");

        assertThat(insights.problem("{}")).contains(insights.title() + " must be a list.");
    }

    @Test
    void defaultsAlone_selectTheOptionTheirValuesCameFrom() throws Exception {
        JsonNode spec = new ObjectMapper().readTree("""
                {"type": "object", "required": ["tunnel"], "properties": {"tunnel": {"type": "object", "oneOf": [
                  {"title": "Direct", "required": ["mode"], "properties": {
                    "mode": {"type": "string", "enum": ["direct", "ssh"], "default": "direct"}}},
                  {"title": "SSH", "required": ["mode", "host"], "properties": {
                    "mode": {"type": "string", "enum": ["direct", "ssh"], "default": "ssh"},
                    "host": {"type": "string"}}}]}}}""");
        ConnectorForm form = SpecForms.read(spec);
        FormChoice tunnel = (FormChoice) form.element("tunnel").orElseThrow();

        assertThat(form.chosen(tunnel, form.defaults()).title()).isEqualTo("Direct");
        assertThat(form.problems(form.defaults())).isEmpty();
        assertThat(form.configuration(form.defaults()).toString()).isEqualTo("{\"tunnel\":{\"mode\":\"direct\"}}");
        assertThat(form.chosen(tunnel, form.defaults().with("tunnel.host", "bastion")).title()).isEqualTo("SSH");
    }

    @Test
    void aDateWhoseFormatAndPatternContradictEachOther_isRefusedSayingNoValueFits() {
        FormField start = field(SpecForms.read(spec("coingecko-coins")), "start_date");

        assertThat(start.problem("15-01-2024")).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("Start date cannot be filled in: the connector's specification wants a date written like"
                        + " 2024-01-15 that must also look like 15-01-2024"));
        assertThat(start.problem("2024-01-15")).isEqualTo(start.problem("15-01-2024"));
    }

    @Test
    void nestedObjectsWithoutAChoice_areFlattenedIntoPathsUnderTheirParent() throws Exception {
        JsonNode spec = new ObjectMapper().readTree("""
                {"type": "object", "required": ["auth"], "properties": {
                  "auth": {"type": "object", "title": "Auth", "required": ["token"], "properties": {
                    "token": {"type": "string", "airbyte_secret": true, "order": 1},
                    "kind": {"type": "string", "const": "token"}}},
                  "hidden": {"type": "string", "airbyte_hidden": true}}}""");

        ConnectorForm form = SpecForms.read(spec);

        assertThat(form.elements()).extracting(FormElement::path).containsExactly("auth.token");
        assertThat(field(form, "auth.token").title()).isEqualTo("Token");
        assertThat(form.configuration(form.defaults().with("auth.token", "t0ken-123")).toString())
                .isEqualTo("{\"auth\":{\"kind\":\"token\",\"token\":\"t0ken-123\"}}");
    }

    @Test
    void secrets_keepTheirSpacesWhileOtherTextIsTrimmed() {
        ConnectorForm form = SpecForms.read(spec("pipedrive"));
        FormValues values = form.defaults().with("api_token", " spaced token ").with("replication_start_date", " 2024 ");

        ObjectNode configuration = form.configuration(values);

        assertThat(configuration.path("api_token").asText()).isEqualTo(" spaced token ");
        assertThat(configuration.path("replication_start_date").asText()).isEqualTo("2024");
    }

    @Test
    void formValues_neverShowTheirTextsWhenPrinted() {
        FormValues values = FormValues.empty().with("client_secret", "sk_live_do_not_print");

        assertThat(values.toString()).isEqualTo("FormValues[client_secret]");
    }

    @Test
    void everyFeaturedSpecification_makesAFormWhoseDefaultsAreTyped() {
        for (Provider provider : CATALOG.featured()) {
            ConnectorForm form = SpecForms.read(spec(provider.id()));
            FormValues defaults = form.defaults();

            assertThat(form.elements()).as(provider.id()).isNotEmpty();
            assertThat(form.activeFields(defaults)).as(provider.id())
                    .allSatisfy(f -> assertThat(f.problem(defaults.text(f.path())).filter(p -> !p.endsWith("is required.")))
                            .as(provider.id() + " " + f.path()).isEmpty());
        }
    }

    @Test
    void featuredCredentialsProviders_eachNeedSomethingTyped() {
        List<String> typed = CATALOG.featured().stream().filter(p -> !p.connectsByOAuth()).map(Provider::id).toList();

        assertThat(typed).containsExactlyInAnyOrder("stripe", "quickbooks", "klaviyo", "square", "xero", "pipedrive");
        for (String provider : typed) {
            ConnectorForm form = SpecForms.read(spec(provider));
            assertThat(form.activeFields(form.defaults())).as(provider).anyMatch(FormField::secret);
        }
    }
}
