package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.testing.CommandLineRunner;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onramp oauth-check} in demo mode: every OAuth connector's sign-in ready but Shopify's, which
 * Airbyte runs only through its own Shopify app; as lines or as JSON.
 */
class OAuthCheckCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void demoMode_saysEverySignInButShopifysIsReady_andExitsZeroSinceShopifysNeedsNothingSetUp() {
        CommandLineRunner cli = new CommandLineRunner("--data-dir", dataDir.toString());

        int exit = cli.run(Map.of(), "oauth-check");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).startsWith("Sign-ins through Demo: the built-in Airbyte simulator for Demo Coffee Roasters:")
                .containsPattern("HubSpot +ready +Airbyte hands out its consent link\\.")
                .containsPattern("Shopify +not offered +Airbyte signs Shopify in only through its own Shopify app"
                        + " \\(cloud\\.airbyte\\.com\\)")
                .contains("Zendesk Support", "Amazon Seller Partner");
        assertThat(cli.out()).doesNotContain("no OAuth app", "OAuth switched off", "check failed");
        assertThat(cli.out().lines().filter(line -> line.contains(" ready "))).hasSize(13);
    }

    @Test
    void json_listsEachConnectorWithItsStateAndTheRedirectItsLinkCarries() throws Exception {
        CommandLineRunner cli = new CommandLineRunner("--data-dir", dataDir.toString());

        int exit = cli.run(Map.of(), "oauth-check", "--json");

        assertThat(exit).as(cli.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(report.path("tenant").asText()).isEqualTo("Demo Coffee Roasters");
        assertThat(report.path("connectors")).hasSize(14);
        assertThat(report.path("connectors")).filteredOn(entry -> !entry.path("provider").asText().equals("shopify"))
                .hasSize(13).allSatisfy(entry -> {
                    assertThat(entry.path("state").asText()).isEqualTo("READY");
                    // A business that chose nothing uses the default redirect: its first port is the one asked for.
                    assertThat(entry.path("redirectUri").asText()).isEqualTo("http://127.0.0.1:47151/oauth-success");
                });
        // Shopify's link leads to Airbyte's own app: no redirect of Onramp's to report.
        assertThat(report.path("connectors")).filteredOn(entry -> entry.path("provider").asText().equals("shopify"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.path("state").asText()).isEqualTo("NOT_OFFERED");
                    assertThat(entry.path("detail").asText()).contains("only through its own Shopify app");
                    assertThat(entry.has("redirectUri")).isFalse();
                });
    }

    @Test
    void unknownBusiness_isRefusedInOneLine() {
        CommandLineRunner cli = new CommandLineRunner("--data-dir", dataDir.toString());

        int exit = cli.run(Map.of(), "oauth-check", "--tenant", "Nobody");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err().strip()).startsWith("onramp: No business named \"Nobody\".");
    }
}
