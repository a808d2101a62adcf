package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.model.Tenant;
import dev.onramp.testing.CommandLineRunner;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp audit verify|export} and {@code onramp keys rotate} in-process, on a real data folder. */
class AuditAndKeysCommandTest {
    @TempDir
    Path dataDir;

    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        // The simulator without its demo latency: these tests are about the store, not the flow.
        cli = new CommandLineRunner(options -> AppContext.start(new AppOptions(options.dataDir(), options.airbyteUrl(),
                options.browser(), Duration.ZERO, options.consentTimeout())), new ScriptedBrowser(Decision.ALLOW),
                "--data-dir", dataDir.toString());
    }

    private int run(String... args) {
        cli.clearOut();
        cli.clearErr();
        return cli.run(Map.of(), args);
    }

    @Test
    void auditVerify_onAnUntouchedTrail_exitsZero() {
        assertThat(run("connections")).isZero();

        assertThat(run("audit", "verify")).isZero();
        assertThat(cli.out().strip()).isEqualTo(
                "The audit log is intact: 1 entry; the last signed checkpoint vouches for entry 1.");
    }

    @Test
    void auditVerify_afterAnEntryWasChanged_exitsNonZeroNamingItOnOneLine() throws Exception {
        assertThat(run("connections")).isZero();
        try (Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("onramp"), "onramp", "");
                Statement sql = jdbc.createStatement()) {
            sql.execute("DROP TRIGGER audit_log_append_only");
            sql.execute("UPDATE audit_log SET details = 'name=Someone Else' WHERE seq = 1");
        }

        assertThat(run("audit", "verify")).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).isEqualTo("onramp: The audit log was tampered with at entry 1: entry 1 was changed"
                + " after it was written: its MAC does not match." + System.lineSeparator());
    }

    @Test
    void auditVerify_withLocaleDeOrFr_saysWhyTheChainDoesNotVerifyInThatLanguage() throws Exception {
        assertThat(run("connections")).isZero();
        try (Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("onramp"), "onramp", "");
                Statement sql = jdbc.createStatement()) {
            sql.execute("DROP TRIGGER audit_log_append_only");
            sql.execute("UPDATE audit_log SET details = 'name=Someone Else' WHERE seq = 1");
        }

        assertThat(run("--locale", "de", "audit", "verify")).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).isEqualTo("onramp: Das Prüfprotokoll wurde bei Eintrag 1 manipuliert: Eintrag 1 wurde"
                + " geändert, nachdem er geschrieben wurde: Sein MAC stimmt nicht überein." + System.lineSeparator());
        assertThat(run("--locale", "fr", "audit", "verify")).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).isEqualTo("onramp: Le journal d’audit a été falsifié à l’entrée 1 : l’entrée 1 a été"
                + " modifiée après son écriture : son MAC ne correspond pas." + System.lineSeparator());
    }

    @Test
    void auditVerify_withLocaleDe_namesTheMissingProtectionInGerman() throws Exception {
        assertThat(run("connections")).isZero();
        try (Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("onramp"), "onramp", "");
                Statement sql = jdbc.createStatement()) {
            sql.execute("DROP TRIGGER audit_log_append_only");
        }

        assertThat(run("--locale", "de", "audit", "verify")).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err().lines()).singleElement().asString()
                .startsWith("onramp: Der Schutz des Prüfprotokolls durch die Datenbank fehlt")
                .contains("(der Trigger dev.onramp.store.AppendOnlyTrigger auf audit_log, der nur das Anfügen zulässt"
                        + " und jede Änderung und Löschung eines Eintrags ablehnt, fehlt)")
                .doesNotContain("is gone");
    }

    @Test
    void auditVerify_afterTheAppendOnlyTriggerWasDropped_exitsNonZeroSayingTheProtectionIsMissing() throws Exception {
        assertThat(run("connections")).isZero();
        try (Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("onramp"), "onramp", "");
                Statement sql = jdbc.createStatement()) {
            sql.execute("DROP TRIGGER audit_log_append_only");
        }

        assertThat(run("audit", "verify")).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines()).singleElement().asString()
                .startsWith("onramp: The database's protection of the audit trail is missing, so its entries could now"
                        + " be changed or deleted without the database refusing (the append-only trigger")
                .contains("keep this data folder as it is, run onramp audit export");
    }

    @Test
    void auditExportForOneBusiness_writesOnlyItsEntries() throws Exception {
        Tenant globex = withApp(app -> {
            app.tenants().tenantsCreatingDemoIfNone();
            return app.tenants().create("Globex", app.catalog().businessTypes().getFirst().id());
        });
        Path file = dataDir.resolve("globex.csv");

        assertThat(run("audit", "export", "--format", "csv", "--out", file.toString(), "--tenant", "globex")).isZero();

        assertThat(cli.out()).contains("Wrote 1 audit entry of Globex to " + file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(globex.id().toString(), "tenant.created", "name=Globex");
    }

    @Test
    void auditExportOfAll_writesJsonLinesOfEveryBusiness() throws Exception {
        withApp(app -> {
            app.tenants().tenantsCreatingDemoIfNone();
            return app.tenants().create("Globex", app.catalog().businessTypes().getFirst().id());
        });
        Path file = dataDir.resolve("audit.jsonl");

        assertThat(run("audit", "export", "--format", "JSONL", "--out", file.toString())).isZero();

        assertThat(Files.readAllLines(file)).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"seq\":"));
    }

    @Test
    void auditExportInAnUnknownFormat_isRefused() {
        int exit = run("audit", "export", "--format", "xml", "--out", dataDir.resolve("x").toString());

        assertThat(exit).isNotZero();
        assertThat(cli.err()).startsWith("onramp: Invalid value for option '--format': Unknown format \"xml\": use jsonl"
                + " or csv.");
    }

    @Test
    void keysRotate_reencryptsTheStoredSecretsAndASecondRunAddsAnotherKey() {
        assertThat(run("connect", "hubspot")).as(cli.err()).isZero();

        assertThat(run("keys", "rotate")).isZero();
        assertThat(cli.out()).containsPattern("Key \\d+ is the primary key. Re-encrypted 1 secret in this run,"
                + " 1 in all. Onramp keeps 1 older key so that backups still open.");

        assertThat(run("keys", "rotate")).isZero();
        assertThat(cli.out()).contains("Re-encrypted 1 secret in this run", "keeps 2 older keys");
        assertThat(run("audit", "verify")).isZero();
    }

    @Test
    void auditWithoutASubcommand_namesTheSubcommands() {
        int exit = run("audit");

        assertThat(exit).isNotZero();
        assertThat(cli.err()).contains("Missing required subcommand", "verify", "export");
    }

    @Test
    void keysRotate_afterARotationWasCutShort_continuesIt() {
        assertThat(run("connect", "hubspot")).as(cli.err()).isZero();
        assertThatThrownBy(() -> withApp(app -> app.keyRotation().rotate(1, progress -> {
            throw new IllegalStateException("power cut");
        }))).hasMessage("power cut");

        assertThat(run("keys", "rotate")).isZero();

        assertThat(cli.out()).containsPattern("Continuing the key rotation started \\S+ \\(1 secret re-encrypted"
                + " before it stopped\\)")
                .contains("Re-encrypted 0 secrets in this run, 1 in all. Onramp keeps 1 older key");
    }

    @Test
    void keysRotate_withASecretMovedToAnotherBusinessesRow_namesItsConnectionAndRemoval_whichLetsTheNextRunComplete()
            throws Exception {
        String removal = globexStripeWithHubSpotsSecret();

        assertThat(run("keys", "rotate")).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.out()).contains("Re-encrypted 1 secret in this run");
        assertThat(cli.err()).contains("The key rotation is not finished",
                "The stripe connection (account acct_globex) of business Globex: remove it from Onramp with: " + removal,
                "Then run onramp keys rotate again").doesNotContain("Connect this account again");
        assertThat(run("audit", "export", "--format", "jsonl", "--out", dataDir.resolve("audit.jsonl").toString(),
                "--tenant", "Globex")).isZero();
        assertThat(Files.readString(dataDir.resolve("audit.jsonl"))).contains("keys.rotate.secret-unreadable",
                "provider=stripe account=acct_globex");

        assertThat(run(removal.substring("onramp ".length()).split(" "))).as(cli.err()).isZero();
        assertThat(run("keys", "rotate")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Continuing the key rotation started", "Onramp keeps 1 older key");
        assertThat(cli.err()).isEmpty();
        assertThat(run("audit", "verify")).isZero();
    }

    @Test
    void keysRotate_withASecretItCannotRead_saysSoInFrench() throws Exception {
        String removal = globexStripeWithHubSpotsSecret();

        assertThat(run("--locale", "fr", "keys", "rotate")).isEqualTo(OnrampCommand.FAILED);

        assertThat(cli.out()).contains("1 secret rechiffré lors de cette exécution");
        assertThat(cli.err()).startsWith("onramp: La rotation de clé n’est pas terminée : le secret d’une connexion n’a"
                + " pas pu être déchiffré (il a été modifié ou déplacé depuis une autre ligne) et est resté sous"
                + " l’ancienne clé :" + System.lineSeparator())
                .contains("  La connexion stripe (compte acct_globex) de l’entreprise Globex : retirez-la d’Onramp"
                        + " avec : " + removal, "Relancez ensuite onramp keys rotate");
    }

    /**
     * Connects HubSpot to the demo business and Stripe to a new business Globex, then gives Stripe's row
     * HubSpot's encrypted secret, which then does not decrypt there; returns the command that removes it.
     */
    private String globexStripeWithHubSpotsSecret() throws Exception {
        assertThat(run("connect", "hubspot")).as(cli.err()).isZero();
        withApp(app -> app.tenants().create("Globex", app.catalog().businessTypes().getFirst().id()));
        assertThat(cli.run(Map.of("STRIPE_KEY", "sk_test_onramp_keys_51HqLyjWDarjtT1zdp7dc"), "connect", "stripe",
                "--tenant", "Globex", "--set", "account_id=acct_globex", "--secret", "client_secret=STRIPE_KEY"))
                .as(cli.err()).isZero();
        try (Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("onramp"), "onramp", "");
                Statement sql = jdbc.createStatement()) {
            assertThat(sql.executeUpdate("UPDATE connection SET secret_config = (SELECT secret_config FROM connection"
                    + " WHERE provider_id = 'hubspot') WHERE provider_id = 'stripe'")).isEqualTo(1);
        }
        return "onramp disconnect stripe --tenant Globex --account acct_globex --local-only --yes";
    }

    @Test
    void start_withTheKeyFileDeleted_isRefusedSayingTheKeyIsMissing_writesNoKeyAndLeavesTheDatabaseBytesAsTheyWere()
            throws Exception {
        assertThat(run("connect", "hubspot")).as(cli.err()).isZero();
        Path keyFile = dataDir.resolve("keys").resolve("onramp.kek");
        Files.delete(keyFile);
        Path database = dataDir.resolve("onramp.mv.db");
        String before = sha256(database);

        assertThat(run("connections")).isEqualTo(OnrampCommand.FAILED);

        assertThat(cli.err()).isEqualTo("onramp: Onramp's key-encryption key is missing: it was expected in the key"
                + " file " + keyFile.toAbsolutePath() + ". The secrets saved in " + database.toAbsolutePath()
                + " (the connections' credentials, the Airbyte sign-ins, the audit log's keys) cannot be read without"
                + " it. Restore it there from a backup and start Onramp again. If it is lost for good, onramp"
                + " remove-data deletes the data folder (businesses, connections, settings, audit log) so that Onramp"
                + " starts afresh; the sources stay in Airbyte. Onramp made no new key and left the database file"
                + " untouched." + System.lineSeparator());
        assertThat(cli.out()).isEmpty();
        assertThat(keyFile).doesNotExist();
        assertThat(sha256(database)).as("the database file's bytes").isEqualTo(before);
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private <T> T withApp(java.util.function.Function<AppContext, T> work) {
        try (AppContext app = AppContext.start(new AppOptions(dataDir, Optional.empty(), url -> false, Duration.ZERO,
                Duration.ofSeconds(5)))) {
            return work.apply(app);
        }
    }
}
