package dev.onramp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.Provider;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled brand logos (read from the real logos.tsv.gz) and the monograms for providers without one. */
class LogosTest {
    /** Curated providers whose brands simple-icons no longer carries, at their owners' request. */
    private static final Set<String> WITHOUT_LOGO = Set.of("salesforce", "linkedin-ads", "klaviyo",
            "amazon-seller-partner", "pipedrive");

    @Test
    void stripe_hasItsBrandColourAndA24By24Path() {
        assertThat(Logos.of("stripe")).hasValueSatisfying(logo -> {
            assertThat(logo.slug()).isEqualTo("stripe");
            assertThat(logo.colour()).isEqualTo("635BFF");
            assertThat(logo.svgPath()).startsWith("M").hasSizeGreaterThan(100);
        });
    }

    @Test
    void everyFeaturedProvider_hasALogoUnlessSimpleIconsDropsTheBrand() {
        List<String> sourceTypes = Catalog.bundled().featured().stream().map(Provider::sourceType).toList();

        List<String> with = sourceTypes.stream().filter(s -> Logos.of(s).isPresent()).toList();

        assertThat(with).hasSize(15).doesNotContainAnyElementsOf(WITHOUT_LOGO);
        assertThat(sourceTypes).containsAll(WITHOUT_LOGO);
        assertThat(Catalog.bundled().providers()).filteredOn(p -> Logos.of(p.sourceType()).isPresent())
                .hasSizeGreaterThan(150);
    }

    @ParameterizedTest
    @CsvSource({
        "google-analytics-data-api, E37400",
        "facebook-marketing,        0866FF",
        "zendesk-support,           03363D",
        "tiktok-marketing,          000000",
        "quickbooks,                2CA01C",
    })
    void connectorWhoseSlugIsNotTheBrand_getsTheBrandByAlias(String slug, String colour) {
        assertThat(Logos.of(slug)).map(Logo::colour).hasValue(colour);
    }

    @Test
    void genericOrUnknownSlug_hasNoLogo() {
        assertThat(Logos.of("file")).isEmpty();
        assertThat(Logos.of("faker")).isEmpty();
        assertThat(Logos.of("no-such-connector")).isEmpty();
        assertThat(Logos.of("")).isEmpty();
    }

    @Test
    void lightBrandColour_asksForADarkBackground() {
        assertThat(Logos.of("mailchimp").orElseThrow().light()).isTrue();
        assertThat(Logos.of("stripe").orElseThrow().light()).isFalse();
    }

    @Test
    void logosReadFromManyThreadsAtOnce_areTheSameTable() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Logo>> reads = IntStream.range(0, 32)
                    .<Callable<Logo>>mapToObj(i -> () -> Logos.of("hubspot").orElseThrow()).toList();
            Set<Logo> seen = pool.invokeAll(reads).stream().map(LogosTest::get).collect(Collectors.toSet());
            assertThat(seen).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Google Ads                | GA",
        "Stripe                    | S",
        "Amazon Seller Partner     | AS",
        "Hugging Face - Datasets   | HF",
        "7shifts                   | 7",
        "  e-conomic               | E",
        "salesforce                | S",
    })
    void monogram_takesTheFirstLettersOfTheFirstTwoWords(String name, String letters) {
        assertThat(Logos.monogram(name).letters()).isEqualTo(letters);
    }

    @Test
    void monogramOfANameWithoutLetters_isAQuestionMark() {
        assertThat(Logos.monogram("  - ").letters()).isEqualTo("?");
        assertThat(Logos.monogram(null).letters()).isEqualTo("?");
    }

    @Test
    void monogramColour_isTheSameForTheSameNameAndVariesAcrossNames() {
        assertThat(Logos.monogram("Klaviyo")).isEqualTo(Logos.monogram("Klaviyo"));
        assertThat(Logos.monogram("klaviyo ").colour()).isEqualTo(Logos.monogram("Klaviyo").colour());
        Set<String> colours = Catalog.bundled().providers().stream()
                .map(p -> Logos.monogram(p.name()).colour()).collect(Collectors.toSet());
        assertThat(colours).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void everyMonogramColour_hasAaContrastWithWhiteText() {
        assertThat(Logos.PALETTE).allSatisfy(colour ->
                assertThat(1.05 / (Logo.relativeLuminance(colour) + 0.05)).as(colour).isGreaterThanOrEqualTo(4.5));
    }

    private static Logo get(Future<Logo> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
