package dev.onramp;

import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Tells a script when the hub is first laid out, by printing {@value #LINE}, and when it has loaded
 * its businesses and connections, by printing {@value #READY_LINE}; on a scripted run it then closes
 * the app: for the AOT training run, the benchmarks and the packaged smoke test (docs/adr/0010, 0011).
 */
final class StartupProbe implements Runnable {
    /** System property that turns the probe on: {@code print} reports the hub, {@code exit} also closes the app. */
    static final String PROPERTY = "onramp.startup.probe";
    /** The line printed on standard output after the layout pass of the hub's first frame. */
    static final String LINE = "onramp: hub shown";
    /** The line printed once the hub has its businesses and connections and can be used in full. */
    static final String READY_LINE = "onramp: hub ready";

    private final PrintStream out;
    private final Optional<Runnable> exit;
    private Scene scene;
    private boolean shown;

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

    /** Watches {@code hubScene} until the hub ({@code #hub}) is laid out and then loaded; call it on the FX thread. */
    void watch(Scene hubScene) {
        scene = Objects.requireNonNull(hubScene, "hubScene");
        scene.addPostLayoutPulseListener(this);
    }

    /**
     * Runs after each layout pass, whose frame is drawn next: the first pass with the hub is its
     * first frame, the pass that hides the loading indicator and the opening note the loaded hub.
     */
    @Override
    public void run() {
        if (scene.lookup("#hub") == null) {
            return;
        }
        if (!shown) {
            shown = true;
            print(LINE);
        }
        if (showing("#hub-loading") || showing("#hub-opening")) {
            return;
        }
        scene.removePostLayoutPulseListener(this);
        print(READY_LINE);
        exit.ifPresent(Runnable::run);
    }

    private boolean showing(String id) {
        Node node = scene.lookup(id);
        return node != null && node.isVisible();
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }
}
