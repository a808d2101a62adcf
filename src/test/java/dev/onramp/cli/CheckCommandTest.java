package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.CommandLineRunner;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onramp check} in-process. Each command starts its own built-in simulator on the data folder's
 * simulator state, so a demo connection made by an earlier command is still there for the next.
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

    private String connectHubspot() throws Exception {
        CompletableFuture<Integer> connect = cli.start("--data-dir", dataDir.toString(), "connect", "hubspot",
                "--no-browser");
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        browser.open(cli.awaitPrintedLink(WAIT));
        browser.awaitVisit(WAIT);
        assertThat(connect.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(cli.err()).isZero();
        cli.clearOut();
        assertThat(cli.run(Map.of(), "--data-dir", dataDir.toString(), "connections", "--json")).isZero();
        String sourceId = new ObjectMapper().readTree(cli.out()).get(0).path("sourceId").asText();
        cli.clearOut();
        return sourceId;
    }

    @Test
    void aDemoConnectionMadeByAnEarlierRun_isStillConnectedInTheNext_andCheckExitsZero() throws Exception {
        String sourceId = connectHubspot();

        int exit = cli.start("--data-dir", dataDir.toString(), "check").get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).containsPattern("hubspot +\\S.* +connected");
        assertThat(cli.out()).doesNotContain("missing in Airbyte");
        assertThat(sourceId).isNotBlank();
    }

    @Test
    void aConnectionItsAirbyteNoLongerHas_isMissingInAirbyte_exitsOne_andJsonSaysWhyAndWhen() throws Exception {
        String sourceId = connectHubspot();
        // Someone deletes the source in the simulator the data folder keeps, between two runs.
        try (AirbyteSimulator airbyte = AirbyteSimulator.builder().stateFolder(dataDir.resolve("simulator")).start()) {
            airbyte.deleteSource(sourceId);
        }

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
