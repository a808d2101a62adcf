package dev.onramp;

import dev.onramp.business.LanguageSetting;
import dev.onramp.business.WindowPlacement;
import dev.onramp.business.ThemeSetting;
import dev.onramp.business.ThemeChoice;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.catalog.Logos;
import dev.onramp.demo.TrainingConsent;
import dev.onramp.ui.FxExecutor;
import dev.onramp.ui.MainWindow;
import dev.onramp.ui.common.StartupView;
import dev.onramp.ui.common.UiServices;
import dev.onramp.ui.common.UiText;
import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window: draws the hub from the bundled catalog, read while JavaFX starts, then opens the store
 * and starts the simulator in the background; the hub fills in its businesses when they are there.
 */
public final class OnrampApp {
    private final AppOptions options;
    private final CompletionStage<Catalog> catalog;
    /** The app once started; it is closed when the window closes. */
    private final CompletableFuture<AppContext> context = new CompletableFuture<>();
    /** Whether the start in the background has begun; FX thread only until the FX thread has ended. */
    private boolean starting;

    /** The window's theme and place as last saved in the data folder, read before JavaFX starts. */
    private final ThemeChoice savedTheme;
    private final Optional<WindowPlacement.Placement> savedPlacement;
    /** The window's language for this run: given with --locale, else the one saved in View → Language, else none. */
    private final Optional<Locale> language;

    private OnrampApp(AppOptions options, CompletionStage<Catalog> catalog) {
        this.options = options;
        // A small file beside the database, read on the launching thread: the first frame is drawn in them.
        this.savedTheme = ThemeSetting.savedIn(options.dataDir());
        this.savedPlacement = WindowPlacement.savedIn(options.dataDir());
        this.language = LanguageSetting.forRun(
                options.localeGiven() ? Optional.of(options.locale()) : Optional.empty(), options.dataDir());
        this.catalog = catalog;
    }

    /** Held so that its level stays set: the JDK's logging forgets loggers no one refers to. */
    private static final java.util.logging.Logger JAVAFX_STARTUP_LOG =
            java.util.logging.Logger.getLogger("javafx");

    /**
     * Starts the window and returns when it is closed; throws {@link WindowUnavailableException} when
     * there is no graphical display to open it on.
     */
    public static void launch(AppOptions options) {
        // The catalog is read on the other core while JavaFX starts on this one (docs/adr/0015).
        CompletableFuture<Catalog> catalog = new CompletableFuture<>();
        Thread.ofPlatform().name("onramp-catalog").daemon().start(() -> {
            try {
                Catalog read = Catalog.bundled();
                Logos.of(""); // the tiles' logos, read before the first tile is drawn
                catalog.complete(read);
            } catch (RuntimeException | Error e) {
                catalog.completeExceptionally(e);
                return;
            }
            preloadWords(catalog.join());
        });
        // While it starts, JavaFX warns on stderr that it was loaded from the class path, as Onramp's one jar
        // and its installers mean it to be (docs/adr/0004); the person should see only Onramp's own words.
        JAVAFX_STARTUP_LOG.setLevel(Level.SEVERE);
        OnrampApp app = new OnrampApp(forThisRun(options), catalog);
        // The window's words follow the language given for this run (--locale), else the one chosen in
        // View → Language, else the system's.
        Locale.setDefault(Locale.Category.DISPLAY, app.language.orElse(options.locale()));
        CompletableFuture<Thread> fxThread = new CompletableFuture<>();
        CompletableFuture<Void> drawn = new CompletableFuture<>();
        startJavaFx(() -> {
            JAVAFX_STARTUP_LOG.setLevel(null);
            fxThread.complete(Thread.currentThread());
            CompletionStage<Void> drawing;
            try {
                drawing = app.start(new Stage());
            } catch (RuntimeException | Error e) {
                drawing = CompletableFuture.failedStage(e);
            }
            drawing.whenComplete((done, failure) -> {
                if (failure == null) {
                    drawn.complete(null);
                } else {
                    // Nothing could be shown, and JavaFX with no window would not end by itself.
                    drawn.completeExceptionally(failure);
                    quit();
                }
            });
        });
        // JavaFX's thread ends once the last window is closed or the app asks to exit.
        awaitEnd(fxThread.join());
        app.stop();
        // A window that could not be drawn ends the launch with what went wrong.
        drawn.join();
    }

    /**
     * Reads what the hub's first frame says its words with — the message bundle, the catalog's texts in the
     * window's language, the locale's date and number formats — on this core while JavaFX is still starting on
     * the other, so that the FX thread finds them cached (docs/adr/0015). By now the window's language is set.
     */
    private static void preloadWords(Catalog catalog) {
        try {
            Locale language = UiText.locale();
            catalog.in(language);
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(language)
                    .format(ZonedDateTime.now());
            NumberFormat.getIntegerInstance(language).format(1);
        } catch (RuntimeException e) {
            // The FX thread reads them itself, and says what is wrong if they are.
        }
    }

    /** Starts JavaFX, which runs {@code first} on its thread; no graphical display is said as such. */
    private static void startJavaFx(Runnable first) {
        try {
            Platform.startup(first);
        } catch (UnsupportedOperationException e) {
            // JavaFX's words for it: "Unable to open DISPLAY" (a terminal over SSH, a server).
            throw new WindowUnavailableException("The window needs a graphical desktop, and there is none here ("
                    + e.getMessage() + "): start Onramp from the desktop, or use its command line (Onramp --help).", e);
        }
    }

    private static void awaitEnd(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The installer's training run makes one demo connection with nobody at the browser. */
    private static AppOptions forThisRun(AppOptions options) {
        if (!StartupProbe.training() || options.airbyteUrl().isPresent()) {
            return options;
        }
        return new AppOptions(options.dataDir(), options.airbyteUrl(), new TrainingConsent(),
                options.simulatorLatency(), options.consentTimeout(), options.locale(), options.localeGiven());
    }

    /** Draws the window once the catalog is read; the stage fails if drawing it does. */
    private CompletionStage<Void> start(Stage stage) {
        FxExecutor fx = new FxExecutor();
        // Nearly always read by now; if not, the window appears when it is, and the FX thread never waits.
        return catalog.handleAsync((read, failure) -> {
            if (failure != null) {
                // A missing or broken catalog leaves nothing to draw the hub from.
                StartupView failed = new StartupView();
                failed.showFailure(cause(failure).getMessage(), OnrampApp::quit);
                MainWindow.prepare(stage, failed.root());
                stage.show();
            } else {
                show(stage, AppContext.opening(options, read), fx);
            }
            return null;
        }, fx);
    }

    private void show(Stage stage, AppContext.Opening opening, FxExecutor fx) {
        MainWindow.showOpening(stage, opening.catalog(), opening.demo(), opening.airbyteDescription(), fx,
                context.thenApply(app -> services(app, fx)), OnrampApp::quit, savedTheme, savedPlacement, language);
        Scene scene = stage.getScene();
        StartupProbe.fromSystemProperty(System.out, OnrampApp::quit).ifPresent(probe -> probe.watch(scene));
        // The store opens and the simulator starts once the hub's first frame is laid out, so that
        // they do not compete with it for the processor.
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                fx.execute(() -> startInBackground(opening));
                // The connectors' specifications, which the hub asks once the store is open, beside it.
                Thread.ofPlatform().name("onramp-specs").daemon().start(ConnectorSpecs::preload);
            }
        });
    }

    /** Closes what the window opened; called once JavaFX has ended. */
    private void stop() {
        if (starting) {
            // A start still under way is waited for, so that the store it opens is closed properly.
            context.handle((app, failure) -> Optional.ofNullable(app)).join().ifPresent(AppContext::close);
        }
    }

    /**
     * Ends the app as closing its window does. JavaFX stops at once when asked on its own thread, so
     * the request waits for the pulse under way (a probe asks from one) to end first.
     */
    private static void quit() {
        new FxExecutor().execute(() -> {
            List.copyOf(Window.getWindows()).forEach(Window::hide);
            Platform.exit();
        });
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static UiServices services(AppContext app, FxExecutor fx) {
        return new UiServices(app.catalog(), app.tenants(), app.connect(), app.credentials(), app.settings(),
                app.redirects(), app.background(), fx, app.demo(), app.airbyteDescription(), app.diagnostics(),
                app.disconnects(), app.demoAirbyte(), app.providerLists(), app.businessRemoval(),
                Optional.of(app.demoReset()), app.theme(), Optional.of(app.windowPlacement()), app.language());
    }

    private void startInBackground(AppContext.Opening opening) {
        starting = true;
        opening.start(OnrampApp::onThreadOfItsOwn).whenComplete((app, failure) -> {
            if (failure != null) {
                context.completeExceptionally(failure);
            } else {
                context.complete(app);
            }
        });
    }

    /** Opening the database and starting the simulator block, so they get a thread of their own. */
    private static void onThreadOfItsOwn(Runnable work) {
        Thread.ofVirtual().name("onramp-start").start(work);
    }
}
