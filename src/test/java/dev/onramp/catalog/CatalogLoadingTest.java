package dev.onramp.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A broken catalog file fails at loading with a message that names the problem. */
class CatalogLoadingTest {
    private static final String SHOP = """
            {"id": "shop", "name": "Shop", "category": "Commerce",
             "definitionId": "9da77001-af33-4bcd-be46-6252bf9342b9", "sourceType": "shopify",
             "authMode": "OAUTH", "summary": "Orders",
             "oauth": {"predicateKey": [], "outputPaths": {"access_token": ["access_token"]}}}""";

    @Test
    void missingResource_failsNamingTheFile() {
        assertThatThrownBy(() -> Catalog.load(null, "dev/onramp/catalog/catalog.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dev/onramp/catalog/catalog.json is missing");
    }

    @Test
    void invalidJson_failsAsBroken() {
        assertThatThrownBy(() -> load("{\"providers\": ["))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test-catalog.json is broken: it is not valid catalog JSON");
    }

    @Test
    void recommendationOfAnUnknownProvider_failsNamingIt() {
        assertThatThrownBy(() -> load(catalog(SHOP, recommending("ghost"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("business type online-store recommends ghost, which is not in the catalog");
    }

    @Test
    void oauthProviderWithoutFacts_fails() {
        String noFacts = SHOP.substring(0, SHOP.indexOf(",\n \"oauth\"")) + "}";

        assertThatThrownBy(() -> load(catalog(noFacts, recommending("shop"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("provider shop must have oauth facts exactly when its authMode is OAUTH");
    }

    @Test
    void definitionIdThatIsNotAUuid_fails() {
        String badId = SHOP.replace("9da77001-af33-4bcd-be46-6252bf9342b9", "shopify-source");

        assertThatThrownBy(() -> load(catalog(badId, recommending("shop"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a UUID");
    }

    @Test
    void repeatedProviderId_fails() {
        assertThatThrownBy(() -> load(catalog(SHOP + ",\n" + SHOP, recommending("shop"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("provider id shop appears twice");
    }

    @Test
    void unknownField_failsAsBroken() {
        assertThatThrownBy(() -> load(catalog(SHOP.replace("\"summary\"", "\"sumary\""), recommending("shop"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid catalog JSON");
    }

    private static String recommending(String provider) {
        return """
                {"id": "online-store", "name": "Online store", "description": "Sells online.",
                 "recommendations": [{"provider": "%s", "reason": "Your orders"}]}""".formatted(provider);
    }

    private static String catalog(String providers, String businessTypes) {
        return "{\"providers\": [" + providers + "], \"businessTypes\": [" + businessTypes + "]}";
    }

    private static Catalog load(String json) {
        InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        return Catalog.load(in, "test-catalog.json");
    }
}
