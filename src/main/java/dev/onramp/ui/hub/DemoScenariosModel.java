package dev.onramp.ui.hub;

import dev.onramp.business.DemoAirbyte;
import dev.onramp.business.DemoScenario;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The Demo scenarios window's state: one switch per scenario the built-in simulator can play, each
 * reaching it through the {@link DemoAirbyte} port on {@code background}; a switch the simulator could
 * not follow goes back, and says why. It also says, for the hub's demo banner, which scenarios are on.
 */
public final class DemoScenariosModel {
    /** One scenario with its switch. */
    public static final class Row {
        private final DemoScenario scenario;
        private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);

        private Row(DemoScenario scenario) {
            this.scenario = scenario;
        }

        public DemoScenario scenario() {
            return scenario;
        }

        /** The scenario's name in the window's language, e.g. "Airbyte is slow". */
        public String title() {
            return switch (scenario) {
                case SLOW -> UiText.get("ui.hub.demoScenarios.slow.title");
                case DOWN -> UiText.get("ui.hub.demoScenarios.down.title");
                case SIGN_IN_REFUSED -> UiText.get("ui.hub.demoScenarios.signInRefused.title");
                case CHECK_FAILS -> UiText.get("ui.hub.demoScenarios.checkFails.title");
                case NOT_READY_FOR_OAUTH -> UiText.get("ui.hub.demoScenarios.notReadyForOAuth.title");
            };
        }

        /** What the audience will see while it is on, in the window's language. */
        public String effect() {
            return switch (scenario) {
                case SLOW -> UiText.get("ui.hub.demoScenarios.slow.effect");
                case DOWN -> UiText.get("ui.hub.demoScenarios.down.effect");
                case SIGN_IN_REFUSED -> UiText.get("ui.hub.demoScenarios.signInRefused.effect");
                case CHECK_FAILS -> UiText.get("ui.hub.demoScenarios.checkFails.effect");
                case NOT_READY_FOR_OAUTH -> UiText.get("ui.hub.demoScenarios.notReadyForOAuth.effect");
            };
        }

        /** Whether the scenario is on; setting it switches the simulator. */
        public BooleanProperty onProperty() {
            return on;
        }
    }

    private final DemoAirbyte airbyte;
    private final Executor background;
    private final Executor fx;
    private final List<Row> rows;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper anyOn = new ReadOnlyBooleanWrapper(this, "anyOn", false);
    private boolean reverting;
    /** The last switch sent; each next one waits for it, so the simulator hears them in order. */
    private CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);

    public DemoScenariosModel(DemoAirbyte airbyte, Executor background, Executor fx) {
        this.airbyte = Objects.requireNonNull(airbyte, "airbyte");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.rows = Arrays.stream(DemoScenario.values()).map(Row::new).toList();
        rows.forEach(row -> row.on.addListener((observable, was, now) -> switched(row, now)));
    }

    /** Every scenario, in the order the window lists them. */
    public List<Row> rows() {
        return rows;
    }

    /** The row of {@code scenario}. */
    public Row row(DemoScenario scenario) {
        return rows.stream().filter(row -> row.scenario == scenario).findFirst().orElseThrow();
    }

    /** Switches every scenario off. */
    public void turnAllOff() {
        rows.forEach(row -> row.on.set(false));
    }

    /** For the demo banner: "Demo scenario on: Airbyte is slow", or empty while none is on. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Why the last switch did not reach the simulator; empty when it did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True while any scenario is on. */
    public ReadOnlyBooleanProperty anyOnProperty() {
        return anyOn.getReadOnlyProperty();
    }

    private void switched(Row row, boolean on) {
        refresh();
        if (reverting) {
            return;
        }
        problem.set("");
        sent = sent.exceptionally(earlier -> null).thenRunAsync(() -> airbyte.play(row.scenario, on), background);
        sent.whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                problem.set(on
                        ? UiText.get("ui.hub.demoScenarios.switchOnFailed", row.title(), Failures.message(failure))
                        : UiText.get("ui.hub.demoScenarios.switchOffFailed", row.title(), Failures.message(failure)));
                reverting = true;
                try {
                    row.on.set(!on);
                } finally {
                    reverting = false;
                }
            }
        }, fx);
    }

    private void refresh() {
        List<String> titles = rows.stream().filter(row -> row.on.get()).map(Row::title).toList();
        anyOn.set(!titles.isEmpty());
        note.set(titles.isEmpty() ? ""
                : UiText.get("ui.hub.demoScenarios.note", titles.size(), String.join(", ", titles)));
    }
}
