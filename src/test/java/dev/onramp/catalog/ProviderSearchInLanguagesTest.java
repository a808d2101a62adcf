package dev.onramp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.ProviderSearch.Match;
import dev.onramp.model.AuthMode;
import dev.onramp.model.Provider;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Searching the whole bundled catalog in German and French: what a person reads of a provider in that language is
 * found (its summary, its category's name, why it is recommended), and English still is.
 */
class ProviderSearchInLanguagesTest {
    private static final Catalog CATALOG = Catalog.bundled();
    /** A few categories as a window in German or French names them (the window's own words are in ui.hub.CategoryWords). */
    private static final Map<String, String> GERMAN_CATEGORIES = Map.of("Accounting", "Buchhaltung", "Support",
            "Kundenservice", "Files & databases", "Dateien & Datenbanken");
    private static final Map<String, String> FRENCH_CATEGORIES = Map.of("Accounting", "Comptabilité", "Support",
            "Service client");
    private static final ProviderSearch GERMAN = search(Locale.GERMAN, Map.of());
    private static final ProviderSearch FRENCH = search(Locale.FRENCH, Map.of());

    private static ProviderSearch search(Locale language, Map<String, String> reasons) {
        Map<String, String> categories = language.equals(Locale.GERMAN) ? GERMAN_CATEGORIES : FRENCH_CATEGORIES;
        return new SearchIndex(language, category -> categories.getOrDefault(category, category))
                .search(CATALOG.in(language).providers(), reasons);
    }

    private static List<String> ids(ProviderSearch search, String query) {
        return search.search(query, "", Set.of()).stream().map(m -> m.provider().id()).toList();
    }

    @ParameterizedTest(name = "in German, \"{0}\" finds {1} among the first three")
    @CsvSource({
        "Rechnungen, xero",
        "Rechnungen, quickbooks",   // its summary says only "Ausgangs- und Eingangsrechnungen"
        "rechnungen, stripe",
        "Bestellungen, shopify",
        "Bestellung, amazon-seller-partner",  // one Bestellung of the Bestellungen its summary lists
        "Tickets, zendesk-support",
        "Kundenservice, zendesk-support",     // the category's German name
        "Buchhaltung, quickbooks",
        "Lagerbestand, shopify",
        "Zufriedenheitsbewertungen, zendesk-support",
    })
    void aGermanWord_ofASummaryOrCategory_findsTheProvider(String query, String provider) {
        assertThat(firstThree(ids(GERMAN, query))).as(query).contains(provider);
    }

    @ParameterizedTest(name = "in French, \"{0}\" finds {1} among the first three")
    @CsvSource({
        "factures, quickbooks",
        "Factures, stripe",
        "FACTURE, xero",
        "commandes, shopify",
        "tickets, zendesk-support",
        "comptabilite, quickbooks",     // written without its accent
        "Comptabilité, xero",
        "feuilles de calcul, google-sheets",
        "opérations bancaires, xero",
    })
    void aFrenchWord_withOrWithoutAccentsAndInAnyCase_findsTheProvider(String query, String provider) {
        assertThat(firstThree(ids(FRENCH, query))).as(query).contains(provider);
    }

    @Test
    void englishWords_stillFindInAGermanOrFrenchWindow_asNamesStillComeFirst() {
        assertThat(firstThree(ids(GERMAN, "invoices"))).contains("quickbooks");
        assertThat(firstThree(ids(FRENCH, "orders"))).contains("shopify");
        assertThat(ids(GERMAN, "accounting").subList(0, 10)).allSatisfy(id ->
                assertThat(CATALOG.provider(id).orElseThrow().category()).isEqualTo("Accounting"));
        assertThat(ids(GERMAN, "zendesk")).first().isEqualTo("zendesk-support");
        assertThat(ids(FRENCH, "shopfiy")).first().isEqualTo("shopify");
        // "Square" is a name; "Zahlungen" (payments) is also what Stripe's and Square's summaries say.
        assertThat(ids(GERMAN, "square")).first().isEqualTo("square");
    }

    @Test
    void aCategorysNameInTheLanguage_findsItsProvidersFirst() {
        assertThat(GERMAN.search("Buchhaltung", "", Set.of()).subList(0, 10))
                .allSatisfy(m -> assertThat(m.provider().category()).isEqualTo("Accounting"));
        assertThat(FRENCH.search("service client", "", Set.of()).subList(0, 5))
                .allSatisfy(m -> assertThat(m.provider().category()).isEqualTo("Support"));
    }

    @Test
    void whyAProviderIsRecommended_isFoundToo() {
        String reason = CATALOG.in(Locale.GERMAN).recommend("online-store").stream()
                .filter(r -> r.provider().id().equals("zendesk-support")).findFirst().orElseThrow().reason();
        assertThat(reason).contains("Bestellungen");

        ProviderSearch recommended = search(Locale.GERMAN, Map.of("zendesk-support", reason));

        assertThat(ids(GERMAN, "Bestellungen")).doesNotContain("zendesk-support");
        assertThat(ids(recommended, "Bestellungen")).contains("zendesk-support", "shopify");
    }

    @Test
    void theLittleWords_needNotBeFound_andAreNotFoundAlone() {
        assertThat(ids(GERMAN, "Bestellungen und Kunden")).first().isIn("shopify");
        assertThat(firstThree(ids(FRENCH, "factures et paiements"))).contains("quickbooks");
        assertThat(ids(GERMAN, "und")).isEmpty();
        assertThat(ids(FRENCH, "et")).isEmpty();
    }

    @Test
    void aWordNearlyEveryProviderSays_likeKontoOfDatenAusIhremKonto_listsNotEveryOne() {
        long plain = CATALOG.in(Locale.GERMAN).providers().stream()
                .filter(p -> p.summary().startsWith("Daten aus Ihrem Konto bei")).count();
        assertThat(plain).isGreaterThan(100);

        assertThat(ids(GERMAN, "Konto")).hasSizeLessThan(20);
        assertThat(ids(FRENCH, "compte")).hasSizeLessThan(20);
    }

    @Test
    void aHyphenatedWord_isFoundWrittenAsOne_andAPartOfOneOrTwoLettersJoinsTheNext() {
        Provider shop = made("shop-x", "Shop X", "Engineering", "Ventes de votre boutique e-commerce et e-mails");
        ProviderSearch search = new SearchIndex(Locale.FRENCH, UnaryOperator.identity()).search(List.of(shop), Map.of());

        for (String query : List.of("ecommerce", "e-commerce", "E-Commerce", "commerce", "emails", "e-mail", "boutique")) {
            assertThat(search.search(query, "", Set.of())).as(query).extracting(m -> m.provider().id())
                    .containsExactly("shop-x");
        }
        assertThat(SearchWords.query("E-Mail-Listen, Support-Tickets")).containsExactly("email", "listen", "support",
                "tickets");
        assertThat(SearchWords.text("E-Mail-Listen")).contains("e", "mail", "listen", "email", "emaillisten");
        assertThat(SearchWords.fold("Produktivität Straße Œuvre")).isEqualTo("produktivitat strasse oeuvre");
    }

    @Test
    void aSecondSearchOverTheSameProviders_readsNoProvidersWordsAgain_andEachCategoryIsSaidOnce() {
        AtomicInteger categoriesSaid = new AtomicInteger();
        SearchIndex index = new SearchIndex(Locale.GERMAN, category -> {
            categoriesSaid.incrementAndGet();
            return category;
        });
        List<Provider> providers = CATALOG.in(Locale.GERMAN).providers();

        ProviderSearch first = index.search(providers, Map.of());
        List<SearchIndex.Entry> read = providers.stream().map(index::entry).toList();
        for (String keystroke : List.of("R", "Re", "Rec", "Rech", "Rechn")) {
            first.search(keystroke, "", Set.of());
        }
        index.search(providers, Map.of("stripe", "Zahlungen hinter Ihren Verkäufen")).search("Verkäufen", "", Set.of());

        for (int i = 0; i < providers.size(); i++) {
            assertThat(index.entry(providers.get(i))).isSameAs(read.get(i));
        }
        assertThat(categoriesSaid.get()).isEqualTo(CATALOG.categories().size());
    }

    @Test
    void theEnglishSearch_findsByEnglishSummariesToo_asBefore_byNamesKeywordsAndCategories() {
        ProviderSearch english = new ProviderSearch(CATALOG.providers());
        Map<String, List<String>> firstThree = new HashMap<>();
        for (String query : List.of("spreadsheets", "satisfaction", "payouts")) {
            firstThree.put(query, english.search(query, "", Set.of()).stream().limit(3)
                    .map(Match::provider).map(Provider::id).toList());
        }

        assertThat(firstThree.get("spreadsheets")).contains("google-sheets");
        assertThat(firstThree.get("satisfaction")).contains("zendesk-support");
        assertThat(firstThree.get("payouts")).contains("stripe");
    }

    private static List<String> firstThree(List<String> ids) {
        return ids.subList(0, Math.min(3, ids.size()));
    }

    private static Provider made(String id, String name, String category, String summary) {
        return new Provider(id, name, category, "00000000-0000-0000-0000-000000000001", "api", AuthMode.CREDENTIALS,
                Optional.empty(), summary);
    }
}
