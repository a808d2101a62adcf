package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.testing.CommandLineRunner;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp connect} for providers that take typed credentials, in-process against the built-in simulator. */
class CredentialsCommandLineTest {
    private static final String KEY = "sk_test_onramp_cli_51HqLyjWDarjtT1zdp7dc";

    @TempDir
    Path dataDir;

    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CommandLineRunner(AppContext::start, url -> {
            throw new AssertionError("a credentials flow never opens the browser");
        }, "--data-dir", dataDir.toString());
    }

    @Test
    void stripeWithTheKeyInAnEnvironmentVariable_connectsAndListsTheStreams() {
        int exit = cli.run(Map.of("STRIPE_KEY", KEY),
                "connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret=STRIPE_KEY");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("Connected Stripe: source [0-9a-f-]{36}, \\d+ streams")
                .contains("Creating the source in Airbyte…", "  charges");
        assertThat(cli.out() + cli.err()).doesNotContain(KEY);
        assertThat(cli.prompts()).isEmpty();
    }

    @Test
    void stripeWithTheKeyTypedAtThePrompt_connects() {
        cli.typing(KEY);
        int exit = cli.run(Map.of(), "connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.prompts()).containsExactly("Secret Key");
        assertThat(cli.out()).doesNotContain(KEY);
    }

    @Test
    void connectionsAfterwards_showTheAccount() {
        cli.run(Map.of("STRIPE_KEY", KEY),
                "connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret=STRIPE_KEY");
        cli.clearOut();

        int exit = cli.run(Map.of(), "connections", "--json");

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("\"provider\" : \"stripe\"", "\"account\" : \"acct_1\"").doesNotContain(KEY);
    }

    @Test
    void missingFields_areRefusedWithTheFormsSentencesAndTheOptionsToGiveThem() {
        int exit = cli.run(Map.of(), "connect", "stripe");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        // The simulator's specification gives the account id an example, which the sentence shows.
        assertThat(cli.err().strip()).isEqualTo("onramp: Account ID is required (--set account_id=acct_1DemoOutfitters)."
                + " Secret Key is required (--secret client_secret).");
    }

    @Test
    void aSecretOnTheCommandLine_isRefused() {
        int exit = cli.run(Map.of(), "connect", "stripe", "--set", "account_id=acct_1",
                "--set", "client_secret=" + KEY);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("Secret Key is a secret: give it with --secret client_secret")
                .doesNotContain(KEY);
    }

    @Test
    void anEnvironmentVariableThatIsNotSet_isNamed() {
        int exit = cli.run(Map.of(), "connect", "stripe", "--set", "account_id=acct_1",
                "--secret", "client_secret=STRIPE_KEY");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("The environment variable STRIPE_KEY is not set");
    }

    @Test
    void withoutATerminal_theSecretPromptSaysHowElseToGiveIt() {
        int exit = cli.run(Map.of(), "connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("there is no terminal here", "--secret client_secret=VARIABLE_NAME");
    }

    @Test
    void anUnknownField_isRefusedListingTheFields() {
        int exit = cli.run(Map.of(), "connect", "stripe", "--set", "acount=acct_1");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("Stripe has no field called \"acount\". Its fields: account_id, client_secret");
    }

    @Test
    void aKeyStripeRefuses_failsSayingWhatToCheck() {
        int exit = cli.run(Map.of("STRIPE_KEY", "nope"),
                "connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret=STRIPE_KEY");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).startsWith("onramp: Airbyte could not sign in to Stripe with that key: check the Secret Key.");
    }

    @Test
    void shopifyWithAnApiPassword_connectsWithoutAConsentLink() {
        int exit = cli.run(Map.of("SHOPIFY_PASSWORD", "shppa_0123456789abcdef"),
                "connect", "shopify", "--set", "shop=corner-store", "--secret", "api_password=SHOPIFY_PASSWORD");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Connected Shopify").doesNotContain("http://127.0.0.1");
    }

    @Test
    void aProviderThatOnlySignsIn_refusesCredentials() {
        int exit = cli.run(Map.of(), "connect", "google-ads", "--set", "customer_id=123");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("Google Ads connects only by signing in");
    }
}
