package dev.onramp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.AuthMode;
import dev.onramp.model.BusinessType;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled catalog: real Airbyte facts and recommendations per kind of business. */
class CatalogTest {
    private final Catalog catalog = Catalog.bundled();

    @Test
    void bundledCatalog_featuresTwentyProviders_amongEveryConnectorOfTheRegistrySnapshot() {
        assertThat(catalog.featured()).hasSize(20).allMatch(Provider::featured);
        assertThat(catalog.providers()).hasSizeGreaterThanOrEqualTo(550).startsWith(catalog.featured().toArray(Provider[]::new));
        assertThat(catalog.providers().subList(20, catalog.providers().size())).noneMatch(Provider::featured)
                .extracting(Provider::name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void featuredProvider_carriesTheSnapshotsDocumentationSupportLevelAndKeywords() {
        Provider quickBooks = catalog.provider("quickbooks").orElseThrow();

        assertThat(quickBooks.listing().documentationUrl()).isEqualTo("https://docs.airbyte.com/integrations/sources/quickbooks");
        assertThat(quickBooks.listing().keywords()).contains("invoices");
        assertThat(quickBooks.category()).isEqualTo("Accounting");
    }

    @Test
    void snapshotConnector_isListedWithItsRegistryFactsAndOnrampsCuration() {
        Provider freeAgent = catalog.provider("free-agent-connector").orElseThrow();

        assertThat(freeAgent.name()).isEqualTo("FreeAgent");
        assertThat(freeAgent.featured()).isFalse();
        assertThat(freeAgent.category()).isEqualTo("Accounting");
        assertThat(freeAgent.listing().keywords()).contains("invoices");
        assertThat(catalog.providerOfDefinition(freeAgent.definitionId())).contains(freeAgent);
        assertThat(catalog.categories()).startsWith("Accounting", "Payments", "Commerce").endsWith("Other");
    }

    @Test
    void everyDefinitionId_isACanonicalUuid() {
        assertThat(catalog.providers())
                .extracting(Provider::definitionId)
                .allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
    }

    @ParameterizedTest
    @CsvSource({
        "shopify,            9da77001-af33-4bcd-be46-6252bf9342b9, shopify",
        "stripe,             e094cb9a-26de-4645-8761-65c0c425d1de, stripe",
        "google-analytics,   3cc2eafd-84aa-4dca-93af-322d9dfeec1a, google-analytics-data-api",
        "google-ads,         253487c0-2246-43ba-a21f-5116b20a2c50, google-ads",
        "facebook-marketing, e7778cfc-e97c-4458-9ecb-b4f2bba8946c, facebook-marketing",
        "hubspot,            36c891d9-4bd9-43ac-bad2-10e12756272c, hubspot",
        "salesforce,         b117307c-14b6-41aa-9422-947e34922962, salesforce",
        "mailchimp,          b03a9f3e-22a5-11eb-adc1-0242ac120002, mailchimp",
    })
    void keyProvider_carriesItsRealAirbyteDefinition(String id, String definitionId, String sourceType) {
        assertThat(catalog.provider(id)).hasValueSatisfying(p -> {
            assertThat(p.definitionId()).isEqualTo(definitionId);
            assertThat(p.sourceType()).isEqualTo(sourceType);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"stripe", "klaviyo", "pipedrive", "square", "xero", "quickbooks"})
    void connectorWithoutAirbyteOAuth_connectsWithCredentials(String id) {
        assertThat(catalog.provider(id)).hasValueSatisfying(p -> {
            assertThat(p.authMode()).isEqualTo(AuthMode.CREDENTIALS);
            assertThat(p.oauth()).isEmpty();
        });
    }

    @Test
    void everyOtherProvider_connectsByOAuthWithItsFacts() {
        List<String> credentialIds = List.of("stripe", "klaviyo", "pipedrive", "square", "xero", "quickbooks");

        assertThat(catalog.featured())
                .filteredOn(p -> !credentialIds.contains(p.id()))
                .hasSize(14)
                .allSatisfy(p -> assertThat(p.connectsByOAuth()).as(p.id()).isTrue());
    }

    @Test
    void salesforce_asksForSandboxBeforeConsent() {
        OAuthFacts facts = catalog.provider("salesforce").flatMap(Provider::oauth).orElseThrow();

        assertThat(facts.predicateKey()).containsExactly("auth_type");
        assertThat(facts.predicateValue()).isEqualTo("Client");
        assertThat(facts.userInputPaths()).containsExactlyEntriesOf(Map.of("is_sandbox", List.of("is_sandbox")));
        assertThat(facts.outputPaths()).containsExactlyEntriesOf(Map.of("refresh_token", List.of("refresh_token")));
    }

    @Test
    void googleAds_hasNoOAuthPredicate() {
        OAuthFacts facts = catalog.provider("google-ads").flatMap(Provider::oauth).orElseThrow();

        assertThat(facts.hasPredicate()).isFalse();
        assertThat(facts.outputPaths()).containsKeys("access_token", "refresh_token");
    }

    @Test
    void providerIds_areUnique() {
        assertThat(catalog.providers()).extracting(Provider::id).doesNotHaveDuplicates();
    }

    @Test
    void definitionIds_areUnique() {
        assertThat(catalog.providers()).extracting(Provider::definitionId).doesNotHaveDuplicates();
    }

    @Test
    void everyProvider_hasANameCategoryAndSummary() {
        assertThat(catalog.providers()).allSatisfy(p -> {
            assertThat(p.name()).isNotBlank();
            assertThat(p.category()).isNotBlank();
            assertThat(p.summary()).isNotBlank();
        });
    }

    @Test
    void businessTypes_areFourToSixWithNamesAndDescriptions() {
        assertThat(catalog.businessTypes()).hasSizeBetween(4, 6).allSatisfy(b -> {
            assertThat(b.name()).isNotBlank();
            assertThat(b.description()).isNotBlank();
        });
        assertThat(catalog.businessType("online-store")).map(BusinessType::name).contains("Online store");
    }

    @Test
    void onlineStore_startsWithShopifyAndItsReason() {
        Recommendation first = catalog.recommend("online-store").getFirst();

        assertThat(first.provider().id()).isEqualTo("shopify");
        assertThat(first.recommended()).isTrue();
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.reason()).isEqualTo("Your orders, products and customers");
    }

    @Test
    void everyBusinessType_recommendsSomeProvidersAndListsEveryProviderOnce() {
        List<String> allIds = catalog.providers().stream().map(Provider::id).toList();

        assertThat(catalog.businessTypes()).allSatisfy(type -> {
            List<Recommendation> hub = catalog.recommend(type.id());
            assertThat(hub).extracting(r -> r.provider().id()).containsExactlyInAnyOrderElementsOf(allIds);
            assertThat(hub).filteredOn(Recommendation::recommended).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.reason()).isNotBlank());
        });
    }

    @Test
    void recommendedProviders_comeFirstInRankOrderThenTheRestByName() {
        List<Recommendation> hub = catalog.recommend("saas");
        int recommendedCount = (int) hub.stream().filter(Recommendation::recommended).count();

        assertThat(hub.subList(0, recommendedCount)).allMatch(Recommendation::recommended);
        assertThat(hub.subList(recommendedCount, hub.size()))
                .noneMatch(Recommendation::recommended)
                .extracting(r -> r.provider().name())
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(hub).extracting(Recommendation::rank).isSorted().startsWith(1).doesNotHaveDuplicates();
    }

    @Test
    void unknownBusinessType_listsEveryProviderByNameWithoutRecommendations() {
        List<Recommendation> hub = catalog.recommend("space-agency");

        assertThat(hub).hasSize(catalog.providers().size()).noneMatch(Recommendation::recommended);
        assertThat(hub).extracting(Recommendation::provider)
                .isSortedAccordingTo(Comparator.comparing(Provider::name, String.CASE_INSENSITIVE_ORDER));
    }

    @Test
    void unknownProviderId_isAbsent() {
        assertThat(catalog.provider("myspace")).isEmpty();
    }
}
