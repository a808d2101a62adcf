package dev.onramp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.model.Provider;
import java.util.LinkedHashMap;
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
                    links.put(provider.id(), AlternativeWords.link(titles));
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
        assertThat(AlternativeWords.link(List.of("Client Credentials Authentication")))
                .isEqualTo("Use client credentials instead");
        assertThat(AlternativeWords.link(List.of("JWT Auth"))).isEqualTo("Use JWT instead");
        assertThat(AlternativeWords.link(List.of("Authentication"))).isEqualTo("Use other credentials instead");
        assertThat(AlternativeWords.link(List.of())).isEmpty();
    }
}
