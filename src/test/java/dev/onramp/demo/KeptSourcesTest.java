package dev.onramp.demo;

import static dev.onramp.demo.SimulatorSteps.HUBSPOT;
import static dev.onramp.demo.SimulatorSteps.STRIPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.demo.WireClient.Answer;
import dev.onramp.testing.CloudConsent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulator with a state folder, over the wire: sources made through either API outlive it, an unreadable
 * state file is set aside, and two simulators on one folder see each other's sources.
 */
class KeptSourcesTest {
    private static final String RELAY = "https://relay.example.com/onramp/?port=45678&nonce=abc";

    @TempDir
    Path folder;

    private final ObjectMapper json = new ObjectMapper();
    private final List<AirbyteSimulator> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(AirbyteSimulator::close);
    }

    private AirbyteSimulator start() {
        AirbyteSimulator simulator = AirbyteSimulator.builder().stateFolder(folder).start();
        started.add(simulator);
        return simulator;
    }

    private static Map<String, Object> hubspotOAuth() {
        return Map.of("start_date", "2024-01-01T00:00:00Z",
                "credentials", Map.of("credentials_title", "OAuth Credentials"));
    }

    /** A HubSpot source made from the secret Airbyte kept at complete_oauth, as Onramp makes it. */
    private static String configApiHubspot(AirbyteSimulator simulator) {
        WireClient wire = new WireClient(simulator.apiBaseUrl());
        String secretId = new SimulatorSteps(simulator, wire).keptSecret(HUBSPOT);
        Answer created = wire.post("sources/create", Map.of("sourceDefinitionId", HUBSPOT,
                "workspaceId", simulator.workspaceId(), "name", "HubSpot", "secretId", secretId,
                "connectionConfiguration", hubspotOAuth()));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.json().path("sourceId").asText();
    }

    private static String configApiStripe(AirbyteSimulator simulator) {
        Answer created = new SimulatorSteps(simulator, new WireClient(simulator.apiBaseUrl()))
                .createSource(STRIPE, Map.of("account_id", "acct_demo", "client_secret", "sk_test_demo_secret"));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.json().path("sourceId").asText();
    }

    /** A HubSpot source made in the simulated Cloud from the secret id its sign-in left. */
    private String cloudHubspot(AirbyteSimulator simulator) {
        Answer consent = cloud(simulator, "POST", "/sources/initiateOAuth", Map.of("sourceType", "hubspot",
                "workspaceId", simulator.workspaceId(), "redirectUrl", RELAY));
        String secretId = new CloudConsent().allow(URI.create(consent.json().path("consentUrl").asText()))
                .query().get("secret_id");
        Answer created = cloud(simulator, "POST", "/sources", Map.of("name", "HubSpot", "workspaceId",
                simulator.workspaceId(), "definitionId", HUBSPOT, "secretId", secretId,
                "configuration", hubspotOAuth()));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.json().path("sourceId").asText();
    }

    private Answer config(AirbyteSimulator simulator, String endpoint, Map<String, Object> body) {
        return new WireClient(simulator.apiBaseUrl()).post(endpoint, body);
    }

    private Answer cloud(AirbyteSimulator simulator, String method, String path, Object body) {
        WireClient wire = new WireClient(URI.create(simulator.publicApiBaseUrl().toString().replaceFirst("/v1$", "")));
        Answer token = wire.post("applications/token", Map.of("client_id", simulator.cloudClientId(),
                "client_secret", simulator.cloudClientSecret(), "grant_type", "client_credentials"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.publicApiBaseUrl() + path))
                .header("Authorization", "Bearer " + token.json().path("access_token").asText());
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return wire.send(request);
    }

    private String checkStatus(AirbyteSimulator simulator, String sourceId) {
        return config(simulator, "sources/check_connection", Map.of("sourceId", sourceId)).json().path("status").asText();
    }

    @Test
    void sourcesMadeThroughBothApis_outliveTheSimulator_andCheckListStreamsUpdateAndDeleteAfterItStartsAgain() {
        AirbyteSimulator yesterday = start();
        String hubspot = configApiHubspot(yesterday);
        String stripe = configApiStripe(yesterday);
        String cloud = cloudHubspot(yesterday);
        String clientId = yesterday.cloudClientId();
        yesterday.close();

        AirbyteSimulator today = start();

        assertThat(today.sourceIds()).containsExactlyInAnyOrder(hubspot, stripe, cloud);
        assertThat(today.cloudClientId()).as("the Cloud application is kept too").isEqualTo(clientId);
        assertThat(checkStatus(today, hubspot)).isEqualTo("succeeded");
        assertThat(checkStatus(today, stripe)).isEqualTo("succeeded");
        assertThat(config(today, "sources/discover_schema", Map.of("sourceId", hubspot)).json()
                .path("catalog").path("streams").size()).isPositive();
        Answer read = config(today, "sources/get", Map.of("sourceId", hubspot));
        assertThat(read.json().path("name").asText()).isEqualTo("HubSpot");
        assertThat(read.json().path("workspaceId").asText()).isEqualTo(today.workspaceId());
        // The tokens it holds are still known as issued for HubSpot, so a change that keeps them is valid.
        assertThat(config(today, "sources/partial_update", Map.of("sourceId", hubspot, "name", "HubSpot (renamed)"))
                .status()).isEqualTo(200);
        Answer reauthorized = config(today, "sources/partial_update", Map.of("sourceId", hubspot,
                "secretId", new SimulatorSteps(today, new WireClient(today.apiBaseUrl())).keptSecret(HUBSPOT),
                "connectionConfiguration", Map.of("credentials", Map.of("credentials_title", "OAuth Credentials"))));
        assertThat(reauthorized.status()).as(reauthorized.text()).isEqualTo(200);
        assertThat(config(today, "sources/update", Map.of("sourceId", stripe, "name", "Stripe",
                "connectionConfiguration", Map.of("account_id", "acct_demo", "client_secret", "sk_test_other_secret")))
                .status()).isEqualTo(200);

        Answer streams = cloud(today, "GET", "/streams?sourceId=" + cloud + "&ignoreCache=true", null);
        assertThat(streams.status()).as(streams.text()).isEqualTo(200);
        assertThat(streams.json().size()).isPositive();
        assertThat(cloud(today, "PATCH", "/sources/" + cloud, Map.of("name", "HubSpot Cloud")).status()).isEqualTo(200);
        assertThat(cloud(today, "DELETE", "/sources/" + cloud, null).status()).isEqualTo(204);
        assertThat(config(today, "sources/delete", Map.of("sourceId", hubspot)).status()).isEqualTo(204);
        assertThat(config(today, "sources/get", Map.of("sourceId", hubspot)).status()).isEqualTo(404);
        today.close();

        assertThat(start().sourceIds()).as("deletions are kept too").containsExactly(stripe);
    }

    @Test
    void anExpiredSignIn_staysExpiredAfterARestart_untilItIsReauthorized() {
        AirbyteSimulator yesterday = start();
        String hubspot = configApiHubspot(yesterday);
        yesterday.expireSourceTokens(hubspot);
        yesterday.close();

        AirbyteSimulator today = start();

        assertThat(checkStatus(today, hubspot)).isEqualTo("failed");
        config(today, "sources/partial_update", Map.of("sourceId", hubspot,
                "secretId", new SimulatorSteps(today, new WireClient(today.apiBaseUrl())).keptSecret(HUBSPOT),
                "connectionConfiguration", Map.of("credentials", Map.of("credentials_title", "OAuth Credentials"))));
        assertThat(checkStatus(today, hubspot)).isEqualTo("succeeded");
    }

    @Test
    void aSourceDeletedBehindOnrampsBack_isGoneForItsNextCall() {
        AirbyteSimulator simulator = start();
        String hubspot = configApiHubspot(simulator);
        String cloud = cloudHubspot(simulator);

        simulator.deleteSource(hubspot);
        simulator.deleteSource(cloud);

        assertThat(config(simulator, "sources/check_connection", Map.of("sourceId", hubspot)).status()).isEqualTo(404);
        assertThat(cloud(simulator, "GET", "/streams?sourceId=" + cloud + "&ignoreCache=true", null).status())
                .isEqualTo(404);
        assertThat(simulator.sourceIds()).isEmpty();
    }

    @Test
    void theStateFile_isVersioned_andReadableByItsOwnerOnly() throws IOException {
        AirbyteSimulator simulator = start();
        String stripe = configApiStripe(simulator);

        Path file = folder.resolve(SimulatorState.FILE_NAME);
        JsonNode state = json.readTree(file.toFile());
        assertThat(state.path("version").asInt()).isEqualTo(1);
        assertThat(state.path("configApi").path("sources").get(0).path("sourceId").asText()).isEqualTo(stripe);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("no temporary file is left, and every name is Onramp's")
                    .containsExactlyInAnyOrder(SimulatorState.FILE_NAME, SimulatorState.LOCK_NAME);
        }
    }

    @Test
    void anUnreadableStateFile_isMovedAside_andTheSimulatorStartsEmpty() throws IOException {
        Files.writeString(folder.resolve(SimulatorState.FILE_NAME), "{\"version\": 1, \"configApi\": {\"sources\": [");

        AirbyteSimulator simulator = start();

        assertThat(simulator.sourceIds()).isEmpty();
        assertThat(folder.resolve(SimulatorState.FILE_NAME)).doesNotExist();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> !name.equals(SimulatorState.LOCK_NAME)))
                    .singleElement().asString().startsWith(SimulatorState.FILE_NAME + ".unreadable-");
        }
        String stripe = configApiStripe(simulator);
        assertThat(checkStatus(simulator, stripe)).as("it works on as an empty simulator").isEqualTo("succeeded");
    }

    @Test
    void aStateFileOfAnotherVersion_isMovedAsideRatherThanGuessedAt() throws IOException {
        Files.writeString(folder.resolve(SimulatorState.FILE_NAME), "{\"version\": 2, \"configApi\": {\"sources\": []}}");

        assertThat(start().sourceIds()).isEmpty();

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .anySatisfy(name -> assertThat(name).startsWith(SimulatorState.FILE_NAME + ".unreadable-"));
        }
    }

    @Test
    void twoSimulatorsOnOneFolder_seeEachOthersNewSources_andLoseNone() throws Exception {
        AirbyteSimulator window = start();
        AirbyteSimulator commandLine = start();

        String fromWindow = configApiHubspot(window);
        String fromCommandLine = configApiStripe(commandLine);

        assertThat(checkStatus(commandLine, fromWindow)).isEqualTo("succeeded");
        assertThat(checkStatus(window, fromCommandLine)).isEqualTo("succeeded");
        // Many changes at once from both: none overwrites the other's.
        List<Thread> writers = new ArrayList<>();
        List<String> made = java.util.Collections.synchronizedList(new ArrayList<>());
        for (AirbyteSimulator simulator : List.of(window, commandLine, window, commandLine)) {
            writers.add(Thread.ofVirtual().start(() -> made.add(configApiStripe(simulator))));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(window.sourceIds()).containsAll(made).contains(fromWindow, fromCommandLine).hasSize(6);
        assertThat(commandLine.sourceIds()).isEqualTo(window.sourceIds());

        commandLine.deleteSource(fromWindow);
        assertThat(config(window, "sources/get", Map.of("sourceId", fromWindow)).status()).isEqualTo(404);
    }

    @Test
    void withoutAStateFolder_nothingIsWritten_andARestartStartsEmpty() throws IOException {
        AirbyteSimulator inMemory = AirbyteSimulator.builder().start();
        started.add(inMemory);
        configApiStripe(inMemory);

        assertThat(inMemory.stateFolder()).isEmpty();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
        AirbyteSimulator again = AirbyteSimulator.builder().start();
        started.add(again);
        assertThat(again.sourceIds()).isEmpty();
    }
}
