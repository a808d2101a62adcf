package dev.onramp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The connector specifications bundled for the catalog, checked against Airbyte's registry facts. */
class ConnectorSpecsTest {
    private final Catalog catalog = Catalog.bundled();
    private final ConnectorSpecs specs = ConnectorSpecs.bundled(catalog);

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "shopify; 9da77001-af33-4bcd-be46-6252bf9342b9; shopify; shop",
        "stripe; e094cb9a-26de-4645-8761-65c0c425d1de; stripe; account_id client_secret",
        "google-analytics; 3cc2eafd-84aa-4dca-93af-322d9dfeec1a; google-analytics-data-api; property_ids",
        "google-ads; 253487c0-2246-43ba-a21f-5116b20a2c50; google-ads; credentials",
        "facebook-marketing; e7778cfc-e97c-4458-9ecb-b4f2bba8946c; facebook-marketing; account_ids credentials",
        "hubspot; 36c891d9-4bd9-43ac-bad2-10e12756272c; hubspot; credentials",
        "salesforce; b117307c-14b6-41aa-9422-947e34922962; salesforce; client_id client_secret refresh_token",
        "quickbooks; cf9c4355-b171-4477-8f2d-6c5cc5fc8b7e; quickbooks; access_token client_id client_secret realm_id"
                + " refresh_token sandbox start_date token_expiry_date",
        "mailchimp; b03a9f3e-22a5-11eb-adc1-0242ac120002; mailchimp; ",
        "zendesk-support; 79c1aa37-dae3-42ae-b333-d1c105477715; zendesk-support; subdomain",
        "intercom; d8313939-3782-41b0-be29-b3ca20d8dd3a; intercom; access_token start_date",
        "google-sheets; 71607ba1-c0ac-4799-8049-7f4b90dd50f7; google-sheets; credentials spreadsheet_id",
        "linkedin-ads; 137ece28-5434-455c-8f34-69dc3782f451; linkedin-ads; start_date",
        "klaviyo; 95e8cffd-b8c4-4039-968e-d32fb4a69bde; klaviyo; api_key",
        "square; 77225a51-cd15-4a13-af02-65816bd0ecf4; square; is_sandbox",
        "xero; 6fd1e833-dd6e-45ec-a727-ab917c5be892; xero; credentials start_date tenant_id",
        "amazon-seller-partner; e55879a8-0ef8-4557-abcf-ab34c53ec460; amazon-seller-partner; account_type"
                + " aws_environment lwa_app_id lwa_client_secret refresh_token region",
        "tiktok-marketing; 4bfac00d-ce15-44ff-95b9-9e3c3e8fbd35; tiktok-marketing; ",
        "pipedrive; d8286229-c680-4063-8c59-23b9b391c700; pipedrive; api_token replication_start_date",
        "notion; 6e00b415-b02e-4160-bf02-58176a0ae687; notion; ",
    })
    void everyProvider_hasItsRegistryDefinitionAndASpecificationWithTheRealRequiredFields(
            String id, String definitionId, String sourceType, String required) {
        Provider provider = catalog.provider(id).orElseThrow();
        ObjectNode spec = specs.specification(id).orElseThrow();

        assertThat(provider.definitionId()).isEqualTo(definitionId);
        assertThat(provider.sourceType()).isEqualTo(sourceType);
        List<String> specRequired = new ArrayList<>();
        spec.path("required").forEach(field -> specRequired.add(field.asText()));
        assertThat(specRequired).containsExactlyInAnyOrderElementsOf(
                required == null ? List.of() : Arrays.asList(required.split(" ")));
    }

    @Test
    void everyOAuthPredicate_pointsAtAnOptionOfItsSpecification() {
        for (Provider provider : catalog.providers()) {
            if (provider.oauth().filter(OAuthFacts::hasPredicate).isEmpty()) {
                continue;
            }
            OAuthFacts oauth = provider.oauth().get();
            JsonNode parent = specs.specification(provider.id()).orElseThrow();
            for (String key : oauth.predicateKey().subList(0, oauth.predicateKey().size() - 1)) {
                parent = parent.path("properties").path(key);
            }
            JsonNode options = parent.has("oneOf") ? parent.path("oneOf") : parent;
            List<String> constants = new ArrayList<>();
            for (JsonNode option : options.isArray() ? options : List.of(options)) {
                constants.add(option.path("properties").path(oauth.predicateKey().getLast()).path("const").asText());
            }
            assertThat(constants).as(provider.id()).contains(oauth.predicateValue());
        }
    }

    @Test
    void specifications_areCopies_soACallerCannotChangeTheBundledOne() {
        specs.specification("stripe").orElseThrow().removeAll();

        assertThat(specs.specification("stripe").orElseThrow().path("properties").has("client_secret")).isTrue();
    }

    @Test
    void hiddenFields_areLeftOutOfTheFeaturedProvidersSpecifications() {
        for (Provider provider : catalog.featured()) {
            assertThat(specs.specification(provider.id()).orElseThrow().toString()).as(provider.id())
                    .doesNotContain("airbyte_hidden");
        }
    }
}
