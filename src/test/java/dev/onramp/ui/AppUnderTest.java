package dev.onramp.ui;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.ui.common.UiServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The real app in demo mode over a test's data folder, with the services the window is given. */
public final class AppUnderTest implements AutoCloseable {
    private final AppContext context;
    private boolean closed;

    private AppUnderTest(AppContext context) {
        this.context = context;
    }

    /** Starts the app against the built-in simulator, opening consent pages with {@code browser}. */
    public static AppUnderTest start(Path dataDir, BrowserLauncher browser) {
        return new AppUnderTest(AppContext.start(
                new AppOptions(dataDir, Optional.empty(), browser, Duration.ZERO, Duration.ofMinutes(1))));
    }

    public AppContext context() {
        return context;
    }

    public UiServices services() {
        return servicesOf(context, context.background(), new FxExecutor());
    }

    /** The services of {@code context} as the window takes them, with the given executors. */
    public static UiServices servicesOf(AppContext context, Executor background, Executor fx) {
        return new UiServices(
                context.catalog(),
                context.tenants(),
                context.connect(),
                context.credentials(),
                context.settings(),
                context.redirects(),
                background,
                fx,
                context.demo(),
                context.airbyteDescription(),
                context.diagnostics(),
                context.disconnects(),
                context.demoAirbyte(),
                context.providerLists(),
                context.businessRemoval(),
                Optional.of(context.demoReset()),
                context.theme(),
                Optional.of(context.windowPlacement()),
                context.language());
    }

    /**
     * Hides the window first, which releases the views' listeners, lets pending FX work finish,
     * then closes the app: no late callback reaches a closed app.
     */
    /**
     * Shows the hub on the test's stage at the window's usual size (1080×720), whatever size an earlier
     * test left the shared stage at: only the tiles in view exist, as in the app.
     */
    public static void showHub(Stage stage, UiServices services) {
        MainWindow.show(stage, services);
        usualSize(stage);
    }

    /** Gives the test's stage the app window's usual size. */
    public static void usualSize(Stage stage) {
        stage.setWidth(1080);
        stage.setHeight(720);
    }

    public void closeAfterHiding(Stage stage) throws Exception {
        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        close();
    }

    /** Closes the app once; later calls do nothing, so a test may close it early to inspect its files. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            context.close();
        }
    }
}
