package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code target/onramp.jar} in its own JVM, as support staff and scripts run it. */
class CommandLineIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroy);
    }

    /** One running {@code java -jar onramp.jar ...} with its output read line by line as it comes. */
    private final class Jar {
        final Process process;
        final List<String> stdout = new java.util.concurrent.CopyOnWriteArrayList<>();
        final CompletableFuture<String> stderr;

        Jar(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).start();
            started.add(process);
            Thread.ofVirtual().start(() -> readLines(process.inputReader(StandardCharsets.UTF_8)));
            // Blocking reads get threads of their own: on two cores the common pool has one thread,
            // and HTTP clients in this JVM need it.
            stderr = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    stderr.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    stderr.complete(e.toString());
                }
            });
        }

        private void readLines(BufferedReader reader) {
            try (reader) {
                reader.lines().forEach(stdout::add);
            } catch (IOException ignored) {
                // The process ended.
            }
        }

        String awaitLine(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (String line : stdout) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                assertThat(process.isAlive() || !stdout.isEmpty()).as("process running").isTrue();
                Thread.sleep(20);
            }
            throw new AssertionError("Line not printed in time; got: " + stdout);
        }

        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exited in time").isTrue();
            return process.exitValue();
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("onramp.jar", "target/onramp.jar"));
        assertThat(Files.exists(jar)).as("packaged jar at " + jar).isTrue();
        return jar;
    }

    @Test
    void connectHubSpotWithNoBrowser_onTheEmbeddedSimulator_exitsZeroWithTheStreams() throws Exception {
        Jar connect = new Jar("connect", "hubspot", "--no-browser", "--data-dir", dataDir.toString());

        visit(Decision.ALLOW, URI.create(connect.awaitLine(l -> l.startsWith("http://"))));

        assertThat(connect.awaitExit()).isZero();
        assertThat(connect.stdout).anyMatch(l -> l.matches("Connected HubSpot: source [0-9a-f-]{36}, \\d+ streams"));
    }

    @Test
    void connectHubSpotAgainstASeparateDemoServer_exitsZero() throws Exception {
        Jar server = new Jar("demo-server", "--latency", "0");
        String base = server.awaitLine(l -> l.startsWith("Airbyte simulator listening at "))
                .substring("Airbyte simulator listening at ".length());

        Jar connect = new Jar("connect", "hubspot", "--no-browser", "--airbyte-url", base, "--data-dir",
                dataDir.toString());
        String link = connect.awaitLine(l -> l.startsWith("http://"));
        visit(Decision.ALLOW, URI.create(link));

        assertThat(connect.awaitExit()).isZero();
        assertThat(URI.create(link).getPort()).isEqualTo(URI.create(base).getPort());
        assertThat(connect.stdout).anyMatch(l -> l.startsWith("Connected HubSpot: source "));
    }

    @Test
    void aDemoConnectionOfOneRun_isConnectedWhenTheNextRunChecksIt() throws Exception {
        Jar connect = new Jar("connect", "hubspot", "--no-browser", "--data-dir", dataDir.toString());
        visit(Decision.ALLOW, URI.create(connect.awaitLine(l -> l.startsWith("http://"))));
        assertThat(connect.awaitExit()).isZero();

        Jar check = new Jar("check", "--data-dir", dataDir.toString());

        assertThat(check.awaitExit()).as(check.stdout + check.stderr.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThat(check.stdout).anyMatch(l -> l.matches("hubspot +\\S.* +connected.*"));
    }

    @Test
    void aDemoServerWithAStateFolder_hasItsSourcesAgainWhenStartedAgain() throws Exception {
        Path state = dataDir.resolve("demo-server-state");
        // Started again at the same address, as an Airbyte is: its connections remember where they were made.
        String port = String.valueOf(dev.onramp.testing.FreePorts.range(1));
        Jar server = new Jar("demo-server", "--latency", "0", "--state-dir", state.toString(), "--port", port);
        String base = server.awaitLine(l -> l.startsWith("Airbyte simulator listening at "))
                .substring("Airbyte simulator listening at ".length());
        Jar connect = new Jar("connect", "hubspot", "--no-browser", "--airbyte-url", base, "--data-dir",
                dataDir.toString());
        visit(Decision.ALLOW, URI.create(connect.awaitLine(l -> l.startsWith("http://"))));
        assertThat(connect.awaitExit()).isZero();
        server.process.destroy();
        server.awaitExit();

        Jar again = new Jar("demo-server", "--latency", "0", "--state-dir", state.toString(), "--port", port);
        String newBase = again.awaitLine(l -> l.startsWith("Airbyte simulator listening at "))
                .substring("Airbyte simulator listening at ".length());
        Jar check = new Jar("check", "--airbyte-url", newBase, "--data-dir", dataDir.toString());

        assertThat(newBase).as("--port keeps the address").isEqualTo(base).contains(":" + port + "/");
        assertThat(check.awaitExit()).as(check.stdout + check.stderr.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThat(again.stdout).anyMatch(l -> l.startsWith("Sources are kept in "));
    }

    @Test
    void twoDemoServersOnOneStateFolder_seeEachOthersSources() throws Exception {
        Path state = dataDir.resolve("shared-state");
        Jar first = new Jar("demo-server", "--latency", "0", "--state-dir", state.toString());
        Jar second = new Jar("demo-server", "--latency", "0", "--state-dir", state.toString());
        String firstBase = first.awaitLine(l -> l.startsWith("Airbyte simulator listening at "))
                .substring("Airbyte simulator listening at ".length());
        String secondBase = second.awaitLine(l -> l.startsWith("Airbyte simulator listening at "))
                .substring("Airbyte simulator listening at ".length());
        Jar connect = new Jar("connect", "hubspot", "--no-browser", "--airbyte-url", firstBase, "--data-dir",
                dataDir.toString());
        visit(Decision.ALLOW, URI.create(connect.awaitLine(l -> l.startsWith("http://"))));
        assertThat(connect.awaitExit()).isZero();

        String source = connect.stdout.stream().filter(l -> l.startsWith("Connected HubSpot: source "))
                .findFirst().orElseThrow().replaceAll("Connected HubSpot: source (\\S+),.*", "$1");

        // The second server, at its own address, answers for the source the first one made.
        java.net.http.HttpResponse<String> found = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(secondBase + "/v1/sources/get"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"sourceId\":\"" + source + "\"}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains(source);
    }

    @Test
    void denyOnTheConsentPage_exitsNonZeroWithTheClearMessage() throws Exception {
        Jar connect = new Jar("connect", "hubspot", "--no-browser", "--data-dir", dataDir.toString());

        visit(Decision.DENY, URI.create(connect.awaitLine(l -> l.startsWith("http://"))));

        assertThat(connect.awaitExit()).isEqualTo(1);
        assertThat(connect.stderr.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .contains("onramp: You declined access on HubSpot.");
    }

    @Test
    void doctorAgainstASeparateDemoServer_checksItAndLogsToTheDataFolderNotTheConsole() throws Exception {
        Jar server = new Jar("demo-server", "--latency", "0");
        String base = server.awaitLine(l -> l.startsWith("Airbyte simulator listening at "))
                .substring("Airbyte simulator listening at ".length());

        Jar doctor = new Jar("doctor", "--airbyte-url", base, "--data-dir", dataDir.toString());

        doctor.awaitLine(l -> l.contains(" Connections: "));
        doctor.awaitExit();
        assertThat(doctor.stdout).hasSize(8).first().asString().startsWith("✓ Airbyte: " + base + " answers");
        assertThat(doctor.stdout).anyMatch(l -> l.startsWith("✓ Clock: "));
        assertThat(doctor.stderr.get(WAIT.toSeconds(), TimeUnit.SECONDS)).doesNotContain("DEBUG", "INFO");
        assertThat(Files.readString(dataDir.resolve("logs").resolve("onramp.log")))
                .contains("DEBUG", "POST workspaces/list_by_organization_id -> 200");
    }

    @Test
    void sigtermWhileWaitingForTheBrowser_recordsTheCancelInTheJournalAndAuditBeforeTheDatabaseCloses()
            throws Exception {
        Jar connect = new Jar("connect", "hubspot", "--no-browser", "--data-dir", dataDir.toString());
        connect.awaitLine(l -> l.startsWith("Waiting for you in the browser"));

        // SIGTERM, as `timeout` sends (Ctrl+C's SIGINT runs the same shutdown); through the handle, which
        // leaves the process's output streams open to be read to their end.
        connect.process.toHandle().destroy();
        connect.awaitExit();

        String stderr = connect.stderr.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(stderr.lines().filter(l -> l.matches(".* (ERROR|WARN) .*"))
                // This computer's lack of a system key store is said on every start; it is not about the stop.
                .filter(l -> !l.contains("KekStores"))).as(stderr).isEmpty();
        assertThat(stderr).contains("onramp: Connecting HubSpot was cancelled.");
        FlowRecord flow;
        try (Database db = Database.open(dataDir)) {
            flow = new FlowJournal(db, Clock.systemUTC()).recent(1).getFirst();
        }
        assertThat(flow.state()).isEqualTo(FlowState.CANCELLED);
        assertThat(flow.reason()).hasValue("Connecting HubSpot was cancelled.");
        Path exported = dataDir.resolve("audit.jsonl");
        Jar export = new Jar("audit", "export", "--format=jsonl", "--out=" + exported, "--data-dir", dataDir.toString());
        assertThat(export.awaitExit()).isZero();
        assertThat(Files.readAllLines(exported)).anySatisfy(line -> assertThat(line)
                .contains("\"action\":\"connect.cancelled\"", "\"resource\":\"flow/" + flow.id() + "\""));
    }

    private static void visit(Decision decision, URI link) {
        ScriptedBrowser browser = new ScriptedBrowser(decision);
        browser.open(link);
        browser.awaitVisit(WAIT);
    }
}
