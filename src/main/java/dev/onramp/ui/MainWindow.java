package dev.onramp.ui;

import dev.onramp.business.LanguageSetting;
import dev.onramp.business.ThemeChoice;
import dev.onramp.business.ThemeSetting;
import dev.onramp.business.WindowPlacement;
import dev.onramp.catalog.Catalog;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.ui.activity.ActivityWindow;
import dev.onramp.ui.activity.ExportTarget;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.StartupView;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiServices;
import dev.onramp.ui.common.UiText;
import dev.onramp.ui.help.HelpMenu;
import dev.onramp.ui.help.HelpModel;
import dev.onramp.ui.help.HelpTopics;
import dev.onramp.ui.hub.DemoMenu;
import dev.onramp.ui.hub.DemoMenuModel;
import dev.onramp.ui.hub.DemoScenariosDialog;
import dev.onramp.ui.hub.DemoScenariosModel;
import dev.onramp.ui.hub.HubModel;
import dev.onramp.ui.hub.HubView;
import dev.onramp.ui.hub.KioskReset;
import dev.onramp.ui.language.LanguageMenu;
import dev.onramp.ui.language.LanguageModel;
import dev.onramp.ui.theme.AppTheme;
import dev.onramp.ui.theme.ThemeMenu;
import dev.onramp.ui.theme.ThemeModel;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Subscription;

/**
 * Onramp's main window: puts the Help menu and the hub on the given stage, wired to the app's services, in the
 * theme chosen in View → Theme and the language chosen in View → Language. Choosing another language builds the
 * hub, its menus and their models again in it, on the same stage, over the same services.
 */
public final class MainWindow {
    private final Stage stage;
    private final Catalog catalog;
    private final boolean demo;
    private final String airbyteDescription;
    /** The app's services, once they are built (the store opening). */
    private final CompletionStage<UiServices> services;
    /** Runs blocking work once the services are there, on their executor. */
    private final Executor background;
    private final Executor fx;
    private final Clock clock;
    private final ThemeModel theme;
    private final LanguageModel language;
    /** The services once there; until then the window is opening. FX thread only, as is {@link #content}. */
    private Optional<UiServices> ready = Optional.empty();
    private Content content;
    /** Help → Activity…'s window, made once the services are there; it outlives a language's content. */
    private ActivityWindow activity;

    /** What one language's window is built of; the theme and language models outlive it. */
    private record Content(HubModel hub, HubView view, HelpModel help, HelpMenu menus) {
        void deactivate() {
            view.deactivate();
            hub.deactivate();
        }
    }

    private MainWindow(Stage stage, Catalog catalog, boolean demo, String airbyteDescription,
            CompletionStage<UiServices> services, Executor background, Executor fx, Clock clock, ThemeModel theme,
            LanguageModel language) {
        this.stage = stage;
        this.catalog = catalog;
        this.demo = demo;
        this.airbyteDescription = airbyteDescription;
        this.services = services;
        this.background = background;
        this.fx = fx;
        this.clock = clock;
        this.theme = theme;
        this.language = language;
    }

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
     * call it on the FX thread. Businesses and connections load in the background, and so does the language
     * saved in View → Language, which the window then speaks.
     */
    public static void show(Stage stage, UiServices services) {
        show(stage, services, Clock.systemUTC());
    }

    /** As {@link #show(Stage, UiServices)}, the idle reset of the demo timed by {@code clock} (a test's). */
    static void show(Stage stage, UiServices services, Clock clock) {
        ThemeModel theme = new ThemeModel(ThemeModel.systemColorScheme(),
                CompletableFuture.completedFuture(services.theme()), services.background(), services.fx());
        LanguageModel language = LanguageModel.reading(CompletableFuture.completedFuture(services.language()),
                services.background(), services.fx());
        MainWindow window = new MainWindow(stage, services.catalog(), services.demo(), services.airbyteDescription(),
                CompletableFuture.completedFuture(services), services.background(), services.fx(), clock, theme,
                language);
        window.ready = Optional.of(services);
        window.open(Optional.empty());
        services.windowPlacement().ifPresent(placement -> WindowPlaces.follow(stage, placement, services.background(),
                services.fx()));
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
        showOpening(stage, catalog, demo, airbyteDescription, fx, services, onQuit, ThemeChoice.SYSTEM, Optional.empty(),
                Optional.empty());
    }

    /**
     * As {@link #showOpening(Stage, Catalog, boolean, String, FxExecutor, CompletionStage, Runnable)}, the
     * first frame drawn in {@code savedTheme} at {@code savedPlacement}, both read from the data folder before
     * anything was opened ({@link ThemeSetting#savedIn}, {@link WindowPlacement#savedIn}), with {@code language}
     * chosen in View → Language: the language given for this run, else the one saved ({@link LanguageSetting#savedIn}),
     * empty for the system's; the window speaks it already (the process's display language).
     */
    public static void showOpening(Stage stage, Catalog catalog, boolean demo, String airbyteDescription, FxExecutor fx,
            CompletionStage<UiServices> services, Runnable onQuit, ThemeChoice savedTheme,
            Optional<WindowPlacement.Placement> savedPlacement, Optional<Locale> language) {
        // Copying diagnostics and saving a choice wait for the services; until then the request is held, not refused.
        CompletableFuture<UiServices> ready = services.toCompletableFuture();
        Executor background = work -> ready.thenAccept(s -> s.background().execute(work));
        ThemeModel theme = new ThemeModel(ThemeModel.systemColorScheme(), savedTheme,
                ready.thenApply(UiServices::theme), background, fx);
        LanguageModel languages = new LanguageModel(language, ready.thenApply(UiServices::language), background);
        MainWindow window = new MainWindow(stage, catalog, demo, airbyteDescription, services, background, fx,
                Clock.systemUTC(), theme, languages);
        window.open(savedPlacement);
        services.whenCompleteAsync((started, failure) -> {
            if (failure != null) {
                StartupView failed = new StartupView();
                failed.showFailure(Failures.message(failure), onQuit);
                stage.getScene().setRoot(failed.root());
            } else {
                window.ready = Optional.of(started);
                window.addServices(started);
                // The first frame was drawn where the window was; from now on its place is saved when it closes.
                started.windowPlacement().ifPresent(placement -> WindowPlaces.follow(stage, placement,
                        started.background(), fx, false));
            }
        }, fx);
    }

    /** Builds the window's content, shows the stage (at {@code placement} if given) and follows the two choices. */
    private void open(Optional<WindowPlacement.Placement> placement) {
        Subscription themed = theme.darkProperty().subscribe(AppTheme::apply);
        // After the menu's action has run, so that the menu bar it came from is replaced once it is done with.
        Subscription spoken = language.choiceProperty().subscribe((was, is) -> fx.execute(this::speak));
        build();
        stage.setOnHidden(e -> {
            themed.unsubscribe();
            spoken.unsubscribe();
            content.deactivate();
        });
        placement.ifPresent(at -> WindowPlaces.restore(stage, at));
        stage.show();
        ready.ifPresent(this::addServices);
    }

    /**
     * Makes the window speak the language chosen: the process's display language, then the hub, its menus and their
     * models built again, the old ones let go, and an open Activity window's content too (its filters kept). A
     * dialog open meanwhile keeps the words it has.
     */
    private void speak() {
        Locale spoken = language.language();
        if (!stage.isShowing() || spoken.getLanguage().equals(Locale.getDefault(Locale.Category.DISPLAY).getLanguage())) {
            return;
        }
        Locale.setDefault(Locale.Category.DISPLAY, spoken);
        content.deactivate();
        build();
        ready.ifPresent(this::addServices);
        if (activity != null) {
            activity.speakAgain();
        }
    }

    /** The hub, the Help menu and the View menu (with Theme and Language) on the stage, in the window's language. */
    private void build() {
        HubModel hub = ready.map(HubModel::new)
                .orElseGet(() -> new HubModel(catalog, services, fx, demo, airbyteDescription));
        HelpModel help = new HelpModel(() -> services.toCompletableFuture().join().diagnostics().summary(),
                background, fx, HelpMenu::copyToClipboard);
        if (content != null) {
            hub.showDisconnectedProperty().set(content.hub().showDisconnectedProperty().get());
        }
        HubView view = new HubView(hub);
        HelpMenu menus = new HelpMenu(help);
        menus.addBeforeHelp(view.businessMenu());
        Menu viewMenu = view.viewMenu();
        viewMenu.getItems().addAll(new SeparatorMenuItem(), ThemeMenu.of(theme), LanguageMenu.of(language));
        menus.addBeforeHelp(viewMenu);
        BorderPane root = new BorderPane(view.root());
        root.setTop(menus.root());
        if (stage.getScene() == null) {
            prepare(stage, root);
        } else {
            stage.getScene().setRoot(root);
        }
        view.activate();
        hub.activate();
        content = new Content(hub, view, help, menus);
    }

    /** What needs the services: the key-store notice, the Demo menu, Help → Activity…, About and the documentation. */
    private void addServices(UiServices started) {
        content.help().showKeyStoreNotice(started.diagnostics().keyStoreNotice().map(UiText::render));
        addDemoMenu(started);
        addActivity(started);
        addTopics(started);
    }

    /** Makes Help → About Onramp and Open documentation answer, from the app's services. */
    private void addTopics(UiServices started) {
        content.menus().addTopics(new HelpTopics(started.diagnostics()::dataFolder, started.connect()::openPage,
                started.background(), fx));
    }

    /** Adds Help → Activity…, the audit trail opened on the business the hub shows, in the one Activity window. */
    private void addActivity(UiServices started) {
        if (activity == null) {
            activity = new ActivityWindow(started.diagnostics().activity(), started.background(), fx,
                    ExportTarget.fileChooser());
        }
        HubModel hub = content.hub();
        content.menus().addHelpItem(activity.menuItem(stage,
                () -> Optional.ofNullable(hub.selectedTenantProperty().get()).map(Tenant::id)));
    }

    /** Adds the Demo menu while the built-in simulator runs; it shows while the chosen business uses it. */
    private void addDemoMenu(UiServices started) {
        HubModel hub = content.hub();
        started.demoAirbyte().ifPresent(airbyte -> {
            DemoMenuModel model = new DemoMenuModel(hub.selectedTenantProperty()::get, started.connect()::connections,
                    id -> started.catalog().provider(id).map(Provider::name).orElse(id), airbyte,
                    started.background(), fx);
            DemoMenu menu = new DemoMenu(model, hub.demoProperty(), () -> stage);
            // Demo scenarios live in the Demo menu: they play only in the built-in simulator, which that menu is for.
            DemoScenariosModel scenarios = new DemoScenariosModel(airbyte, started.background(), fx);
            hub.demoScenarioNoteProperty().bind(scenarios.noteProperty());
            menu.menu().getItems().addAll(new SeparatorMenuItem(), DemoScenariosDialog.menuItem(scenarios, () -> stage));
            content.menus().addMenu(menu.menu());
            started.demoReset().ifPresent(reset -> KioskReset.install(stage, menu.menu(), hub, reset,
                    started.background(), fx, clock));
        });
    }
}
