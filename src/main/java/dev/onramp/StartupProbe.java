package dev.onramp;

import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Tells a script when the hub is first laid out with its businesses loaded, by printing {@value #LINE},
 * and on a scripted run then closes the app: for the AOT training run, the benchmarks and the
 * packaged smoke test (docs/adr/0005).
 */
final class StartupProbe implements Runnable {
    /** System property that turns the probe on: {@code print} reports the hub, {@code exit} also closes the app. */
    static final String PROPERTY = "onramp.startup.probe";
    /** The line printed on standard output once the hub can be used. */
    static final String LINE = "onramp: hub shown";

    private final PrintStream out;
    private final Optional<Runnable> exit;
    private Scene scene;

    StartupProbe(PrintStream out, Optional<Runnable> exit) {
        this.out = Objects.requireNonNull(out, "out");
        this.exit = Objects.requireNonNull(exit, "exit");
    }

    /** The probe the system property asks for, if any; {@code exit} closes the app. */
    static Optional<StartupProbe> fromSystemProperty(PrintStream out, Runnable exit) {
        return switch (System.getProperty(PROPERTY, "")) {
            case "print" -> Optional.of(new StartupProbe(out, Optional.empty()));
            case "exit" -> Optional.of(new StartupProbe(out, Optional.of(exit)));
            default -> Optional.empty();
        };
    }

    /** Watches {@code scene}, which shows the hub, until its loading indicator is gone; call it on the FX thread. */
    void watch(Scene hubScene) {
        scene = Objects.requireNonNull(hubScene, "hubScene");
        scene.addPostLayoutPulseListener(this);
    }

    /** Runs after each layout pass: the pass that hides the hub's loading indicator is the one drawn next. */
    @Override
    public void run() {
        Node loading = scene.lookup("#hub-loading");
        if (loading == null || loading.isVisible()) {
            return;
        }
        scene.removePostLayoutPulseListener(this);
        out.println(LINE);
        out.flush();
        exit.ifPresent(Runnable::run);
    }
}
