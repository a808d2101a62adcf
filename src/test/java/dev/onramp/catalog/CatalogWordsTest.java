package dev.onramp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.BusinessType;
import dev.onramp.model.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalog's own texts in German and French: every summary, business type and reason of {@code catalog.json}
 * translated in {@code catalog-words_de/fr.properties}, nothing else there, and the catalog said in a language
 * with its ids, order and English records untouched.
 */
class CatalogWordsTest {
    private static final Catalog BUNDLED = Catalog.bundled();

    private static Map<String, String> file(String language) {
        try (InputStream in = CatalogWords.class.getResourceAsStream("catalog-words_" + language + ".properties")) {
            assertThat(in).as("catalog-words_" + language + ".properties").isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new TreeMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return texts;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCatalogsTextsToTranslate_areEverySummaryBusinessTypeAndReasonOfCatalogJson() {
        Catalog curated = Catalog.curated();
        long reasons = curated.businessTypes().stream()
                .mapToLong(type -> curated.recommend(type.id()).stream().filter(Recommendation::recommended).count())
                .sum();

        assertThat(CatalogWords.englishTexts()).hasSize(20 + 2 * 5 + (int) reasons)
                .containsEntry("provider.shopify.summary", "Orders, products, customers and inventory from your online store")
                .containsEntry("businessType.retail.name", "Shop or restaurant")
                .containsEntry("businessType.saas.reason.intercom", "Conversations with your users");
        assertThat(reasons).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr"})
    void everyProviderBusinessTypeAndRecommendation_hasAText_inTheLanguage(String language) {
        assertThat(new TreeSet<>(file(language).keySet())).as("catalog-words_" + language + ".properties")
                .containsAll(new TreeSet<>(CatalogWords.englishTexts().keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr"})
    void theLanguagesFile_holdsNoKeyTheCatalogLacks(String language) {
        assertThat(new TreeSet<>(CatalogWords.englishTexts().keySet())).as("keys of catalog.json")
                .containsAll(file(language).keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr"})
    void noTranslation_isTheEnglishText_orEmpty_orWrittenAsAMessageFormatPattern(String language) {
        file(language).forEach((key, text) -> {
            assertThat(text).as(key).isNotBlank().isNotEqualTo(CatalogWords.englishTexts().get(key))
                    .doesNotContain("''").doesNotContain("{");
            assertThat(text.strip()).as(key + " has no stray space").isEqualTo(text);
        });
    }

    @Test
    void theCatalogInGerman_saysItsSummariesTypesAndReasonsInGerman_withIdsAndOrderUntouched() {
        Catalog german = BUNDLED.in(Locale.GERMAN);

        assertThat(german.locale()).isEqualTo(Locale.GERMAN);
        assertThat(german.provider("shopify").orElseThrow().summary())
                .isEqualTo("Bestellungen, Produkte, Kunden und Lagerbestand aus Ihrem Onlineshop");
        assertThat(german.businessType("online-store").orElseThrow())
                .isEqualTo(new BusinessType("online-store", "Onlineshop",
                        "Verkauft Produkte online über einen Webshop oder Marktplätze."));
        Recommendation stripe = german.recommend("online-store").get(1);
        assertThat(stripe.provider().id()).isEqualTo("stripe");
        assertThat(stripe.reason()).isEqualTo("Zahlungen, Erstattungen und Auszahlungen hinter Ihren Verkäufen");
        assertThat(german.recommend("online-store").stream().filter(r -> !r.recommended()).findFirst().orElseThrow()
                .reason()).isEqualTo("Keine übliche Quelle für diese Art von Unternehmen");

        assertThat(german.providers()).extracting(Provider::id)
                .containsExactlyElementsOf(BUNDLED.providers().stream().map(Provider::id).toList());
        assertThat(german.providers()).extracting(Provider::name, Provider::category, Provider::definitionId)
                .containsExactlyElementsOf(BUNDLED.providers().stream()
                        .map(p -> org.assertj.core.groups.Tuple.tuple(p.name(), p.category(), p.definitionId())).toList());
        assertThat(german.businessTypes()).extracting(BusinessType::id)
                .containsExactlyElementsOf(BUNDLED.businessTypes().stream().map(BusinessType::id).toList());
        assertThat(german.categories()).isEqualTo(BUNDLED.categories());
        // The English catalog is not changed by its translation.
        assertThat(BUNDLED.provider("shopify").orElseThrow().summary()).startsWith("Orders, products");
    }

    @Test
    void theCatalogInFrench_saysItsTextsInFrench_evenWhenAskedOfTheGermanOne() {
        Catalog french = BUNDLED.in(Locale.GERMAN).in(Locale.FRANCE);

        assertThat(french.locale()).isEqualTo(Locale.FRENCH);
        assertThat(french.businessType("saas").orElseThrow().name()).isEqualTo("Éditeur de logiciels");
        assertThat(french.recommend("saas").getFirst().reason())
                .isEqualTo("Abonnements, MRR et résiliations de votre facturation");
        assertThat(BUNDLED.in(Locale.GERMAN).in(Locale.ENGLISH)).isSameAs(BUNDLED);
    }

    @Test
    void aLanguageOnrampDoesNotSpeak_getsTheCatalogInEnglish() {
        assertThat(BUNDLED.in(Locale.JAPANESE)).isSameAs(BUNDLED);
        assertThat(BUNDLED.in(Locale.ENGLISH)).isSameAs(BUNDLED);
        assertThat(CatalogWords.of(Locale.JAPANESE).locale()).isEqualTo(Locale.ENGLISH);
        assertThat(BUNDLED.recommend("retail").getFirst().reason()).isEqualTo("Your till sales, items and customers");
        assertThat(BUNDLED.recommend("no-such-type").getFirst().reason())
                .isEqualTo("Choose the kind of business to see recommendations");
    }

    @Test
    void aTextThatIsNotTheCatalogsOwn_isSaidAsItIs() {
        CatalogWords german = CatalogWords.of(Locale.GERMANY);

        assertThat(german.reason("online-store", "mailchimp", "Newsletters")).isEqualTo("Newsletters");
        assertThat(german.reason("online-store", "mailchimp", "How your newsletters perform"))
                .isEqualTo("Wie Ihre Newsletter ankommen");
        assertThat(german.typeName("no-such-type", "no-such-type")).isEqualTo("no-such-type");
        // A summary that is neither the catalog's nor the registry listing's plain one is kept as it is.
        Provider listed = BUNDLED.provider("free-agent-connector").orElseThrow();
        Provider other = new Provider(listed.id(), listed.name(), listed.category(), listed.definitionId(),
                listed.sourceType(), listed.authMode(), listed.oauth(), "Invoices from a live Airbyte", listed.listing());
        assertThat(german.summary(other)).isEqualTo("Invoices from a live Airbyte");
        assertThat(german.said(other)).isSameAs(other);
    }

    @Test
    void aConnectorNobodyCurated_hasItsPlainSummaryInTheCatalogsLanguage_andTheSameCatalogEachTime() {
        Provider api = BUNDLED.provider("100ms").orElseThrow();
        assertThat(api.summary()).isEqualTo("Data from your 100ms account");

        Catalog german = BUNDLED.in(Locale.GERMAN);
        Catalog french = BUNDLED.in(Locale.FRENCH);

        assertThat(german.provider("100ms").orElseThrow().summary()).isEqualTo("Daten aus Ihrem Konto bei 100ms");
        assertThat(french.provider("100ms").orElseThrow().summary()).isEqualTo("Données de votre compte 100ms");
        assertThat(CatalogWords.of(Locale.GERMAN).summary(new Provider("x", "Postgres", "Files & databases", api.definitionId(),
                "postgres", api.authMode(), Optional.empty(), UncuratedListing.summary("Postgres", "database"),
                api.listing()))).isEqualTo("Tabellen aus einer Datenbank vom Typ Postgres");
        assertThat(german.providers()).noneMatch(p -> p.summary().equals("Data from your " + p.name() + " account"));
        assertThat(BUNDLED.in(Locale.GERMANY)).isSameAs(german);
    }

    @Test
    void aBusinessTypeInsideASentence_isLowerCased_butKeepsItsCapitalInGerman() {
        BusinessType store = BUNDLED.businessType("online-store").orElseThrow();
        BusinessType saas = BUNDLED.businessType("saas").orElseThrow();

        assertThat(CatalogWords.of(Locale.ENGLISH).inSentence(store)).isEqualTo("online store");
        assertThat(CatalogWords.of(Locale.GERMAN).inSentence(store)).isEqualTo("Onlineshop");
        assertThat(CatalogWords.of(Locale.FRENCH).inSentence(saas)).isEqualTo("éditeur de logiciels");
        assertThat(List.of(CatalogWords.of(Locale.GERMAN).inSentence(
                BUNDLED.in(Locale.GERMAN).businessType("retail").orElseThrow()))).containsExactly("Laden oder Restaurant");
    }
}
