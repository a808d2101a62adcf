package dev.onramp;

import dev.onramp.ui.FxExecutor;
import dev.onramp.ui.hub.TileModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;

/**
 * Tells a script when the hub is first laid out, by printing {@value #LINE}, and when it has loaded
 * its businesses and connections, by printing {@value #READY_LINE}; on a scripted run it then closes
 * the app: for the AOT training run, the benchmarks and the packaged smoke test (docs/adr/0010, 0015).
 * The training run also connects one provider in demo mode first and prints {@value #CONNECTED_LINE};
 * the search run types searches into the hub and times each keystroke to its frame.
 */
final class StartupProbe implements Runnable {
    /**
     * System property that turns the probe on: {@code print} reports the hub, {@code exit} also closes
     * the app, {@code checks} closes it once the connection checks have settled, {@code search} once it has
     * typed and timed {@link #SEARCHES}, {@code train}
     * connects {@value #TRAINING_PROVIDER} through the simulator before closing it.
     */
    static final String PROPERTY = "onramp.startup.probe";
    /** The line printed on standard output after the layout pass of the hub's first frame. */
    static final String LINE = "onramp: hub shown";
    /** The line printed once the hub has its businesses and connections and can be used in full. */
    static final String READY_LINE = "onramp: hub ready";
    /** The line the training run prints once the hub shows the provider it connected as connected. */
    static final String CONNECTED_LINE = "onramp: demo connected";
    /** The line printed once no tile is still checking its connection, after "hub ready". */
    static final String CHECKED_LINE = "onramp: checks settled";
    /** The line printed for each keystroke of the {@code search} probe: how long until its frame was laid out. */
    static final String KEYSTROKE_LINE = "onramp: keystroke µs ";
    /** The line printed once the {@code search} probe has typed every search. */
    static final String SEARCHED_LINE = "onramp: searches typed";
    /** What the {@code search} probe types, a letter at a time, clearing the field after each. */
    static final List<String> SEARCHES = List.of("shopify", "invoices", "quickbooks", "zendesk", "ads spend", "shopfiy");
    /** The provider the training run connects: plain OAuth, nothing to type. */
    static final String TRAINING_PROVIDER = "hubspot";

    private final PrintStream out;
    private final Optional<Runnable> exit;
    private final Optional<String> connect;
    private final boolean awaitChecks;
    private final List<String> keystrokes;
    private Scene scene;
    private boolean shown;
    private boolean ready;
    private boolean pressed;
    private int typed;
    private boolean keystrokePending;
    private long typedAt;

    StartupProbe(PrintStream out, Optional<Runnable> exit) {
        this(out, exit, Optional.empty());
    }

    /** {@code connect}: the provider whose Connect button is pressed once the hub is ready, before exiting. */
    StartupProbe(PrintStream out, Optional<Runnable> exit, Optional<String> connect) {
        this(out, exit, connect, false);
    }

    /** {@code awaitChecks}: after "hub ready", waits until the tiles' connection checks have settled, and says so. */
    StartupProbe(PrintStream out, Optional<Runnable> exit, Optional<String> connect, boolean awaitChecks) {
        this(out, exit, connect, awaitChecks, List.of());
    }

    /** {@code keystrokes}: after "hub ready", what the search field shows after each keystroke, typed in turn and timed. */
    StartupProbe(PrintStream out, Optional<Runnable> exit, Optional<String> connect, boolean awaitChecks,
            List<String> keystrokes) {
        this.out = Objects.requireNonNull(out, "out");
        this.exit = Objects.requireNonNull(exit, "exit");
        this.connect = Objects.requireNonNull(connect, "connect");
        this.awaitChecks = awaitChecks;
        this.keystrokes = List.copyOf(keystrokes);
    }

    /** Each search typed a letter at a time, then cleared: the field's text after every keystroke. */
    static List<String> keystrokes(List<String> searches) {
        List<String> texts = new ArrayList<>();
        for (String search : searches) {
            for (int i = 1; i <= search.length(); i++) {
                texts.add(search.substring(0, i));
            }
            texts.add("");
        }
        return texts;
    }

    /** The probe the system property asks for, if any; {@code exit} closes the app. */
    static Optional<StartupProbe> fromSystemProperty(PrintStream out, Runnable exit) {
        return switch (System.getProperty(PROPERTY, "")) {
            case "print" -> Optional.of(new StartupProbe(out, Optional.empty()));
            case "exit" -> Optional.of(new StartupProbe(out, Optional.of(exit)));
            case "checks" -> Optional.of(new StartupProbe(out, Optional.of(exit), Optional.empty(), true));
            case "search" -> Optional.of(new StartupProbe(out, Optional.of(exit), Optional.empty(), false,
                    keystrokes(SEARCHES)));
            case "train" -> Optional.of(new StartupProbe(out, Optional.of(exit), Optional.of(TRAINING_PROVIDER)));
            default -> Optional.empty();
        };
    }

    /** True for the installer's training run, which answers the simulator's consent page itself. */
    static boolean training() {
        return System.getProperty(PROPERTY, "").equals("train");
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
        if (!ready) {
            if (showing("#hub-loading") || showing("#hub-opening")) {
                return;
            }
            ready = true;
            print(READY_LINE);
            // Only the tiles in view exist: the provider is searched for, as a person would find it.
            connect.ifPresent(provider -> Optional.ofNullable(scene.lookup("#hub-search"))
                    .filter(TextInputControl.class::isInstance)
                    .ifPresent(search -> new FxExecutor().execute(() -> ((TextInputControl) search).setText(provider))));
        }
        if (connect.isPresent()) {
            if (!pressed) {
                // Pressed after the layout pass that shows it, as a person's click would be.
                connectButton(connect.get()).ifPresent(button -> {
                    pressed = true;
                    new FxExecutor().execute(button::fire);
                });
                return;
            }
            if (!connected(connect.get())) {
                return;
            }
            print(CONNECTED_LINE);
        }
        if (awaitChecks) {
            if (checking()) {
                return;
            }
            print(CHECKED_LINE);
        }
        if (!keystrokes.isEmpty() && !searched()) {
            return;
        }
        scene.removePostLayoutPulseListener(this);
        exit.ifPresent(Runnable::run);
    }

    /**
     * Types the next keystroke into the hub's search after this layout pass, as a person's would be,
     * and times it to the layout pass of the frame that shows its results; true once all are typed.
     */
    private boolean searched() {
        if (keystrokePending) {
            return false;
        }
        if (typedAt != 0) {
            print(KEYSTROKE_LINE + (System.nanoTime() - typedAt) / 1000);
            typedAt = 0;
        }
        if (typed == keystrokes.size()) {
            print(SEARCHED_LINE);
            return true;
        }
        String text = keystrokes.get(typed++);
        keystrokePending = true;
        new FxExecutor().execute(() -> {
            keystrokePending = false;
            typedAt = System.nanoTime();
            ((TextInputControl) scene.lookup("#hub-search")).setText(text);
        });
        return false;
    }

    private Optional<Button> connectButton(String provider) {
        return tile(provider).map(tile -> tile.lookup(".connect-button"))
                .filter(Button.class::isInstance).map(Button.class::cast);
    }

    /** True once the provider's tile shows its Streams button, which it does while it is connected, in any language. */
    private boolean connected(String provider) {
        return tile(provider).map(tile -> tile.lookup(".streams-button")).filter(Node::isVisible).isPresent();
    }

    /** True while a tile says its connection is being checked. */
    private boolean checking() {
        return scene.getRoot().lookupAll(".tile-checked").stream().filter(Labeled.class::isInstance)
                .anyMatch(label -> TileModel.checkingText().equals(((Labeled) label).getText()));
    }

    private Optional<Node> tile(String provider) {
        return Optional.ofNullable(scene.lookup("#tile-" + provider));
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
