package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.common.HeldExecutor;
import dev.onramp.ui.common.UiText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hub's search in the window's language: each example its search prompt gives ("Rechnungen, Bestellungen,
 * Tickets…") finds a provider holding that data, typed in English, German and French.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubSearchInLanguagesTest {
    /** The providers it makes sense to find first for each of the prompt's three examples, in their order. */
    private static final List<Set<String>> SENSIBLE = List.of(
            Set.of("quickbooks", "xero", "stripe", "freshbooks"),                   // invoices
            Set.of("shopify", "amazon-seller-partner", "woocommerce", "square"),    // orders
            Set.of("zendesk-support", "freshdesk", "intercom"));                     // tickets

    @TempDir
    static Path dataDir;

    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    private final HeldExecutor background = new HeldExecutor();
    private AppContext context;
    private HubModel hub;

    @BeforeAll
    void startApp() {
        context = AppContext.start(new AppOptions(dataDir, Optional.empty(), url -> false, Duration.ZERO,
                Duration.ofSeconds(5)));
    }

    @AfterAll
    void closeApp() {
        context.close();
    }

    @AfterEach
    void closeHubAndSpeakAsBefore() {
        if (hub != null) {
            hub.deactivate();
        }
        Locale.setDefault(Locale.Category.DISPLAY, before);
    }

    /** The hub as a window in {@code language} shows it, on its first business (an online store). */
    private HubSections hubIn(Locale language) {
        Locale.setDefault(Locale.Category.DISPLAY, language);
        hub = new HubModel(AppUnderTest.servicesOf(context, background, Runnable::run));
        hub.activate();
        background.runAll();
        return hub.sections();
    }

    private static List<String> found(HubSections sections, String typed) {
        sections.queryProperty().set(typed);
        assertThat(sections.sections()).hasSize(1);
        return sections.sections().getFirst().tiles().stream().map(tile -> tile.provider().id()).toList();
    }

    /** The examples the search field's prompt gives, between its dash and its ellipsis. */
    private static List<String> promptExamples() {
        String prompt = UiText.get("ui.hub.search.prompt");
        String examples = prompt.substring(prompt.indexOf('—') + 1, prompt.indexOf('…'));
        return Arrays.stream(examples.split(",")).map(String::strip).toList();
    }

    @ParameterizedTest(name = "in \"{0}\", each example of the search prompt finds a provider holding it first")
    @ValueSource(strings = {"en", "de", "fr"})
    void eachExampleOfTheSearchPrompt_typedInTheWindowsLanguage_findsAProviderHoldingItFirst(String tag) {
        HubSections sections = hubIn(Locale.forLanguageTag(tag));
        List<String> examples = promptExamples();

        assertThat(examples).hasSize(SENSIBLE.size());
        for (int i = 0; i < examples.size(); i++) {
            List<String> found = found(sections, examples.get(i));
            assertThat(found).as("%s finds %s", examples.get(i), found).isNotEmpty();
            assertThat(found.getFirst()).as("%s finds %s", examples.get(i), found).isIn(SENSIBLE.get(i));
        }
    }

    @Test
    void inGerman_englishWordsStillFind_andTheCategoryAndReasonInGermanToo() {
        HubSections sections = hubIn(Locale.GERMAN);
        Function<String, List<String>> typed = words -> found(sections, words);

        assertThat(typed.apply("invoices")).contains("quickbooks", "xero");
        assertThat(typed.apply("Kundenservice").subList(0, 5)).contains("zendesk-support");
        // Zendesk Support's German summary lists no Bestellungen; why an online store is recommended it does.
        assertThat(typed.apply("Bestellungen")).contains("shopify", "zendesk-support");
        assertThat(typed.apply("Eingangsrechnungen").getFirst()).isEqualTo("quickbooks");
        assertThat(typed.apply("xyzzyq")).isEmpty();
    }

    @Test
    void inFrench_aWordIsFoundWithoutItsAccentsOrCapitals() {
        HubSections sections = hubIn(Locale.FRENCH);

        assertThat(found(sections, "COMPTABILITE").subList(0, 3)).contains("quickbooks", "xero");
        assertThat(found(sections, "opérations bancaires")).first().isEqualTo("xero");
    }
}
