package dev.onramp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bundled connector specification's words in another language: used where the specification a form shows
 * says what the bundled one says, the specification's English otherwise.
 */
class SpecWordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Catalog catalog = Catalog.bundled();
    private final ConnectorSpecs specs = ConnectorSpecs.bundled(catalog);

    private static JsonNode bundled() throws Exception {
        return JSON.readTree("""
                {"title": "Demo Spec", "type": "object",
                 "properties": {
                   "shop": {"type": "string", "title": "Shop Name",
                            "description": "The name of your shop found in the <a href=\\"https://example.com/url\\">URL</a>. For example, if your URL was https://NAME.example.com, the name is NAME.",
                            "examples": [{"title": "an example is data, not words"}]},
                   "credentials": {"oneOf": [{"title": "API Password", "properties": {}}]}}}""");
    }

    private static SpecWords german() throws Exception {
        return SpecWords.of(Locale.GERMAN, bundled(), Map.of(
                "title", "Demo-Spezifikation",
                "properties.shop.title", "Name des Shops",
                "properties.shop.description", "Der Name Ihres Shops, wie er in der <a href=\"https://example.com/url\">URL</a> steht.",
                "properties.credentials.oneOf.0.title", "API-Passwort"));
    }

    @Test
    void theKeys_areThePathsFromTheSpecificationDownToEachSchema_notThroughItsValues() throws Exception {
        assertThat(SpecWords.texts(bundled())).containsOnlyKeys("title", "properties.shop.title",
                "properties.shop.description", "properties.credentials.oneOf.0.title");
    }

    @Test
    void aTextAsTheBundledSpecificationSaysIt_isTranslated() throws Exception {
        SpecWords words = german();

        assertThat(words.say("properties.shop.title", "Shop Name")).isEqualTo("Name des Shops");
        assertThat(words.say("properties.credentials.oneOf.0.title", "API Password")).isEqualTo("API-Passwort");
        assertThat(words.language()).isEqualTo(Locale.GERMAN);
    }

    @Test
    void aTextAnAirbyteShortened_isTranslated_andTheSentencesItAdded_stayAsTheyAre() throws Exception {
        // The built-in simulator serves a trimmed specification, its links as plain words, and says what it takes.
        String shown = "The name of your shop found in the URL. Demo: the simulator takes any value.";

        assertThat(german().say("properties.shop.description", shown)).isEqualTo(
                "Der Name Ihres Shops, wie er in der <a href=\"https://example.com/url\">URL</a> steht."
                        + " Demo: the simulator takes any value.");
    }

    @Test
    void aTextThatSaysSomethingElse_orHasNoTranslation_staysInTheSpecificationsEnglish() throws Exception {
        SpecWords words = german();

        assertThat(words.say("properties.shop.title", "Store")).isEqualTo("Store");
        assertThat(words.say("properties.shop.description", "Where your shop lives. Demo: any value."))
                .isEqualTo("Where your shop lives. Demo: any value.");
        assertThat(words.say("properties.other.title", "Other")).isEqualTo("Other");
        assertThat(SpecWords.english().say("properties.shop.title", "Shop Name")).isEqualTo("Shop Name");
    }

    @Test
    void aLanguageWithoutAWordsFile_keepsTheSpecificationsEnglish() throws Exception {
        SpecWords italian = SpecWords.of(Locale.ITALIAN, "stripe", bundled());

        assertThat(italian.isEnglish()).isTrue();
        assertThat(italian.say("properties.shop.title", "Shop Name")).isEqualTo("Shop Name");
    }

    @Test
    void theCatalogsWords_areTheFeaturedProvidersInAShippedLanguage_andEnglishForEveryOtherConnector() {
        assertThat(specs.words("stripe", Locale.GERMANY).isEnglish()).isFalse();
        assertThat(specs.words("stripe", Locale.GERMAN).say("properties.client_secret.title", "Secret Key"))
                .isEqualTo("Geheimer Schlüssel");
        assertThat(specs.words("stripe", Locale.ENGLISH).isEnglish()).isTrue();
        assertThat(specs.words("stripe", Locale.JAPANESE).isEnglish()).isTrue();
        String registryOnly = catalog.providers().stream().filter(provider -> !provider.featured()).findFirst()
                .orElseThrow().id();
        assertThat(specs.words(registryOnly, Locale.GERMAN).isEnglish()).isTrue();
        assertThat(specs.words("no-such-provider", Locale.GERMAN).isEnglish()).isTrue();
    }
}
