package dev.onramp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class StartupProbeTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final AtomicInteger exits = new AtomicInteger();
    private ProgressIndicator loading;
    private Scene scene;

    @Start
    void start(Stage stage) {
        loading = new ProgressIndicator();
        loading.setId("hub-loading");
        StackPane hub = new StackPane(loading);
        hub.setId("hub");
        scene = new Scene(hub, 200, 100);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(StartupProbe.PROPERTY);
    }

    @Test
    void whileTheHubIsLoading_reportsItsFirstFrameOnceAndStaysOpen(FxRobot robot) throws Exception {
        StartupProbe probe = new StartupProbe(out, Optional.of(exits::incrementAndGet));
        robot.interact(() -> probe.watch(scene));

        robot.interact(() -> scene.getRoot().requestLayout());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !printed().isEmpty());
        robot.interact(() -> scene.getRoot().requestLayout());

        assertThat(printed()).isEqualTo(StartupProbe.LINE + System.lineSeparator());
        assertThat(exits).hasValue(0);
    }

    @Test
    void withoutTheHub_printsNothing(FxRobot robot) {
        StartupProbe probe = new StartupProbe(out, Optional.of(exits::incrementAndGet));
        robot.interact(() -> scene.getRoot().setId("startup-failure-screen"));
        robot.interact(() -> probe.watch(scene));

        robot.interact(() -> loading.setVisible(false));
        robot.interact(() -> scene.getRoot().requestLayout());

        assertThat(printed()).isEmpty();
    }

    @Test
    void onceLoaded_reportsTheHubReadyOnceAndExits(FxRobot robot) throws Exception {
        StartupProbe probe = new StartupProbe(out, Optional.of(exits::incrementAndGet));
        robot.interact(() -> probe.watch(scene));

        robot.interact(() -> loading.setVisible(false));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> exits.get() > 0);
        robot.interact(() -> scene.getRoot().requestLayout());

        assertThat(printed()).isEqualTo(StartupProbe.LINE + System.lineSeparator()
                + StartupProbe.READY_LINE + System.lineSeparator());
        assertThat(exits).hasValue(1);
    }

    @Test
    void checksMode_waitsAfterReadyUntilNoTileIsCheckingItsConnection_thenSaysSoAndExits(FxRobot robot)
            throws Exception {
        Label checking = new Label("Checking…");
        checking.getStyleClass().add("tile-checked");
        robot.interact(() -> ((StackPane) scene.getRoot()).getChildren().add(checking));
        System.setProperty(StartupProbe.PROPERTY, "checks");
        StartupProbe probe = StartupProbe.fromSystemProperty(out, exits::incrementAndGet).orElseThrow();
        robot.interact(() -> probe.watch(scene));

        robot.interact(() -> loading.setVisible(false));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> printed().contains(StartupProbe.READY_LINE));
        robot.interact(() -> scene.getRoot().requestLayout());
        assertThat(exits).as("still checking").hasValue(0);

        robot.interact(() -> checking.setText("Checked just now"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> exits.get() > 0);

        assertThat(printed()).endsWith(StartupProbe.READY_LINE + System.lineSeparator() + StartupProbe.CHECKED_LINE
                + System.lineSeparator());
    }

    @Test
    void printMode_reportsTheHubAndLeavesTheAppRunning(FxRobot robot) throws Exception {
        System.setProperty(StartupProbe.PROPERTY, "print");
        StartupProbe probe = StartupProbe.fromSystemProperty(out, exits::incrementAndGet).orElseThrow();
        robot.interact(() -> probe.watch(scene));

        robot.interact(() -> loading.setVisible(false));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> printed().contains(StartupProbe.READY_LINE));

        assertThat(printed()).startsWith(StartupProbe.LINE);
        assertThat(exits).hasValue(0);
    }

    @Test
    void trainMode_pressesConnectOnceReadyAndExitsWhenTheTileShowsItConnected(FxRobot robot) throws Exception {
        Label status = new Label();
        status.getStyleClass().add("tile-status");
        Button connect = new Button("Connect");
        connect.getStyleClass().add("connect-button");
        // As in the hub, a connected tile shows its Streams button, made when it first connects.
        VBox tile = new VBox(status, connect);
        connect.setOnAction(event -> {
            status.setText("Connected · 3 streams");
            Button streams = new Button("Streams");
            streams.getStyleClass().add("streams-button");
            tile.getChildren().add(streams);
        });
        tile.setId("tile-" + StartupProbe.TRAINING_PROVIDER);
        robot.interact(() -> ((StackPane) scene.getRoot()).getChildren().add(tile));
        System.setProperty(StartupProbe.PROPERTY, "train");
        StartupProbe probe = StartupProbe.fromSystemProperty(out, exits::incrementAndGet).orElseThrow();
        robot.interact(() -> probe.watch(scene));

        robot.interact(() -> loading.setVisible(false));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> exits.get() > 0);

        assertThat(StartupProbe.training()).isTrue();
        assertThat(printed()).isEqualTo(StartupProbe.LINE + System.lineSeparator() + StartupProbe.READY_LINE
                + System.lineSeparator() + StartupProbe.CONNECTED_LINE + System.lineSeparator());
        assertThat(exits).hasValue(1);
    }

    @Test
    void trainMode_searchesForTheProviderWhoseTileIsNotInView_thenPressesConnect(FxRobot robot) throws Exception {
        Label status = new Label();
        status.getStyleClass().add("tile-status");
        Button connect = new Button("Connect");
        connect.getStyleClass().add("connect-button");
        // As in the hub, a connected tile shows its Streams button, made when it first connects.
        VBox tile = new VBox(status, connect);
        connect.setOnAction(event -> {
            status.setText("Connected · 3 streams");
            Button streams = new Button("Streams");
            streams.getStyleClass().add("streams-button");
            tile.getChildren().add(streams);
        });
        tile.setId("tile-" + StartupProbe.TRAINING_PROVIDER);
        javafx.scene.control.TextField search = new javafx.scene.control.TextField();
        search.setId("hub-search");
        // As in the hub, the tile exists only once a search shows it.
        search.textProperty().subscribe(text -> {
            if (text.equals(StartupProbe.TRAINING_PROVIDER)) {
                ((StackPane) scene.getRoot()).getChildren().add(tile);
            }
        });
        robot.interact(() -> ((StackPane) scene.getRoot()).getChildren().add(search));
        StartupProbe probe = new StartupProbe(out, Optional.of(exits::incrementAndGet),
                Optional.of(StartupProbe.TRAINING_PROVIDER));
        robot.interact(() -> probe.watch(scene));

        robot.interact(() -> loading.setVisible(false));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> exits.get() > 0);

        assertThat(search.getText()).isEqualTo(StartupProbe.TRAINING_PROVIDER);
        assertThat(printed()).endsWith(StartupProbe.CONNECTED_LINE + System.lineSeparator());
    }

    @Test
    void searchMode_typesEachKeystrokeIntoTheSearchAfterReady_timesEachToItsFrame_thenExits(FxRobot robot)
            throws Exception {
        javafx.scene.control.TextField search = new javafx.scene.control.TextField();
        search.setId("hub-search");
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        search.textProperty().subscribe(text -> seen.add(text));
        robot.interact(() -> ((StackPane) scene.getRoot()).getChildren().add(search));
        StartupProbe probe = new StartupProbe(out, Optional.of(exits::incrementAndGet), Optional.empty(), false,
                StartupProbe.keystrokes(java.util.List.of("ab", "c")));
        robot.interact(() -> probe.watch(scene));

        robot.interact(() -> loading.setVisible(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exits.get() == 1);

        assertThat(seen).containsSubsequence("a", "ab", "", "c", "");
        assertThat(printed().lines().filter(line -> line.startsWith(StartupProbe.KEYSTROKE_LINE))).hasSize(5)
                .allSatisfy(line -> assertThat(Long.parseLong(line.substring(StartupProbe.KEYSTROKE_LINE.length())))
                        .isNotNegative());
        assertThat(printed()).endsWith(StartupProbe.SEARCHED_LINE + System.lineSeparator());
    }

    @Test
    void withoutTheProperty_thereIsNoProbe() {
        assertThat(StartupProbe.fromSystemProperty(out, exits::incrementAndGet)).isEmpty();
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
