package dev.onramp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.ProviderSearch.Match;
import dev.onramp.model.Provider;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Searching the whole bundled catalog as a person types: names, data, categories, typos and word order. */
class ProviderSearchTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ProviderSearch SEARCH = new ProviderSearch(CATALOG.providers());

    private static List<String> ids(String query) {
        return SEARCH.search(query, "", Set.of()).stream().map(m -> m.provider().id()).toList();
    }

    @ParameterizedTest(name = "\"{0}\" finds {1} first")
    @CsvSource({
        "shopify, shopify",
        "shopfiy, shopify",      // two letters swapped
        "shoify, shopify",       // one missing
        "shopiffy, shopify",     // one extra
        "shapify, shopify",      // one wrong
        "Shop, shopify",
        "hub spot, hubspot",
        "ads google, google-ads",
        "google ads, google-ads",
        "quickbooks, quickbooks",
        "quikbooks, quickbooks",
        "woocommerce, woocommerce",
        "stripe, stripe",
        "zendesk, zendesk-support",
    })
    void aNameTypedAsAPersonTypesIt_findsTheProviderFirst(String query, String first) {
        assertThat(ids(query)).as(query).first().isEqualTo(first);
    }

    @Test
    void whatTheDataIs_findsTheProvidersHoldingIt_accountingFirstForInvoices() {
        List<String> found = ids("invoices");

        assertThat(found).contains("quickbooks", "xero", "stripe", "freshbooks");
        List<Provider> firstFive = SEARCH.search("invoices", "", Set.of()).stream().limit(5).map(Match::provider).toList();
        assertThat(firstFive).allSatisfy(p -> assertThat(p.category()).as(p.name()).isEqualTo("Accounting"));
        assertThat(found.indexOf("quickbooks")).isLessThan(found.indexOf("stripe"));
    }

    @Test
    void recommendedThenFeaturedThenCertifiedProviders_comeFirstAmongEqualMatches() {
        List<String> plain = ids("invoices");
        List<String> forABusiness = SEARCH.search("invoices", "", Set.of("stripe")).stream()
                .map(m -> m.provider().id()).toList();

        assertThat(plain.indexOf("stripe")).isPositive();
        assertThat(forABusiness.indexOf("stripe")).isLessThan(plain.indexOf("stripe"));
        List<Match> accounting = SEARCH.search("", "Accounting", Set.of());
        assertThat(accounting.subList(0, 2)).extracting(m -> m.provider().id()).containsExactly("quickbooks", "xero");
        assertThat(accounting.get(2).provider().listing().support())
                .isEqualTo(dev.onramp.model.ProviderListing.SupportLevel.CERTIFIED);
    }

    @Test
    void aCategory_filters_andAnEmptySearchListsTheWholeCategory() {
        List<Match> commerce = SEARCH.search("", "Commerce", Set.of());

        assertThat(commerce).hasSizeGreaterThan(10).allSatisfy(m -> assertThat(m.provider().category()).isEqualTo("Commerce"));
        assertThat(commerce).extracting(m -> m.provider().id()).contains("shopify", "woocommerce");
        assertThat(SEARCH.search("orders", "Commerce", Set.of())).isNotEmpty()
                .allSatisfy(m -> assertThat(m.provider().category()).isEqualTo("Commerce"));
        assertThat(SEARCH.search("", "", Set.of())).hasSize(CATALOG.providers().size());
    }

    @Test
    void theCategoryNameItself_findsItsProviders() {
        assertThat(SEARCH.search("accounting", "", Set.of()).subList(0, 10))
                .allSatisfy(m -> assertThat(m.provider().category()).isEqualTo("Accounting"));
    }

    @Test
    void nothingMatching_findsNothing_andRegexOrHugeInputIsPlainText() {
        assertThat(ids("xyzzyqqq")).isEmpty();
        assertThat(ids(".*")).isEmpty();
        assertThat(ids("(shopify)[*")).first().isEqualTo("shopify");
        assertThat(ids("shopify " + "x".repeat(10_000))).isEmpty();
        assertThat(ids("shopify" + " ".repeat(10_000) + "zzz")).first().isEqualTo("shopify");
    }

    @Test
    void oneSlip_isForgiven_twoAreNot_andShortWordsMustBeExact() {
        assertThat(ids("abs")).doesNotContain("google-ads", "facebook-marketing");
        assertThat(ProviderSearch.typo("shopify", "shopfiy")).isTrue();
        assertThat(ProviderSearch.typo("shopify", "shpofiy")).isFalse();
        assertThat(ProviderSearch.typo("quickbooks", "quikb")).isTrue();
    }
}
