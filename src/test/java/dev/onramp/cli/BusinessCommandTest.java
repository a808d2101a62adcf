package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.CommandLineRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp business} in-process: each subcommand, its sentences and exit codes, against one simulator over HTTP. */
class BusinessCommandTest {
    private static final String KEY = "sk_test_onramp_business_51HqLyjWDarjtT1zdp7dc";
    private static final Pattern SOURCE = Pattern.compile("Connected Stripe: source ([0-9a-f-]{36})");

    @TempDir
    Path dataDir;

    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CommandLineRunner(options -> AppContext.start(new AppOptions(options.dataDir(), options.airbyteUrl(),
                options.browser(), Duration.ZERO, options.consentTimeout())), url -> false,
                "--data-dir", dataDir.toString(), "--airbyte-url", simulator.apiBaseUrl().toString());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private int run(String... args) {
        cli.clearOut();
        cli.clearErr();
        return cli.run(Map.of("STRIPE_KEY", KEY), args);
    }

    private String connectStripe(String business) {
        assertThat(run("connect", "stripe", "--tenant", business, "--set", "account_id=acct_1", "--secret",
                "client_secret=STRIPE_KEY")).as(cli.err()).isZero();
        Matcher source = SOURCE.matcher(cli.out());
        assertThat(source.find()).as(cli.out()).isTrue();
        return source.group(1);
    }

    @Test
    void createRenameAndRetype_changeTheBusiness_andTheListShowsIt() {
        assertThat(run("business", "create", "Acme Outdoor", "--type", "online-store")).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("Created Acme Outdoor, an online store." + System.lineSeparator());

        assertThat(run("business", "rename", "acme outdoor", "Acme Outdoor Gear")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Renamed Acme Outdoor to Acme Outdoor Gear.");
        assertThat(run("business", "retype", "Acme Outdoor Gear", "saas")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Acme Outdoor Gear is now a ").contains("; recommended: ");

        assertThat(run("business", "list")).isZero();
        assertThat(cli.out()).contains("Acme Outdoor Gear  (").doesNotContain("Acme Outdoor  (");
    }

    @Test
    void withLocaleDeOrFr_theBusinessTypesAreNamedAndDescribedInThatLanguage() {
        assertThat(run("--locale", "de", "business", "create", "Acme Outdoor", "--type", "online-store"))
                .as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("Acme Outdoor angelegt, Art: Onlineshop." + System.lineSeparator());
        assertThat(run("--locale", "de", "business", "list")).isZero();
        assertThat(cli.out()).contains("Acme Outdoor  (Onlineshop)");
        assertThat(run("--locale", "de", "business", "types")).isZero();
        assertThat(cli.out()).contains("online-store  Onlineshop — Verkauft Produkte online über einen Webshop oder"
                + " Marktplätze.").contains("retail  Laden oder Restaurant — ").doesNotContain("Online store");

        assertThat(run("--locale", "fr", "business", "retype", "Acme Outdoor", "saas")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Acme Outdoor est maintenant de type éditeur de logiciels ; recommandés : Stripe");
        assertThat(run("business", "list")).isZero();
        assertThat(cli.out()).as("English without --locale, as before").contains("Acme Outdoor  (Software company)");
    }

    @Test
    void aTakenNameInAnyCase_aBlankName_andAnUnknownType_areRefusedWithExitOne() {
        assertThat(run("business", "create", "Acme Outdoor", "--type", "online-store")).isZero();
        assertThat(run("business", "create", "Bolt Bikes", "--type", "online-store")).isZero();

        assertThat(run("business", "rename", "Acme Outdoor", "BOLT BIKES")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("onramp: Another business is already called Bolt Bikes (names ignore letter"
                + " case): pick a name no other business has." + System.lineSeparator());
        assertThat(run("business", "rename", "Acme Outdoor", " ")).isEqualTo(1);
        assertThat(cli.err()).contains("Give the business a name.");
        assertThat(run("business", "retype", "Acme Outdoor", "spaceport")).isEqualTo(1);
        assertThat(cli.err()).contains("Onramp knows no business type \"spaceport\"; the types are ", "online-store");
        assertThat(run("business", "list")).isZero();
        assertThat(cli.out()).contains("Acme Outdoor  (Online store)");
    }

    @Test
    void deleteWithoutATerminalOrYes_deletesNothing_andWithYesDisconnectsItsSources() throws Exception {
        assertThat(run("business", "create", "Acme Outdoor", "--type", "online-store")).isZero();
        assertThat(run("business", "create", "Bolt Bikes", "--type", "online-store")).isZero();
        String source = connectStripe("Acme Outdoor");

        assertThat(run("business", "delete", "Acme Outdoor")).isEqualTo(1);
        assertThat(cli.err()).contains("Nothing was deleted, as there is no terminal to confirm on; run again with"
                + " --yes to delete it.");
        assertThat(simulator.sourceIds()).contains(source);

        assertThat(run("business", "delete", "Acme Outdoor", "--yes")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Disconnecting Stripe (acct_1)…", "Acme Outdoor was deleted. Its connection was"
                + " disconnected and its source deleted in Airbyte.");
        assertThat(simulator.sourceIds()).doesNotContain(source);
        assertThat(run("connections", "--json")).isZero();
        JsonNode listed = new ObjectMapper().readTree(cli.out());
        assertThat(listed).isEmpty();
    }

    @Test
    void deleteKeepingTheSources_leavesThemInAirbyte_andTheOnlyBusinessIsNotDeleted() {
        assertThat(run("business", "create", "Acme Outdoor", "--type", "online-store")).isZero();
        assertThat(run("business", "create", "Bolt Bikes", "--type", "online-store")).isZero();
        String source = connectStripe("Bolt Bikes");

        assertThat(run("business", "delete", "Bolt Bikes", "--keep-sources", "--yes")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Bolt Bikes was deleted. Its source stays in Airbyte: Stripe (acct_1).");
        assertThat(simulator.sourceIds()).contains(source);

        assertThat(run("business", "delete", "Acme Outdoor", "--yes")).isEqualTo(1);
        assertThat(cli.err()).contains("Acme Outdoor is the only business in Onramp");
    }
}
