package dev.onramp.connect.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.catalog.SpecWords;
import dev.onramp.model.Provider;
import dev.onramp.text.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The featured connectors' forms in German: their titles and help in German, their options under the
 * specification's own titles, so that the same values send the same configuration as in English.
 */
class FormWordsTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ConnectorSpecs SPECS = ConnectorSpecs.bundled(CATALOG);

    /** Every featured connector in each language its forms are translated into. */
    static Stream<Arguments> featured() {
        return Stream.of(Locale.GERMAN, Locale.FRENCH).flatMap(language -> CATALOG.featured().stream()
                .map(provider -> Arguments.of(provider.id(), language)));
    }

    /** The provider's three forms (all of it, the typed credentials beside a sign-in, the consent inputs) in a language. */
    private static Map<String, ConnectorForm> forms(String providerId, Locale language) {
        Provider provider = CATALOG.provider(providerId).orElseThrow();
        ObjectNode spec = SPECS.specification(providerId).orElseThrow();
        SpecWords words = SPECS.words(providerId, language);
        Map<String, ConnectorForm> forms = new LinkedHashMap<>();
        forms.put("whole", SpecForms.read(spec, words));
        provider.oauth().ifPresent(oauth -> {
            forms.put("withoutOAuth", SpecForms.withoutOAuth(spec, oauth, words));
            forms.put("consentInputs", SpecForms.consentInputs(spec, oauth, words));
        });
        return forms;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("featured")
    void aFeaturedConnectorsFormInGermanOrFrench_hasTheEnglishFormsElementsAndOptions_andSendsTheSameForEveryOption(
            String providerId, Locale language) {
        Map<String, ConnectorForm> english = forms(providerId, Locale.ENGLISH);
        Map<String, ConnectorForm> translated = forms(providerId, language);
        List<String> translatedTitles = new ArrayList<>();

        english.forEach((which, inEnglish) -> {
            ConnectorForm inLanguage = translated.get(which);
            assertThat(shape(inLanguage)).as("%s %s", providerId, which).isEqualTo(shape(inEnglish));
            for (FormValues values : everyOption(inEnglish)) {
                assertThat(inLanguage.problems(values)).as("%s %s %s", providerId, which, values.byPath()).isEmpty();
                assertThat(inLanguage.configuration(values)).isEqualTo(inEnglish.configuration(values));
                assertThat(inLanguage.valuesOf(inLanguage.configuration(values)))
                        .isEqualTo(inEnglish.valuesOf(inEnglish.configuration(values)));
            }
            for (int i = 0; i < inEnglish.allElements().size(); i++) {
                if (!inEnglish.allElements().get(i).title().equals(inLanguage.allElements().get(i).title())) {
                    translatedTitles.add(inLanguage.allElements().get(i).title());
                }
            }
        });
        assertThat(translatedTitles).as("the %s titles of %s", language, providerId).isNotEmpty();
    }

    @Test
    void aChoicesOptions_showTheirGermanLabels_underTheSpecificationsTitles_andAreFoundByEither() {
        Provider zendesk = CATALOG.provider("zendesk-support").orElseThrow();
        ConnectorForm form = SpecForms.withoutOAuth(SPECS.specification(zendesk.id()).orElseThrow(),
                zendesk.oauth().orElseThrow(), SPECS.words(zendesk.id(), Locale.GERMAN));
        FormChoice credentials = (FormChoice) form.element("credentials").orElseThrow();

        assertThat(credentials.title()).isEqualTo("Anmeldung");
        assertThat(credentials.options()).extracting(FormOption::title).containsExactly("API Token", "OAuth2.0 (Legacy)");
        assertThat(credentials.options()).extracting(FormOption::label).containsExactly("API-Token", "OAuth2.0 (veraltet)");
        assertThat(credentials.option("OAuth2.0 (veraltet)")).containsSame(credentials.options().get(1));
        assertThat(credentials.option("OAuth2.0 (Legacy)")).containsSame(credentials.options().get(1));

        FormValues legacy = form.defaults().with("subdomain", "demo-outfitters").with("credentials", "OAuth2.0 (veraltet)")
                .with("credentials.access_token", "demo-secret-0123456789");
        assertThat(form.configuration(legacy).path("credentials").path("credentials").asText()).isEqualTo("oauth2.0");
        assertThat(form.valuesOf(form.configuration(legacy)).text("credentials")).isEqualTo("OAuth2.0 (Legacy)");
    }

    @Test
    void aRefusal_quotesTheFieldsTitleInTheFormsLanguage_andTheHelpGivesItsExamplesInIt() {
        ConnectorForm form = SpecForms.read(SPECS.specification("stripe").orElseThrow(),
                SPECS.words("stripe", Locale.GERMAN));
        Messages german = Messages.of(Locale.GERMAN);

        assertThat(form.problems(FormValues.empty()).stream().map(problem -> german.render(problem.text())))
                .containsExactly("Konto-ID ist erforderlich.", "Geheimer Schlüssel ist erforderlich.");
        assertThat(form.element("start_date").orElseThrow().help()).isEqualTo("Datum und Uhrzeit in UTC im Format"
                + " 2017-01-25T00:00:00Z. Nur Daten, die nach diesem Datum entstanden sind, werden repliziert."
                + " Zum Beispiel: 2017-01-25T00:00:00Z.");
        assertThat(form.element("account_id").orElseThrow().help()).isEqualTo("Ihre Stripe-Konto-ID (beginnt mit"
                + " 'acct_'; Sie finden sie hier (https://dashboard.stripe.com/settings/account)).");
    }

    @Test
    void aFormInEnglish_orOfAConnectorWithoutWords_saysWhatItsSpecificationSays() {
        ObjectNode stripe = SPECS.specification("stripe").orElseThrow();
        assertThat(SpecForms.read(stripe, SPECS.words("stripe", Locale.ENGLISH)).element("client_secret").orElseThrow()
                .title()).isEqualTo("Secret Key");
        assertThat(SpecForms.read(stripe).element("start_date").orElseThrow().help()).endsWith("For example: 2017-01-25T00:00:00Z.");

        Provider registryOnly = CATALOG.providers().stream().filter(provider -> !provider.featured()).findFirst()
                .orElseThrow();
        ObjectNode spec = SPECS.specification(registryOnly.id()).orElseThrow();
        assertThat(titles(SpecForms.read(spec, SPECS.words(registryOnly.id(), Locale.GERMAN))))
                .isEqualTo(titles(SpecForms.read(spec)));
    }

    /** Each element's path, kind of element and, for a choice, its options' titles and constants. */
    private static List<String> shape(ConnectorForm form) {
        return form.allElements().stream().map(element -> switch (element) {
            case FormField field -> field.path() + " " + field.kind() + " " + field.required() + " " + field.allowedTexts()
                    + " " + field.defaultValue() + " " + field.example();
            case FormChoice choice -> choice.path() + " " + choice.options().stream()
                    .map(option -> option.title() + option.constants()).toList();
        }).toList();
    }

    private static List<String> titles(ConnectorForm form) {
        return form.allElements().stream().map(FormElement::title).toList();
    }

    /** The form's sample values with each option of each choice chosen in turn (the first of the others). */
    private static List<FormValues> everyOption(ConnectorForm form) {
        List<FormValues> all = new ArrayList<>();
        all.add(SampleValues.of(form));
        for (FormElement element : form.allElements()) {
            if (element instanceof FormChoice choice) {
                for (FormOption option : choice.options()) {
                    all.add(filled(form, form.defaults().with(choice.path(), option.title())));
                }
            }
        }
        return all;
    }

    /** {@code start} with every required active field still empty filled with a sample value. */
    private static FormValues filled(ConnectorForm form, FormValues start) {
        FormValues values = start;
        for (int round = 0; round < 4; round++) {
            Map<String, String> more = new LinkedHashMap<>();
            FormValues now = values;
            form.activeFields(values).stream().filter(field -> field.required() && now.text(field.path()).isBlank())
                    .forEach(field -> more.put(field.path(), SampleValues.sample(field)));
            if (more.isEmpty()) {
                break;
            }
            values = values.withAll(new FormValues(more));
        }
        return values;
    }
}
