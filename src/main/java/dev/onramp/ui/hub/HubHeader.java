package dev.onramp.ui.hub;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.model.Tenant;
import dev.onramp.ui.common.Converters;
import dev.onramp.ui.common.UiText;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;

/**
 * The hub's header: the app's name and its Airbyte, the business chooser with the business's type, New
 * business… and Settings…; on one line while the window is wide enough for all of it, else the chooser
 * goes to a second line, so that no word in it is ever cut short.
 */
final class HubHeader {
    private static final double SPACING = 12;

    private final HBox top = new HBox(SPACING);
    private final HBox second = new HBox(SPACING);
    private final VBox title;
    private final HBox business;
    private final HBox buttons;
    private final VBox root = new VBox(8) {
        @Override
        protected void layoutChildren() {
            place();
            super.layoutChildren();
        }
    };
    private boolean oneLine = true;

    /**
     * @param newBusiness opens the New business dialog
     * @param settings opens the chosen business's Settings
     * @param retype asks for the chosen business's type
     */
    HubHeader(HubModel model, Runnable newBusiness, Runnable settings, Runnable retype) {
        Label app = new Label("Onramp");
        app.getStyleClass().add("app-name");
        whole(app);
        Label airbyte = new Label();
        airbyte.setId("airbyte-description");
        airbyte.textProperty().bind(model.airbyteDescriptionProperty());
        airbyte.getStyleClass().add("airbyte-description");
        // A long description (a Cloud workspace's) wraps rather than being cut.
        airbyte.setWrapText(true);
        airbyte.setMinHeight(Region.USE_PREF_SIZE);
        title = new VBox(2, app, airbyte);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMinWidth(0);

        ProgressIndicator loading = new ProgressIndicator();
        loading.setId("hub-loading");
        loading.setPrefSize(20, 20);
        loading.setMinSize(20, 20);
        showWhen(loading, model.loadingProperty());
        Label opening = whole(new Label(model.openingText()));
        opening.setId("hub-opening");
        opening.getStyleClass().add("hint");
        showWhen(opening, model.openingProperty());
        // Typing filters the list, so that a chooser of hundreds of businesses stays usable.
        SearchableComboBox<Tenant> chooser = new SearchableComboBox<>(model.tenants());
        chooser.setId("business-chooser");
        String loadingBusinesses = UiText.get("ui.hub.header.loadingBusinesses");
        chooser.promptTextProperty().bind(model.openingProperty().map(open -> open ? "" : loadingBusinesses));
        chooser.setConverter(Converters.displaying(Tenant::name));
        chooser.valueProperty().bindBidirectional(model.selectedTenantProperty());
        chooser.setAccessibleText(UiText.get("ui.hub.header.business"));
        chooser.setAccessibleHelp(UiText.get("ui.hub.header.business.help"));
        // The kind of business decides the recommendations: shown beside its name, a click changes it.
        Hyperlink type = whole(new Hyperlink());
        type.setId("business-type-link");
        type.textProperty().bind(model.selectedTenantProperty().map(model::businessTypeName).orElse(""));
        type.setTooltip(new Tooltip(UiText.get("ui.hub.header.businessType.help")));
        type.accessibleTextProperty().bind(type.textProperty()
                .map(name -> UiText.get("ui.hub.header.businessType.accessible", name)));
        type.setAccessibleHelp(UiText.get("ui.hub.header.businessType.help"));
        type.setOnAction(e -> retype.run());
        showWhen(type, model.selectedTenantProperty().isNotNull());
        Label label = whole(new Label(UiText.get("ui.hub.header.business")));
        label.setLabelFor(chooser);
        business = new HBox(8, loading, opening, label, chooser, type);
        business.setAlignment(Pos.CENTER_LEFT);
        business.setMinWidth(Region.USE_PREF_SIZE);

        Button create = whole(new Button(UiText.get("ui.hub.header.newBusiness")));
        create.setId("new-business");
        create.setOnAction(e -> newBusiness.run());
        create.disableProperty().bind(model.openingProperty());
        Button open = whole(new Button(UiText.get("ui.hub.header.settings")));
        open.setId("open-settings");
        open.disableProperty().bind(model.selectedTenantProperty().isNull());
        open.setOnAction(e -> settings.run());
        buttons = new HBox(8, create, open);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);

        top.getChildren().setAll(title, business, buttons);
        top.setAlignment(Pos.CENTER_LEFT);
        second.setAlignment(Pos.CENTER_LEFT);
        showWhen(second, Bindings.isNotEmpty(second.getChildren()));
        root.getChildren().setAll(top, second);
        root.getStyleClass().add("header");
        root.setId("hub-header");
    }

    Parent root() {
        return root;
    }

    /** Whether the whole header fits on one line now. */
    boolean oneLine() {
        return oneLine;
    }

    /** Puts the business chooser on the first line when all of it fits there, else on a second line. */
    private void place() {
        double room = root.getWidth() - root.snappedLeftInset() - root.snappedRightInset();
        double all = title.prefWidth(-1) + business.prefWidth(-1) + buttons.prefWidth(-1) + 2 * SPACING;
        boolean fits = room <= 0 || all <= room;
        if (fits == oneLine) {
            return;
        }
        oneLine = fits;
        if (fits) {
            second.getChildren().clear();
            top.getChildren().setAll(title, business, buttons);
        } else {
            top.getChildren().setAll(title, buttons);
            second.getChildren().setAll(business);
        }
    }

    /** A label or button that keeps its whole text: the header makes room by wrapping onto a second line instead. */
    private static <T extends Labeled> T whole(T labeled) {
        labeled.setMinWidth(Region.USE_PREF_SIZE);
        return labeled;
    }
}
