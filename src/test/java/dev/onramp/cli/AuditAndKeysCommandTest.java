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
        assertThat(cli.err()).contains("Unknown format \"xml\": use jsonl or csv.");
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

    private <T> T withApp(java.util.function.Function<AppContext, T> work) {
        try (AppContext app = AppContext.start(new AppOptions(dataDir, Optional.empty(), url -> false, Duration.ZERO,
                Duration.ofSeconds(5)))) {
            return work.apply(app);
        }
    }
}
