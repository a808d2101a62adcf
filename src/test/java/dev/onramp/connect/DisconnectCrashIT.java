package dev.onramp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.store.Database;
import dev.onramp.testing.JarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code onramp disconnect} (the packaged jar in its own JVM) at each step of its
 * journal, against a separate demo server, so that the source outlives the killed Onramp; the kill
 * lands where {@code -Donramp.crashTest.pauseAfter} holds the command, or while Airbyte is deleting
 * the source. After the next start the connection is either untouched (killed before the intent
 * was written) or disconnected with its source gone and one audit entry: never half of it.
 */
class DisconnectCrashIT {
    /** Long enough to kill while the delete is under way, short enough to keep the suite quick. */
    private static final long LATENCY_MILLIS = 300;
    private static final Duration INTO_THE_CALL = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String KEY = "sk_test_onramp_crash_51HqLyjWDarjtT1zdp7dc";
    private static final Pattern SOURCE = Pattern.compile("Connected Stripe: source ([0-9a-f-]{36})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    private static JarProcess demoServer;
    private static URI apiBase;

    @TempDir
    Path dataDir;

    private String sourceId;

    @BeforeAll
    static void startDemoServer() throws Exception {
        demoServer = JarProcess.start("demo-server", "--latency", Long.toString(LATENCY_MILLIS));
        String line = demoServer.awaitLine(l -> l.startsWith("Airbyte simulator listening at "), WAIT);
        apiBase = URI.create(line.substring("Airbyte simulator listening at ".length()));
    }

    @AfterAll
    static void stopDemoServer() {
        demoServer.close();
    }

    /** A Stripe connection made by the packaged command, its source in the demo server. */
    @BeforeEach
    void connectStripe() throws Exception {
        try (JarProcess connect = JarProcess.start(Map.of("STRIPE_KEY", KEY), List.of(), "connect", "stripe",
                "--set", "account_id=acct_1", "--secret", "client_secret=STRIPE_KEY", "--airbyte-url",
                apiBase.toString(), "--data-dir", dataDir.toString())) {
            assertThat(connect.awaitExit(WAIT)).as(connect.stderr(WAIT)).isZero();
            Matcher source = SOURCE.matcher(String.join("\n", connect.stdout()));
            assertThat(source.find()).as(connect.stdout().toString()).isTrue();
            sourceId = source.group(1);
        }
        assertThat(sourceStatus()).isEqualTo(200);
    }

    @Test
    void killedBeforeTheIntentWasWritten_leavesTheConnectionUntouched() throws Exception {
        killPausedAfter("confirmed");

        assertThat(disconnectFlows()).isEmpty();
        recover();
        assertThat(connectionStatus()).isEqualTo("ACTIVE");
        assertThat(secretPresent()).isTrue();
        assertThat(sourceStatus()).isEqualTo(200);
        assertThat(auditActions()).isEmpty();
    }

    @Test
    void killedAfterTheIntentBeforeAirbyteWasAsked_isFinishedByTheNextStart() throws Exception {
        killPausedAfter("deleting-source");

        assertThat(disconnectFlows()).containsExactly("DISCONNECTING");
        assertThat(connectionStatus()).isEqualTo("ACTIVE");
        assertThat(sourceStatus()).as("Airbyte not asked yet").isEqualTo(200);
        assertThat(auditActions()).as("no end recorded before recovery").isEmpty();
        recoverAndCheckDisconnected();
    }

    @Test
    void killedWhileAirbyteDeletesTheSource_isFinishedByTheNextStart() throws Exception {
        try (JarProcess disconnect = disconnect(Optional.empty())) {
            disconnect.awaitLine("Deleting the source in Airbyte…"::equals, WAIT);
            Thread.sleep(INTO_THE_CALL);
            disconnect.kill();
        }

        assertThat(disconnectFlows()).containsExactly("DISCONNECTING");
        assertThat(connectionStatus()).isEqualTo("ACTIVE");
        assertThat(auditActions()).isEmpty();
        recoverAndCheckDisconnected();
    }

    @Test
    void killedAfterTheSourceWasDeleted_isFinishedByTheNextStartWithoutAskingAgain() throws Exception {
        killPausedAfter("saving");

        assertThat(disconnectFlows()).containsExactly("SOURCE_DELETED");
        assertThat(connectionStatus()).isEqualTo("ACTIVE");
        assertThat(sourceStatus()).isEqualTo(404);
        assertThat(auditActions()).isEmpty();
        recoverWithTheCommandLine();
        checkDisconnected();
    }

    @Test
    void disconnectLeftToFinish_needsNothingFromTheNextStart() throws Exception {
        try (JarProcess disconnect = disconnect(Optional.empty())) {
            assertThat(disconnect.awaitExit(WAIT)).as(disconnect.stderr(WAIT)).isZero();
            assertThat(disconnect.stdout()).contains("Disconnected Stripe (account acct_1) of Demo Coffee Roasters."
                    + " Its source " + sourceId + " was deleted in Airbyte.");
        }
        checkDisconnected();
        recover();
        checkDisconnected();
    }

    @Test
    void secondDisconnectWhileTheFirstRuns_endsInOneLineWithExitOne() throws Exception {
        try (JarProcess first = disconnect(Optional.of("deleting-source"))) {
            first.awaitLine("Paused after deleting-source."::equals, WAIT);
            try (JarProcess second = disconnect(Optional.empty())) {
                assertThat(second.awaitExit(WAIT)).isEqualTo(1);
                assertThat(second.stderr(WAIT).strip()).isEqualTo("onramp: " + Database.OWNED_ELSEWHERE);
            }
            first.kill();
        }
        recoverAndCheckDisconnected();
    }

    private void killPausedAfter(String step) throws Exception {
        try (JarProcess disconnect = disconnect(Optional.of(step))) {
            disconnect.awaitLine(("Paused after " + step + ".")::equals, WAIT);
            disconnect.kill();
        }
    }

    private JarProcess disconnect(Optional<String> pauseAfter) {
        return JarProcess.start(Map.of(), pauseAfter.map(step -> List.of("-Donramp.crashTest.pauseAfter=" + step))
                .orElse(List.of()), "disconnect", "stripe", "--yes", "--airbyte-url", apiBase.toString(),
                "--data-dir", dataDir.toString());
    }

    private void recoverAndCheckDisconnected() throws Exception {
        recover();
        checkDisconnected();
    }

    private void checkDisconnected() throws Exception {
        assertThat(disconnectFlows()).containsExactly("DISCONNECTED");
        assertThat(connectionStatus()).isEqualTo("DISCONNECTED");
        assertThat(secretPresent()).as("the secret is wiped").isFalse();
        assertThat(sourceStatus()).isEqualTo(404);
        assertThat(auditActions()).containsExactly("connection.disconnected");
    }

    /** The next start, in this JVM to save a process start: the app recovers while it opens. */
    private void recover() {
        AppContext.start(new AppOptions(dataDir, Optional.of(apiBase), url -> false, Duration.ZERO,
                Duration.ofMinutes(5))).close();
    }

    /** The next start as a person runs it: {@code onramp connections --all} against the same Airbyte. */
    private void recoverWithTheCommandLine() throws InterruptedException {
        try (JarProcess connections = JarProcess.start("connections", "--all", "--airbyte-url", apiBase.toString(),
                "--data-dir", dataDir.toString())) {
            assertThat(connections.awaitExit(WAIT)).isZero();
            assertThat(String.join("\n", connections.stdout())).contains("acct_1", "DISCONNECTED", sourceId);
        }
    }

    private List<String> disconnectFlows() throws SQLException {
        return strings("SELECT state FROM connect_flow WHERE kind = 'DISCONNECT'");
    }

    private String connectionStatus() throws SQLException {
        List<String> statuses = strings("SELECT status FROM connection");
        assertThat(statuses).hasSize(1);
        return statuses.getFirst();
    }

    private boolean secretPresent() throws SQLException {
        return strings("SELECT secret_config IS NOT NULL FROM connection").getFirst().equalsIgnoreCase("TRUE");
    }

    private List<String> auditActions() throws SQLException {
        return strings("SELECT action FROM audit_log WHERE resource LIKE 'connection/%' AND action <> 'connect.succeeded'"
                + " ORDER BY seq");
    }

    private List<String> strings(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = database(); ResultSet rows = db.createStatement().executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** The database the killed process left, opened only while no Onramp process has it. */
    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("onramp") + ";IFEXISTS=TRUE", "onramp", "");
    }

    /** The demo server's answer to reading the source: 200 while it exists, 404 once deleted. */
    private int sourceStatus() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(apiBase + "/v1/sources/get"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("sourceId", sourceId).toString()))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
