package dev.onramp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.testing.JarProcess;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
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
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code onramp connect} (the packaged jar in its own JVM) at each step of the
 * journal, against a separate demo server whose every API call is slowed down so that the kill
 * lands while that step's call is under way; then the next start must finish or undo the flow:
 * nothing left in Airbyte, no half-written row, one audit entry.
 */
class CrashRecoveryIT {
    /** Long enough to kill while a call is under way, short enough to keep the suite quick. */
    private static final long LATENCY_MILLIS = 300;
    /** After a step's line, how long to let its call reach the server before killing. */
    private static final Duration INTO_THE_CALL = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JarProcess demoServer;
    private static URI apiBase;
    private static String workspaceId;
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startDemoServer() throws Exception {
        demoServer = JarProcess.start("demo-server", "--latency", Long.toString(LATENCY_MILLIS));
        String line = demoServer.awaitLine(l -> l.startsWith("Airbyte simulator listening at "), WAIT);
        apiBase = URI.create(line.substring("Airbyte simulator listening at ".length()));
        workspaceId = api("workspaces/list_by_organization_id",
                "{\"organizationId\":\"00000000-0000-0000-0000-000000000000\"}")
                .path("workspaces").get(0).path("workspaceId").asText();
    }

    @AfterAll
    static void stopDemoServer() {
        demoServer.close();
    }

    @Test
    void killedWhilePreparing_isEndedWithOneAuditEntry() throws Exception {
        Flow flow = killAfter("Preparing the connection…", false);

        assertThat(flow.state()).isEqualTo("STARTED");
        recoverAndCheck(flow);
    }

    @Test
    void killedWhileWaitingForConsent_isEndedWithOneAuditEntry() throws Exception {
        Flow flow = killAfter("Waiting for you in the browser… (Ctrl+C cancels)", false);

        assertThat(flow.state()).isEqualTo("AWAITING_CONSENT");
        recoverAndCheck(flow);
    }

    @Test
    void killedWhileCompletingTheAuthorization_isEndedWithOneAuditEntry() throws Exception {
        Flow flow = killAfter("Completing the authorization…", true);

        assertThat(flow.state()).isEqualTo("AWAITING_CONSENT");
        recoverAndCheck(flow);
    }

    @Test
    void killedWhileAirbyteCreatesTheSource_hasTheUnrecordedSourceFoundAndDeleted() throws Exception {
        Flow flow = killAfter("Creating the source in Airbyte…", true);

        assertThat(flow.state()).isEqualTo("AUTHORIZED");
        assertThat(flow.sourceId()).isEmpty();
        // The killed process never heard the answer, but Airbyte carries the call out all the same.
        assertThat(awaitSourcesOf(flow)).as("source created after the kill").hasSize(1);
        recoverAndCheck(flow);
        assertThat(sourcesOf(flow)).isEmpty();
    }

    @Test
    void killedWhileTestingTheSource_hasTheSourceDeletedOnceAndOnlyOnce() throws Exception {
        Flow flow = killAfter("Testing the connection…", true);

        assertThat(flow.state()).isEqualTo("SOURCE_CREATED");
        assertThat(sourceStatus(flow.sourceId().orElseThrow())).isEqualTo(200);
        recoverWithTheCommandLine();
        checkRecovered(flow);
        assertThat(sourceStatus(flow.sourceId().orElseThrow())).isEqualTo(404);

        recover();
        assertThat(onlyFlow().state()).isEqualTo("FAILED");
        assertThat(auditActions(flow)).containsExactly("connect.recovered");
    }

    @Test
    void killedWhileListingTheStreams_hasTheSourceDeleted() throws Exception {
        Flow flow = killAfter("Listing the data streams…", true);

        assertThat(flow.state()).isEqualTo("TESTED");
        recoverAndCheck(flow);
        assertThat(sourceStatus(flow.sourceId().orElseThrow())).isEqualTo(404);
    }

    @Test
    void killedWhileSaving_isEitherStoredWholeOrUndoneWhole() throws Exception {
        Flow flow = killAfter("Saving the connection…", true, Duration.ZERO);

        assertThat(flow.state()).isIn("TESTED", "STORED");
        recover();
        Flow after = onlyFlow();
        if (after.state().equals("STORED")) {
            assertThat(connectionRows()).isEqualTo(1);
            assertThat(sourceStatus(after.sourceId().orElseThrow())).isEqualTo(200);
            assertThat(auditActions(after)).containsExactly("connect.succeeded");
        } else {
            assertThat(after.state()).isEqualTo("FAILED");
            assertThat(connectionRows()).isZero();
            assertThat(sourceStatus(after.sourceId().orElseThrow())).isEqualTo(404);
            assertThat(auditActions(after)).containsExactly("connect.recovered");
        }
    }

    /** One journal row as the killed process left it. */
    private record Flow(String id, String state, Optional<String> sourceId) {}

    private Flow killAfter(String line, boolean allowConsent) throws Exception {
        return killAfter(line, allowConsent, INTO_THE_CALL);
    }

    /** Runs {@code onramp connect hubspot}, allows access when asked, and kills it once it prints {@code line}. */
    private Flow killAfter(String line, boolean allowConsent, Duration intoTheCall) throws Exception {
        try (JarProcess connect = JarProcess.start("connect", "hubspot", "--no-browser", "--airbyte-url",
                apiBase.toString(), "--data-dir", dataDir.toString())) {
            if (allowConsent) {
                URI consent = URI.create(connect.awaitLine(l -> l.startsWith("http://"), WAIT));
                ScriptedBrowser person = new ScriptedBrowser(Decision.ALLOW);
                person.open(consent);
            }
            connect.awaitLine(line::equals, WAIT);
            Thread.sleep(intoTheCall);
            connect.kill();
        }
        Flow flow = onlyFlow();
        if (flow.state().equals("STORED")) {
            // The kill came after the save had committed: its audit entry is part of the same transaction.
            assertThat(auditActions(flow)).as("the save's audit entry, committed with it")
                    .containsExactly("connect.succeeded");
        } else {
            assertThat(auditActions(flow)).as("no end recorded before recovery").isEmpty();
        }
        return flow;
    }

    private void recoverAndCheck(Flow before) throws Exception {
        recover();
        checkRecovered(before);
    }

    private void checkRecovered(Flow before) throws Exception {
        Flow after = onlyFlow();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.state()).isEqualTo("FAILED");
        assertThat(connectionRows()).isZero();
        assertThat(auditActions(after)).containsExactly("connect.recovered");
        assertThat(sourcesOf(after)).isEmpty();
    }

    /**
     * The next start, in this JVM to save a process start: the app recovers while it opens. One
     * test uses {@link #recoverWithTheCommandLine()} to show the packaged command does the same.
     */
    private void recover() {
        AppContext.start(new AppOptions(dataDir, Optional.of(apiBase), url -> false, Duration.ZERO,
                Duration.ofMinutes(5))).close();
    }

    /** The next start as a person runs it: {@code onramp connections} against the same Airbyte. */
    private void recoverWithTheCommandLine() throws InterruptedException {
        try (JarProcess connections = JarProcess.start("connections", "--airbyte-url", apiBase.toString(),
                "--data-dir", dataDir.toString())) {
            assertThat(connections.awaitExit(WAIT)).isZero();
            assertThat(connections.stdout()).contains("No connections yet. Connect one with: onramp connect <provider>");
        }
    }

    private Flow onlyFlow() throws SQLException {
        List<Flow> flows = new ArrayList<>();
        try (Connection db = database(); ResultSet rows = db.createStatement()
                .executeQuery("SELECT id, state, source_id FROM connect_flow")) {
            while (rows.next()) {
                flows.add(new Flow(rows.getString("id"), rows.getString("state"),
                        Optional.ofNullable(rows.getString("source_id"))));
            }
        }
        assertThat(flows).hasSize(1);
        return flows.getFirst();
    }

    private int connectionRows() throws SQLException {
        try (Connection db = database(); ResultSet rows = db.createStatement()
                .executeQuery("SELECT COUNT(*) FROM connection")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private List<String> auditActions(Flow flow) throws SQLException {
        List<String> actions = new ArrayList<>();
        try (Connection db = database(); var query = db.prepareStatement(
                "SELECT action FROM audit_log WHERE resource = ? ORDER BY seq")) {
            query.setString(1, "flow/" + flow.id());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
        }
        return actions;
    }

    /** The database the killed process left, opened only while no Onramp process has it. */
    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("onramp") + ";IFEXISTS=TRUE", "onramp", "");
    }

    /** Sources named after the flow, as the demo server lists them. */
    private List<String> sourcesOf(Flow flow) throws Exception {
        JsonNode list = api("sources/list", "{\"workspaceId\":\"" + workspaceId + "\",\"filters\":{\"searchTerm\":\"onramp-flow-"
                + flow.id() + "\"}}");
        List<String> ids = new ArrayList<>();
        list.path("sources").forEach(source -> ids.add(source.path("sourceId").asText()));
        return ids;
    }

    private List<String> awaitSourcesOf(Flow flow) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> found = sourcesOf(flow);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = sourcesOf(flow);
        }
        return found;
    }

    /** The demo server's answer to checking the source: 200 while it exists, 404 once deleted. */
    private static int sourceStatus(String sourceId) throws Exception {
        return post("sources/check_connection", "{\"sourceId\":\"" + sourceId + "\"}").statusCode();
    }

    private static JsonNode api(String endpoint, String body) throws Exception {
        HttpResponse<String> response = post(endpoint, body);
        assertThat(response.statusCode()).as(endpoint).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> post(String endpoint, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(apiBase + "/v1/" + endpoint))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
