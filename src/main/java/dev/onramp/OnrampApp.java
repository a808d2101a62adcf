package dev.onramp;

import dev.onramp.demo.TrainingConsent;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.oauth.SystemBrowserLauncher;
import dev.onramp.ui.FxExecutor;
import dev.onramp.ui.MainWindow;
import dev.onramp.ui.UiServices;
import dev.onramp.ui.common.StartupView;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: draws the hub from the bundled catalog at once, then opens the store and
 * starts the simulator in the background; the hub fills in its businesses when they are there.
 */
public final class OnrampApp extends Application {
    private static final String DATA_DIR = "data-dir";
    private static final String AIRBYTE_URL = "airbyte-url";
    private static final String LATENCY = "simulator-latency";
    private static final String CONSENT_TIMEOUT = "consent-timeout";

    /** The app once started; it is closed when the window closes. */
    private final CompletableFuture<AppContext> context = new CompletableFuture<>();
    /** Whether the start in the background has begun; FX thread only. */
    private boolean starting;

    /** Starts the window and returns when it is closed. */
    public static void launch(AppOptions options) {
        List<String> args = new ArrayList<>();
        args.add("--" + DATA_DIR + "=" + options.dataDir());
        options.airbyteUrl().ifPresent(url -> args.add("--" + AIRBYTE_URL + "=" + url));
        args.add("--" + LATENCY + "=" + options.simulatorLatency());
        args.add("--" + CONSENT_TIMEOUT + "=" + options.consentTimeout());
        Application.launch(OnrampApp.class, args.toArray(String[]::new));
    }

    @Override
    public void start(Stage stage) {
        AppOptions options = optionsFrom(getParameters().getNamed());
        FxExecutor fx = new FxExecutor();
        AppContext.Opening opening;
        try {
            opening = AppContext.opening(options);
        } catch (IllegalStateException e) {
            // A missing or broken catalog leaves nothing to draw the hub from.
            StartupView failed = new StartupView();
            failed.showFailure(e.getMessage(), Platform::exit);
            MainWindow.prepare(stage, failed.root());
            stage.show();
            return;
        }
        MainWindow.showOpening(stage, opening.catalog(), opening.demo(), opening.airbyteDescription(), fx,
                context.thenApply(app -> services(app, fx)), Platform::exit);
        Scene scene = stage.getScene();
        StartupProbe.fromSystemProperty(System.out, Platform::exit).ifPresent(probe -> probe.watch(scene));
        // The store opens and the simulator starts once the hub's first frame is laid out, so that
        // they do not compete with it for the processor.
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                fx.execute(() -> startInBackground(opening));
            }
        });
    }

    @Override
    public void stop() {
        if (starting) {
            // A start still under way is waited for, so that the store it opens is closed properly.
            context.handle((app, failure) -> Optional.ofNullable(app)).join().ifPresent(AppContext::close);
        }
    }

    private static UiServices services(AppContext app, FxExecutor fx) {
        return new UiServices(app.catalog(), app.tenants(), app.connect(), app.credentials(), app.settings(),
                app.background(), fx, app.demo(), app.airbyteDescription(), app.diagnostics());
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

    private static AppOptions optionsFrom(Map<String, String> named) {
        Path dataDir = Path.of(named.get(DATA_DIR));
        Optional<URI> airbyte = Optional.ofNullable(named.get(AIRBYTE_URL)).map(URI::create);
        // The installer's training run makes one demo connection with nobody at the browser.
        BrowserLauncher browser = StartupProbe.training() && airbyte.isEmpty()
                ? new TrainingConsent()
                : new SystemBrowserLauncher();
        return new AppOptions(dataDir, airbyte, browser, Duration.parse(named.get(LATENCY)),
                Duration.parse(named.get(CONSENT_TIMEOUT)));
    }
}
