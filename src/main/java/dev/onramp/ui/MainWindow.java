package dev.onramp.ui;

import dev.onramp.business.WindowPlacement;
import dev.onramp.business.ThemeSetting;
import dev.onramp.business.ThemeChoice;
import dev.onramp.catalog.Catalog;
import dev.onramp.model.Tenant;
import dev.onramp.ui.activity.ActivityWindow;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.StartupView;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiServices;
import dev.onramp.ui.help.HelpMenu;
import dev.onramp.ui.help.HelpModel;
import dev.onramp.ui.help.HelpTopics;
import dev.onramp.model.Provider;
import dev.onramp.ui.hub.DemoMenu;
import dev.onramp.ui.hub.DemoMenuModel;
import dev.onramp.ui.hub.DemoScenariosDialog;
import dev.onramp.ui.hub.DemoScenariosModel;
import dev.onramp.ui.hub.HubModel;
import dev.onramp.ui.hub.HubView;
import java.util.Optional;
import dev.onramp.ui.hub.KioskReset;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import dev.onramp.ui.theme.AppTheme;
import dev.onramp.ui.theme.ThemeMenu;
import dev.onramp.ui.theme.ThemeModel;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Subscription;

/**
 * Onramp's main window: puts the Help menu and the hub on the given stage, wired to the app's services, in the
 * theme chosen in View → Theme.
 */
public final class MainWindow {
    private MainWindow() {}

    /** Gives {@code stage} the app's title, size and stylesheet with {@code content} in it, e.g. a start-up screen. */
    public static void prepare(Stage stage, Parent content) {
        // The theme comes before the first scene, so that JavaFX never loads its own stylesheet.
        AppTheme.applyFirst();
        Scene scene = new Scene(content, 1080, 720);
        Styles.apply(scene);
        stage.setTitle("Onramp");
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
    }

    /**
     * Shows the hub on {@code stage}, in place of what {@link #prepare} put there if it was called;
     * call it on the FX thread. Businesses and connections load in the background.
     */
    public static void show(Stage stage, UiServices services) {
        show(stage, services, Clock.systemUTC());
    }

    /** As {@link #show(Stage, UiServices)}, the idle reset of the demo timed by {@code clock} (a test's). */
    static void show(Stage stage, UiServices services, Clock clock) {
        HubModel model = new HubModel(services);
        HelpModel help = new HelpModel(services.diagnostics()::summary, services.background(), services.fx(),
                HelpMenu::copyToClipboard, services.diagnostics().keyStoreNotice());
        ThemeModel theme = new ThemeModel(ThemeModel.systemColorScheme(),
                CompletableFuture.completedFuture(services.theme()), services.background(), services.fx());
        HelpMenu menus = show(stage, model, help, theme);
        addDemoMenu(stage, menus, model, services, clock);
        addActivity(stage, menus, model, services);
        addTopics(menus, services);
        services.windowPlacement().ifPresent(placement -> WindowPlaces.follow(stage, placement, services.background(),
                services.fx()));
    }

    /** Makes Help → About Onramp and Open documentation answer, from the app's services. */
    private static void addTopics(HelpMenu menus, UiServices services) {
        menus.addTopics(new HelpTopics(services.diagnostics()::dataFolder, services.connect()::openLink,
                services.background(), services.fx()));
    }

    /** Adds Help → Activity…, the audit trail opened on the business the hub shows. */
    private static void addActivity(Stage stage, HelpMenu menus, HubModel hub, UiServices services) {
        menus.addHelpItem(ActivityWindow.menuItem(services.diagnostics().activity(), services.background(),
                services.fx(), stage, () -> Optional.ofNullable(hub.selectedTenantProperty().get()).map(Tenant::id)));
    }

    /** Adds the Demo menu while the built-in simulator runs; it shows while the chosen business uses it. */
    private static void addDemoMenu(Stage stage, HelpMenu menus, HubModel hub, UiServices services, Clock clock) {
        services.demoAirbyte().ifPresent(airbyte -> {
            DemoMenuModel model = new DemoMenuModel(hub.selectedTenantProperty()::get, services.connect()::connections,
                    id -> services.catalog().provider(id).map(Provider::name).orElse(id), airbyte,
                    services.background(), services.fx());
            DemoMenu menu = new DemoMenu(model, hub.demoProperty(), () -> stage);
            // Demo scenarios live in the Demo menu: they play only in the built-in simulator, which that menu is for.
            DemoScenariosModel scenarios = new DemoScenariosModel(airbyte, services.background(), services.fx());
            hub.demoScenarioNoteProperty().bind(scenarios.noteProperty());
            menu.menu().getItems().addAll(new SeparatorMenuItem(), DemoScenariosDialog.menuItem(scenarios, () -> stage));
            menus.addMenu(menu.menu());
            services.demoReset().ifPresent(reset -> KioskReset.install(stage, menu.menu(), hub, reset,
                    services.background(), services.fx(), clock));
        });
    }

    /**
     * Shows the hub on {@code stage} at once, from the bundled catalog, while {@code services} are
     * still being built (the store opening); call it on the FX thread. The hub says that it is opening
     * the data and keeps what needs the services disabled until they are there. If they cannot be
     * built, the window shows why instead, with a Quit button that runs {@code onQuit}.
     *
     * @param demo whether the app's default Airbyte is the built-in simulator
     * @param airbyteDescription the app's default Airbyte, as the services will describe it
     */
    public static void showOpening(Stage stage, Catalog catalog, boolean demo, String airbyteDescription, FxExecutor fx,
            CompletionStage<UiServices> services, Runnable onQuit) {
        showOpening(stage, catalog, demo, airbyteDescription, fx, services, onQuit, ThemeChoice.SYSTEM, Optional.empty());
    }

    /**
     * As {@link #showOpening(Stage, Catalog, boolean, String, FxExecutor, CompletionStage, Runnable)}, the
     * first frame drawn in {@code savedTheme} at {@code savedPlacement}, both read from the data folder before
     * anything was opened ({@link ThemeSetting#savedIn}, {@link WindowPlacement#savedIn}).
     */
    public static void showOpening(Stage stage, Catalog catalog, boolean demo, String airbyteDescription, FxExecutor fx,
            CompletionStage<UiServices> services, Runnable onQuit, ThemeChoice savedTheme,
            Optional<WindowPlacement.Placement> savedPlacement) {
        HubModel model = new HubModel(catalog, services, fx, demo, airbyteDescription);
        // Copying diagnostics waits for the services; until then the request is held, not refused.
        CompletableFuture<UiServices> ready = services.toCompletableFuture();
        Executor background = work -> ready.thenAccept(s -> s.background().execute(work));
        HelpModel help = new HelpModel(() -> ready.join().diagnostics().summary(), background, fx,
                HelpMenu::copyToClipboard);
        ThemeModel theme = new ThemeModel(ThemeModel.systemColorScheme(), savedTheme,
                ready.thenApply(UiServices::theme), background, fx);
        HelpMenu menus = show(stage, model, help, theme, savedPlacement);
        services.whenCompleteAsync((started, failure) -> {
            if (failure != null) {
                StartupView failed = new StartupView();
                failed.showFailure(Failures.message(failure), onQuit);
                stage.getScene().setRoot(failed.root());
            } else {
                help.showKeyStoreNotice(started.diagnostics().keyStoreNotice());
                addDemoMenu(stage, menus, model, started, Clock.systemUTC());
                addActivity(stage, menus, model, started);
                addTopics(menus, started);
                // The first frame was drawn where the window was; from now on its place is saved when it closes.
                started.windowPlacement().ifPresent(placement -> WindowPlaces.follow(stage, placement,
                        started.background(), fx, false));
            }
        }, fx);
    }

    private static HelpMenu show(Stage stage, HubModel model, HelpModel helpModel, ThemeModel theme) {
        return show(stage, model, helpModel, theme, Optional.empty());
    }

    private static HelpMenu show(Stage stage, HubModel model, HelpModel helpModel, ThemeModel theme,
            Optional<WindowPlacement.Placement> placement) {
        Subscription themed = theme.darkProperty().subscribe(AppTheme::apply);
        HubView view = new HubView(model);
        HelpMenu help = new HelpMenu(helpModel);
        help.addBeforeHelp(view.businessMenu());
        Menu viewMenu = view.viewMenu();
        viewMenu.getItems().addAll(new SeparatorMenuItem(), ThemeMenu.of(theme));
        help.addBeforeHelp(viewMenu);
        BorderPane content = new BorderPane(view.root());
        content.setTop(help.root());
        if (stage.getScene() == null) {
            prepare(stage, content);
        } else {
            stage.getScene().setRoot(content);
        }
        stage.setOnHidden(e -> {
            themed.unsubscribe();
            view.deactivate();
            model.deactivate();
        });
        view.activate();
        model.activate();
        placement.ifPresent(at -> WindowPlaces.restore(stage, at));
        stage.show();
        return help;
    }
}
