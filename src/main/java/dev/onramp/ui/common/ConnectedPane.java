package dev.onramp.ui.common;

import dev.onramp.model.Connection;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** How a connect dialog ends well: what was connected, in a sentence, with Done, View streams and Connect another. */
public final class ConnectedPane {
    /** What the buttons after a connect (or after an end that points at Settings) do besides closing the dialog. */
    public interface Next {
        /** Nothing besides closing: a dialog opened outside the hub. */
        Next NONE = new Next() {
            @Override
            public void viewStreams() {}

            @Override
            public void connectAnother() {}

            @Override
            public void openSettings() {}
        };

        /** Shows the streams of the connection just made. */
        void viewStreams();

        /** Connects another account of the same provider. */
        void connectAnother();

        /** Opens the business's Settings: the way on when Onramp could not reach its Airbyte. */
        void openSettings();
    }

    private ConnectedPane() {}

    /**
     * "Open Settings", shown while {@code message} says Onramp could not reach Airbyte; it closes
     * the dialog ({@code close}) and opens the business's Settings.
     */
    public static Button openSettings(ObservableStringValue message, Next next, Runnable close) {
        Button open = new Button(UiText.get("ui.common.connected.openSettings"));
        open.getStyleClass().add("open-settings-button");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> {
            close.run();
            next.openSettings();
        });
        Visibility.showWhen(open, Bindings.createBooleanBinding(() -> Failures.pointsAtSettings(message.get()), message));
        return open;
    }

    /** How the connection a dialog ends with came about, which its headline says. */
    public enum Made {
        CONNECTED,
        RECONNECTED,
        UPDATED
    }

    /**
     * "Shopify connected — account acme-shop, 11 streams"; the account is left out where it is only
     * the provider's name, as for a sign-in that names no account.
     *
     * @param verb how it came about: "connected", "reconnected" or "updated" (a {@link Made}'s name)
     */
    public static String headline(String providerName, Connection connection, String verb) {
        return headline(providerName, connection, Made.valueOf(verb.toUpperCase(Locale.ROOT)));
    }

    /** "Shopify connected — account acme-shop, 11 streams", in the window's language; see the other headline. */
    public static String headline(String providerName, Connection connection, Made made) {
        String streams = UiText.get("ui.common.connected.streams", connection.streamCount());
        String details = connection.accountLabel() == null || connection.accountLabel().isBlank()
                || connection.accountLabel().equals(providerName) ? streams
                : UiText.get("ui.common.connected.withAccount", connection.accountLabel(), streams);
        return switch (made) {
            case CONNECTED -> UiText.get("ui.common.connected.connected", providerName, details);
            case RECONNECTED -> UiText.get("ui.common.connected.reconnected", providerName, details);
            case UPDATED -> UiText.get("ui.common.connected.updated", providerName, details);
        };
    }

    /**
     * The pane: {@code headline} over the buttons; {@code close} closes the dialog (Done, and before
     * the other two act), {@code offerAnother} whether Connect another applies.
     */
    public static VBox of(ObservableStringValue headline, Next next, boolean offerAnother, Runnable close) {
        Label done = new Label();
        done.setId("connected-headline");
        done.getStyleClass().add("connected-headline");
        done.setGraphic(Icons.of(Feather.CHECK_CIRCLE, "connected-icon"));
        done.setWrapText(true);
        done.setMinHeight(Region.USE_PREF_SIZE);
        done.textProperty().bind(headline);
        Button finish = new Button(UiText.get("ui.common.connected.done"));
        finish.setId("connected-done");
        finish.setDefaultButton(true);
        finish.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        finish.setOnAction(e -> close.run());
        Button streams = new Button(UiText.get("ui.common.connected.viewStreams"));
        streams.setId("connected-streams");
        streams.setOnAction(e -> {
            close.run();
            next.viewStreams();
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, streams, finish);
        if (offerAnother) {
            Button another = new Button(UiText.get("ui.common.connected.connectAnother"));
            another.setId("connected-another");
            another.setOnAction(e -> {
                close.run();
                next.connectAnother();
            });
            buttons.getChildren().add(1, another);
        }
        buttons.getChildren().forEach(node -> ((Region) node).setMinWidth(Region.USE_PREF_SIZE));
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox pane = new VBox(16, done, buttons);
        pane.setId("connected-pane");
        // While the pane shows, Escape presses Done (the dialog's Cancel is hidden then), and so does Enter: Done has
        // the focus from the moment the pane shows.
        finish.cancelButtonProperty().bind(pane.visibleProperty());
        Visibility.focusWhenShown(pane, finish);
        return pane;
    }
}
