package dev.onramp.ui.hub;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.ui.common.ConnectedPane;
import dev.onramp.ui.common.Icons;
import dev.onramp.ui.common.UiText;
import dev.onramp.ui.connect.ConnectDialog;
import dev.onramp.ui.connect.ConnectModel;
import dev.onramp.ui.credentials.CredentialsDialog;
import dev.onramp.ui.credentials.CredentialsModel;
import dev.onramp.ui.settings.SettingsView;
import dev.onramp.ui.summary.SummaryDialog;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import java.util.List;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import dev.onramp.ui.common.Styles;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * The hub screen: the business chooser, the demo banner, the search with its category chips, and the
 * sections of provider tiles; while the store opens it says so, and what needs the store waits.
 */
public final class HubView {
    private final HubModel model;
    private final BorderPane root = new BorderPane();
    private final TileActions tileActions = new Actions();
    private final TileList list;
    private final ListChangeListener<TileModel> tilesListener;
    private final SearchBar search;
    /** Keeps each tile's "checked 2 min ago" true while the hub is shown. */
    private final Timeline clock;

    public HubView(HubModel model) {
        this.model = model;
        clock = new Timeline(new KeyFrame(Duration.seconds(30), e -> model.showTimesAt(Instant.now())));
        clock.setCycleCount(Animation.INDEFINITE);
        list = new TileList(model.sections().sections(), tileActions, model::openConnectorDocs);
        tilesListener = change -> list.forgetViewsBut(model.tiles());
        search = new SearchBar(model.sections(), model.categories());
        root.setTop(new VBox(new HubHeader(model, () -> NewBusinessDialog.open(window(), model.newBusiness()),
                this::openSettings, this::retypeBusiness).root(), banner(), problem(), new ProgressPane(model.progress(), this::openSummary).root(),
                search.root()));
        root.setCenter(list.root());
        search.listenForTyping(root);
        // Enter acts on the focused button or link, as Space does (a text field's own Enter comes first).
        root.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ENTER && !key.isShortcutDown() && !key.isAltDown()
                    && key.getTarget() instanceof ButtonBase button && !button.isDisabled()) {
                button.fire();
                key.consume();
            }
        });
        // The keyboard starts at the search: once the hub shows in a window, the search field has the focus.
        root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).subscribe(showing -> {
            if (Boolean.TRUE.equals(showing)) {
                search.focus();
            }
        });
        root.getStyleClass().add("hub");
        root.setId("hub");
        HubAnnouncements.install(root, model);
    }

    /** Starts following the model; the model must be activated as well. */
    public void activate() {
        model.tiles().addListener(tilesListener);
        clock.play();
    }

    public void deactivate() {
        model.tiles().removeListener(tilesListener);
        clock.stop();
    }

    public Parent root() {
        return root;
    }

    /** The window's View menu: "Show disconnected" shows the business's disconnected connections, greyed, on their tiles. */
    public Menu viewMenu() {
        CheckMenuItem showDisconnected = new CheckMenuItem(UiText.get("ui.hub.menu.view.showDisconnected"));
        showDisconnected.setId("show-disconnected");
        showDisconnected.selectedProperty().bindBidirectional(model.showDisconnectedProperty());
        Menu view = new Menu(UiText.get("ui.hub.menu.view"), null, showDisconnected);
        view.setId("view-menu");
        return view;
    }

    /** The window's Business menu: new, rename, change type and delete the chosen business. */
    public Menu businessMenu() {
        MenuItem create = new MenuItem(UiText.get("ui.hub.menu.business.new"));
        create.setId("menu-new-business");
        create.setOnAction(e -> NewBusinessDialog.open(window(), model.newBusiness()));
        create.disableProperty().bind(model.openingProperty());
        MenuItem rename = new MenuItem(UiText.get("ui.hub.menu.business.rename"));
        rename.setId("menu-rename-business");
        rename.setOnAction(e -> renameBusiness());
        MenuItem retype = new MenuItem(UiText.get("ui.hub.menu.business.retype"));
        retype.setId("menu-retype-business");
        retype.setOnAction(e -> retypeBusiness());
        MenuItem delete = new MenuItem(UiText.get("ui.hub.menu.business.delete"));
        delete.setId("menu-delete-business");
        delete.setOnAction(e -> deleteBusiness());
        for (MenuItem item : List.of(rename, retype, delete)) {
            item.disableProperty().bind(model.selectedTenantProperty().isNull());
        }
        Menu menu = new Menu(UiText.get("ui.hub.menu.business"), null, create, new SeparatorMenuItem(), rename, retype, delete);
        menu.setId("business-menu");
        return menu;
    }

    private void renameBusiness() {
        if (model.selectedTenantProperty().get() != null) {
            BusinessDialogs.rename(window(), model.editBusiness());
        }
    }

    private void retypeBusiness() {
        if (model.selectedTenantProperty().get() != null) {
            BusinessDialogs.retype(window(), model.editBusiness());
        }
    }

    private void deleteBusiness() {
        if (model.selectedTenantProperty().get() != null) {
            BusinessDialogs.delete(window(), model.deleteBusiness());
        }
    }

    private Label banner() {
        Label banner = new Label();
        banner.textProperty().bind(model.demoBannerText());
        banner.setId("demo-banner");
        banner.getStyleClass().add("demo-banner");
        banner.setGraphic(Icons.of(Feather.INFO, "banner-icon"));
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.setMinHeight(Region.USE_PREF_SIZE);
        showWhen(banner, model.demoProperty());
        return banner;
    }

    private HBox problem() {
        Label problem = new Label();
        problem.setId("hub-problem");
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setWrapText(true);
        problem.setGraphic(Icons.of(Feather.ALERT_TRIANGLE, "banner-icon"));
        problem.textProperty().bind(model.problemProperty());
        HBox.setHgrow(problem, Priority.ALWAYS);
        Hyperlink settings = new Hyperlink(UiText.get("ui.hub.problem.openSettings"));
        settings.setId("hub-open-settings");
        settings.setMinWidth(Region.USE_PREF_SIZE);
        settings.setOnAction(e -> openSettings());
        showWhen(settings, model.problemPointsAtSettingsProperty());
        HBox banner = new HBox(12, problem, settings);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("problem-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        showWhen(banner, model.problemProperty().isNotEmpty());
        return banner;
    }

    /** Scrolls the hub so that the provider's tile is in view; false when no section lists it now. */
    public boolean scrollTo(String providerId) {
        return list.scrollTo(providerId);
    }

    /** Opens, over the hub's window, the dialog a tile's button or link asks for. */
    private final class Actions implements TileActions, ConnectDialogs {
        @Override
        public void connect(TileModel tile) {
            model.connect(tile, this);
        }

        @Override
        public void connectWithCredentials(TileModel tile) {
            openCredentialsForm(model.credentials(tile), tile);
        }

        @Override
        public void showStreams(TileModel tile) {
            StreamsDialog.open(window(), tile, this);
        }

        @Override
        public void rename(TileModel tile) {
            tile.connection().ifPresent(connection -> {
                TextInputDialog ask = new TextInputDialog(connection.accountLabel());
                ask.initOwner(window());
                ask.setTitle(UiText.get("ui.hub.rename.title", tile.name()));
                ask.setHeaderText(UiText.get("ui.hub.rename.header", tile.name()));
                ask.setContentText(UiText.get("ui.hub.rename.label"));
                ask.getEditor().setAccessibleText(UiText.get("ui.hub.rename.label"));
                ask.getDialogPane().setId("rename-account");
                Styles.apply(ask.getDialogPane());
                ask.showAndWait().ifPresent(label -> model.rename(tile, label, problem -> {
                    Alert refused = new Alert(Alert.AlertType.WARNING, problem, ButtonType.OK);
                    refused.initOwner(window());
                    refused.setHeaderText(UiText.get("ui.hub.rename.refused"));
                    refused.getDialogPane().setId("rename-refused");
                    Styles.apply(refused.getDialogPane());
                    refused.show();
                }));
            });
        }

        @Override
        public void updateCredentials(TileModel tile) {
            openCredentialsForm(model.updateCredentials(tile), tile);
        }

        @Override
        public void disconnect(TileModel tile) {
            DisconnectDialog.open(window(), model.disconnect(tile), HubView.this::openSettings);
        }

        @Override
        public void reconnect(TileModel tile) {
            openSignIn(model.reconnect(tile), tile);
        }

        @Override
        public void checkNow(TileModel tile) {
            model.checkNow(tile);
        }

        @Override
        public void openSignIn(ConnectModel dialog, TileModel tile) {
            ConnectDialog.open(window(), dialog, afterConnecting(tile));
        }

        @Override
        public void openCredentialsForm(CredentialsModel dialog, TileModel tile) {
            CredentialsDialog.open(window(), dialog, afterConnecting(tile));
        }

        /** View streams and Connect another, after a connect of {@code tile}'s provider. */
        private ConnectedPane.Next afterConnecting(TileModel tile) {
            return new ConnectedPane.Next() {
                @Override
                public void viewStreams() {
                    showStreams(tile);
                }

                @Override
                public void connectAnother() {
                    connect(tile);
                }

                @Override
                public void openSettings() {
                    HubView.this.openSettings();
                }
            };
        }
    }

    /** Continue: the chosen business's summary, over the hub. */
    private void openSummary() {
        if (model.selectedTenantProperty().get() != null) {
            SummaryDialog.open(window(), model.summary());
        }
    }

    private void openSettings() {
        if (model.selectedTenantProperty().get() != null) {
            SettingsView.open(window(), model.settings(), model::readiness, model.redirect(), model.idleResetSetting());
        }
    }

    private Window window() {
        return root.getScene().getWindow();
    }
}
