package dev.onramp;

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
import javafx.stage.Stage;

/** The JavaFX application: shows a start-up screen at once, builds the app in the background, then the hub. */
public final class OnrampApp extends Application {
    private static final String DATA_DIR = "data-dir";
    private static final String AIRBYTE_URL = "airbyte-url";
    private static final String LATENCY = "simulator-latency";
    private static final String CONSENT_TIMEOUT = "consent-timeout";

    private volatile AppContext context;

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
        StartupView startup = new StartupView();
        MainWindow.prepare(stage, startup.root());
        stage.show();
        CompletableFuture.supplyAsync(() -> AppContext.start(options), OnrampApp::startInBackground)
                .whenCompleteAsync((app, failure) -> {
                    if (failure != null) {
                        startup.showFailure(rootMessage(failure), Platform::exit);
                        return;
                    }
                    context = app;
                    MainWindow.show(stage, new UiServices(app.catalog(), app.tenants(), app.connect(),
                            app.credentials(), app.settings(), app.background(), fx, app.demo(),
                            app.airbyteDescription(), app.diagnostics()));
                    StartupProbe.fromSystemProperty(System.out, Platform::exit)
                            .ifPresent(probe -> probe.watch(stage.getScene()));
                }, fx);
    }

    @Override
    public void stop() {
        AppContext app = context;
        if (app != null) {
            app.close();
        }
    }

    /** Opening the database and starting the simulator block, so they get a thread of their own. */
    private static void startInBackground(Runnable work) {
        Thread.ofVirtual().name("onramp-start").start(work);
    }

    private static AppOptions optionsFrom(Map<String, String> named) {
        Path dataDir = Path.of(named.get(DATA_DIR));
        Optional<URI> airbyte = Optional.ofNullable(named.get(AIRBYTE_URL)).map(URI::create);
        return new AppOptions(dataDir, airbyte, new SystemBrowserLauncher(), Duration.parse(named.get(LATENCY)),
                Duration.parse(named.get(CONSENT_TIMEOUT)));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof java.util.concurrent.CompletionException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
