package dev.onramp.ui.help;

import dev.onramp.diagnostics.BundledLibraries;
import dev.onramp.diagnostics.Versions;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the Help menu tells about Onramp: its version, data folder, the libraries it ships with their
 * licences and the logos' notice (About Onramp), the keyboard shortcuts, and its user guide, which it
 * ships and opens from the data folder, so that it needs no network.
 */
public final class HelpTopics {
    /** The keyboard shortcuts the window has, each with what it does, in the order the dialog lists them. */
    public static List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut(UiText.get("ui.help.shortcut.search.keys"), UiText.get("ui.help.shortcut.search.does")),
                new Shortcut(UiText.get("ui.help.shortcut.typing.keys"), UiText.get("ui.help.shortcut.typing.does")),
                new Shortcut(UiText.get("ui.help.shortcut.escape.keys"), UiText.get("ui.help.shortcut.escape.does")),
                new Shortcut(UiText.get("ui.help.shortcut.activity.keys"),
                        UiText.get("ui.help.shortcut.activity.does")),
                new Shortcut("F10", UiText.get("ui.help.shortcut.menuBar.does")),
                new Shortcut(UiText.get("ui.help.shortcut.menus.keys"), UiText.get("ui.help.shortcut.menus.does")),
                new Shortcut(UiText.get("ui.help.shortcut.arrows.keys"), UiText.get("ui.help.shortcut.arrows.does")),
                new Shortcut(UiText.get("ui.help.shortcut.tab.keys"), UiText.get("ui.help.shortcut.tab.does")),
                new Shortcut(UiText.get("ui.help.shortcut.press.keys"), UiText.get("ui.help.shortcut.press.does")));
    }

    private final Supplier<Path> dataFolder;
    private final Predicate<Path> browser;
    private final Executor background;
    private final Executor fx;

    /**
     * @param dataFolder the data folder; may block until the app's services are there
     * @param browser opens an HTML file on this computer in the system's browser (the app's own launcher), false
     *                when none opened; may block
     */
    public HelpTopics(Supplier<Path> dataFolder, Predicate<Path> browser, Executor background, Executor fx) {
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

    /**
     * Opens the user guide in the window's language in the browser: copies it into the data folder and opens
     * that file, off the FX thread. Completes on the FX thread with the sentence to show when it did not open.
     */
    public CompletionStage<Optional<String>> openDocumentation() {
        Locale language = UiText.locale();
        return CompletableFuture.supplyAsync(() -> openGuide(language), background)
                .exceptionally(failure -> Optional.of(UiText.get("ui.help.guide.failed", Failures.message(failure))))
                .thenApplyAsync(problem -> problem, fx);
    }

    private Optional<String> openGuide(Locale language) {
        Path folder = dataFolder.get();
        Path page;
        try {
            page = GuidePage.write(folder, language);
        } catch (IOException e) {
            return Optional.of(GuidePage.problem(e, folder, language));
        }
        return browser.test(page) ? Optional.empty() : Optional.of(UiText.get("ui.help.guide.noBrowser", page));
    }

    /** About Onramp's contents. */
    public record About(String version, Path dataFolder, List<BundledLibraries.Library> libraries, String logosNotice) {}

    /** A key or keys and what they do. */
    public record Shortcut(String keys, String does) {}
}
