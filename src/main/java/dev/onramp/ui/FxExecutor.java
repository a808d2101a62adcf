package dev.onramp.ui;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** Runs work on the JavaFX application thread; the one place in Onramp that calls {@code Platform.runLater}. */
public final class FxExecutor implements Executor {
    @Override
    public void execute(Runnable command) {
        Platform.runLater(command);
    }
}
