package dev.onramp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Catalog;
import dev.onramp.model.Provider;
import dev.onramp.model.RedirectSettings;
import dev.onramp.text.Messages;
import java.util.Locale;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The set-up steps for a missing OAuth app name the provider's console, every URI to register and Airbyte's call. */
class OAuthAppStepsTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final URI AIRBYTE = URI.create("http://airbyte.internal:8000/api");

    @Test
    void theDefaultRange_listsEachOfItsThreeUrisToRegister() {
        String steps = Messages.english().render(OAuthAppSteps.describe(provider("google-analytics"), RedirectSettings.DEFAULT,
                AIRBYTE));

        assertThat(steps).contains("at the Google Cloud console (https://console.cloud.google.com/apis/credentials)",
                "whose redirect URIs are http://127.0.0.1:47151/oauth-success, http://127.0.0.1:47152/oauth-success"
                        + " and http://127.0.0.1:47153/oauth-success",
                "POST http://airbyte.internal:8000/api/v1/source_oauths/oauth_params/create",
                "\"sourceDefinitionId\": \"3cc2eafd-84aa-4dca-93af-322d9dfeec1a\"");
    }

    @Test
    void inGerman_theStepsAndTheUrisAreSaidInGerman() {
        String steps = Messages.of(Locale.GERMAN).render(OAuthAppSteps.describe(provider("google-analytics"),
                RedirectSettings.DEFAULT, AIRBYTE));

        assertThat(steps).startsWith("So richten Sie eine ein: 1. Registrieren Sie bei")
                .contains("mit den Redirect-URIs http://127.0.0.1:47151/oauth-success, http://127.0.0.1:47152/oauth-success"
                        + " und http://127.0.0.1:47153/oauth-success",
                        "POST http://airbyte.internal:8000/api/v1/source_oauths/oauth_params/create mit {");
    }

    @Test
    void aProviderWithItsOwnParamNames_isToldThoseNames() {
        String steps = Messages.english().render(OAuthAppSteps.describe(provider("tiktok-marketing"), RedirectSettings.DEFAULT,
                AIRBYTE));

        assertThat(steps).contains("enter its app_id and secret in Airbyte", "{\"app_id\": \"…\", \"secret\": \"…\"}");
    }

    @Test
    void everyFeaturedOAuthProvider_namesWhereItsAppIsRegistered() {
        assertThat(CATALOG.featured().stream().filter(Provider::connectsByOAuth))
                .allSatisfy(p -> assertThat(p.oauth().orElseThrow().appConsole()).as(p.id()).isNotBlank());
    }

    private static Provider provider(String id) {
        return CATALOG.provider(id).orElseThrow();
    }
}
