package dev.onramp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.model.Provider;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words a tile offers typed credentials in, for every featured provider of the bundled catalog. */
class AlternativeWordsTest {
    private static final Catalog CATALOG = Catalog.bundled();

    @Test
    void everyFeaturedProvidersAlternative_readsAsPlainWords() {
        Map<String, String> links = new LinkedHashMap<>();
        ConnectorSpecs specs = ConnectorSpecs.bundled(CATALOG);
        for (Provider provider : CATALOG.featured()) {
            if (provider.connectsByOAuth()) {
                List<String> titles = specs.specification(provider.id())
                        .map(spec -> SpecForms.alternativesToOAuth(spec, provider.oauth().orElseThrow()))
                        .orElse(List.of());
                if (!titles.isEmpty()) {
                    links.put(provider.id(), english(titles));
                }
            }
        }

        assertThat(links).containsEntry("shopify", "Use an API password instead")
                .containsEntry("hubspot", "Use a private-app token instead")
                .containsEntry("google-analytics", "Sign in with a service-account key instead")
                .containsEntry("mailchimp", "Use an API key instead")
                .containsEntry("zendesk-support", "Use an API token or the older sign-in instead")
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(links.values()).allSatisfy(link -> assertThat(link)
                .matches("(Use|Sign in with) (a|an|the) [^A-Z]*(API|OAuth)?[^A-Z]* instead")
                .doesNotContainIgnoringCase("authentication").doesNotContain("Connect with"));
    }

    @Test
    void anUnknownTitle_isSaidInLowerCaseWithoutAuthentication() {
        assertThat(english(List.of("Client Credentials Authentication")))
                .isEqualTo("Use client credentials instead");
        assertThat(english(List.of("JWT Auth"))).isEqualTo("Use JWT instead");
        assertThat(english(List.of("Authentication"))).isEqualTo("Use other credentials instead");
        assertThat(AlternativeWords.link(List.of())).isEmpty();
    }

    @Test
    void theLinkReadsInGermanAndFrench() {
        Text link = AlternativeWords.link(List.of("API Token", "OAuth2.0 (legacy)")).orElseThrow();
        assertThat(Messages.of(Locale.GERMAN).render(link))
                .isEqualTo("Stattdessen ein API-Token oder die ältere Anmeldung verwenden");
        assertThat(Messages.of(Locale.FRENCH).render(link))
                .isEqualTo("Utiliser un jeton d’API ou l’ancienne connexion à la place");
        assertThat(Messages.of(Locale.GERMAN).render(AlternativeWords.link(List.of("Service Account Key")).orElseThrow()))
                .isEqualTo("Stattdessen mit einem Dienstkonto-Schlüssel anmelden");
    }

    private static String english(List<String> titles) {
        return AlternativeWords.link(titles).map(Messages.english()::render).orElse("");
    }
}
