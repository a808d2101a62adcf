package dev.onramp.ui.help;

import dev.onramp.diagnostics.BundledLibraries;
import dev.onramp.diagnostics.Versions;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the Help menu tells about Onramp: its version, data folder, the libraries it ships with their
 * licences and the logos' notice (About Onramp), the keyboard shortcuts, and its documentation online.
 */
public final class HelpTopics {
    /** Onramp's documentation online: the README of its repository, which the docs folder hangs off. */
    public static final URI DOCUMENTATION = URI.create("https://github.com/onramp-dev/onramp#readme");

    /** The keyboard shortcuts the window has, each with what it does, in the order the dialog lists them. */
    public static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Ctrl+F (⌘F on a Mac)", "Search the providers"),
            new Shortcut("Typing a letter", "Searches the providers, wherever the hub has the focus"),
            new Shortcut("Escape", "Clears the search; in a dialog, closes it"),
            new Shortcut("Ctrl+Shift+A (⌘⇧A on a Mac)", "Help → Activity…: the audit trail of what was done"),
            new Shortcut("F10", "Opens the menu bar's first menu; the arrow keys move between menus"),
            new Shortcut("Alt+B, Alt+V, Alt+H", "Opens the Business, View or Help menu (the underlined letter)"),
            new Shortcut("Arrow keys", "On a tile: move to the next tile's button, left, right, up or down"),
            new Shortcut("Tab, Shift+Tab", "Moves to the next or the previous control"),
            new Shortcut("Space or Enter", "Presses the button or link that has the focus"));

    private final Supplier<Path> dataFolder;
    private final Consumer<URI> browser;
    private final Executor background;
    private final Executor fx;

    /**
     * @param dataFolder the data folder; may block until the app's services are there
     * @param browser opens an address in the system's browser (the app's own launcher); may block
     */
    public HelpTopics(Supplier<Path> dataFolder, Consumer<URI> browser, Executor background, Executor fx) {
        this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
        this.browser = Objects.requireNonNull(browser, "browser");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** What About Onramp shows, read off the FX thread and handed over on it. */
    public CompletionStage<About> about() {
        return CompletableFuture.supplyAsync(() -> new About(Versions.current().onramp(),
                dataFolder.get().toAbsolutePath(), BundledLibraries.all(), BundledLibraries.logosNotice()), background)
                .thenApplyAsync(about -> about, fx);
    }

    /** Opens {@link #DOCUMENTATION} in the browser, off the FX thread. */
    public void openDocumentation() {
        background.execute(() -> browser.accept(DOCUMENTATION));
    }

    /** About Onramp's contents. */
    public record About(String version, Path dataFolder, List<BundledLibraries.Library> libraries, String logosNotice) {}

    /** A key or keys and what they do. */
    public record Shortcut(String keys, String does) {}
}
