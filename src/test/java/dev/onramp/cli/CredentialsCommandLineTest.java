package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp connect} for providers that take typed credentials, in-process against the built-in simulator. */
class CredentialsCommandLineTest {
    private static final String KEY = "sk_test_onramp_cli_51HqLyjWDarjtT1zdp7dc";

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> prompts = new ArrayList<>();

    private int run(Map<String, String> environment, Optional<String> typed, String... args) {
        CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                AppContext::start, options -> {
                    throw new AssertionError("no window in this test");
                }, url -> {
                    throw new AssertionError("a credentials flow never opens the browser");
                },
                name -> Optional.ofNullable(environment.get(name)),
                prompt -> {
                    prompts.add(prompt);
                    return typed;
                });
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        return OnrampCommand.run(env, all.toArray(String[]::new));
    }

    @Test
    void stripeWithTheKeyInAnEnvironmentVariable_connectsAndListsTheStreams() {
        int exit = run(Map.of("STRIPE_KEY", KEY), Optional.empty(),
                "connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret=STRIPE_KEY");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("Connected Stripe: source [0-9a-f-]{36}, \\d+ streams")
                .contains("Creating the source in Airbyte…", "  charges");
        assertThat(out.toString() + err).doesNotContain(KEY);
        assertThat(prompts).isEmpty();
    }

    @Test
    void stripeWithTheKeyTypedAtThePrompt_connects() {
        int exit = run(Map.of(), Optional.of(KEY), "connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(prompts).containsExactly("Secret Key");
        assertThat(out.toString()).doesNotContain(KEY);
    }

    @Test
    void connectionsAfterwards_showTheAccount() {
        run(Map.of("STRIPE_KEY", KEY), Optional.empty(),
                "connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret=STRIPE_KEY");
        out.getBuffer().setLength(0);

        int exit = run(Map.of(), Optional.empty(), "connections", "--json");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("\"provider\" : \"stripe\"", "\"account\" : \"acct_1\"").doesNotContain(KEY);
    }

    @Test
    void missingFields_areRefusedWithTheFormsSentencesAndTheOptionsToGiveThem() {
        int exit = run(Map.of(), Optional.empty(), "connect", "stripe");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString().strip()).isEqualTo("onramp: Account ID is required (--set account_id=…)."
                + " Secret Key is required (--secret client_secret).");
    }

    @Test
    void aSecretOnTheCommandLine_isRefused() {
        int exit = run(Map.of(), Optional.empty(), "connect", "stripe", "--set", "account_id=acct_1",
                "--set", "client_secret=" + KEY);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).contains("Secret Key is a secret: give it with --secret client_secret")
                .doesNotContain(KEY);
    }

    @Test
    void anEnvironmentVariableThatIsNotSet_isNamed() {
        int exit = run(Map.of(), Optional.empty(), "connect", "stripe", "--set", "account_id=acct_1",
                "--secret", "client_secret=STRIPE_KEY");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).contains("The environment variable STRIPE_KEY is not set");
    }

    @Test
    void withoutATerminal_theSecretPromptSaysHowElseToGiveIt() {
        int exit = run(Map.of(), Optional.empty(), "connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).contains("there is no terminal here", "--secret client_secret=VARIABLE_NAME");
    }

    @Test
    void anUnknownField_isRefusedListingTheFields() {
        int exit = run(Map.of(), Optional.empty(), "connect", "stripe", "--set", "acount=acct_1");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).contains("Stripe has no field called \"acount\". Its fields: account_id, client_secret");
    }

    @Test
    void aKeyStripeRefuses_failsSayingWhatToCheck() {
        int exit = run(Map.of("STRIPE_KEY", "nope"), Optional.empty(),
                "connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret=STRIPE_KEY");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).startsWith("onramp: Airbyte could not sign in to Stripe with that key: check the Secret Key.");
    }

    @Test
    void shopifyWithAnApiPassword_connectsWithoutAConsentLink() {
        int exit = run(Map.of("SHOPIFY_PASSWORD", "shppa_0123456789abcdef"), Optional.empty(),
                "connect", "shopify", "--set", "shop=corner-store", "--secret", "api_password=SHOPIFY_PASSWORD");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Connected Shopify").doesNotContain("http://127.0.0.1");
    }

    @Test
    void aProviderThatOnlySignsIn_refusesCredentials() {
        int exit = run(Map.of(), Optional.empty(), "connect", "google-ads", "--set", "customer_id=123");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).contains("Google Ads connects only by signing in");
    }
}
