package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.testing.CommandLineRunner;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onramp check} in-process. Each command starts its own built-in simulator, which does not
 * keep sources between runs yet, so a demo connection made by an earlier command is missing there.
 */
class CheckCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final CommandLineRunner cli = new CommandLineRunner();

    @Test
    void aBusinessWithoutConnections_saysSoAndExitsZero() throws Exception {
        int exit = cli.start("--data-dir", dataDir.toString(), "check").get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Connections of Demo Coffee Roasters in Demo: the built-in Airbyte simulator:",
                "No connections yet.");
    }

    @Test
    void aConnectionItsAirbyteNoLongerHas_isMissingInAirbyte_exitsOne_andJsonSaysWhyAndWhen() throws Exception {
        CompletableFuture<Integer> connect = cli.start("--data-dir", dataDir.toString(), "connect", "hubspot",
                "--no-browser");
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        browser.open(cli.awaitPrintedLink(WAIT));
        browser.awaitVisit(WAIT);
        assertThat(connect.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
        cli.clearOut();

        int lines = cli.start("--data-dir", dataDir.toString(), "check").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        String table = cli.out();
        cli.clearOut();
        int json = cli.start("--data-dir", dataDir.toString(), "check", "--json").get(WAIT.toSeconds(),
                TimeUnit.SECONDS);

        assertThat(lines).isEqualTo(OnrampCommand.FAILED);
        assertThat(table).containsPattern("hubspot +\\S.* +missing in Airbyte +Airbyte no longer has this source");
        assertThat(json).isEqualTo(OnrampCommand.FAILED);
        JsonNode rows = new ObjectMapper().readTree(cli.out());
        assertThat(rows.isArray()).isTrue();
        JsonNode row = rows.get(0);
        assertThat(row.path("provider").asText()).isEqualTo("hubspot");
        assertThat(row.path("tenant").asText()).isEqualTo("Demo Coffee Roasters");
        assertThat(row.path("status").asText()).isEqualTo("MISSING");
        assertThat(row.path("lastChecked").asText()).isNotBlank();
        assertThat(row.path("lastError").asText()).startsWith("Airbyte no longer has this source");
        assertThat(row.path("airbyte").path("address").asText()).isEqualTo("onramp:built-in-simulator");
        assertThat(row.path("airbyte").path("description").asText()).startsWith("the built-in simulator, workspace ");
        assertThat(row.has("sourceId")).isTrue();
    }
}
