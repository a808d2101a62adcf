package dev.onramp.ui.hub;

import dev.onramp.connect.DemoReset;
import dev.onramp.ui.common.UiText;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executor;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;

/**
 * Puts the trade-show kiosk's demo reset into the window: "Reset demo…" at the end of the Demo menu, and the idle
 * reset's countdown over the hub; after a reset the hub loads its businesses again.
 */
public final class KioskReset {
    /**
     * A hidden setting for screenshots and manual checks only: how long one minute of the idle reset lasts
     * (an ISO-8601 duration such as {@code PT2S}); a minute when not set or unreadable.
     */
    static final String MINUTE_PROPERTY = "onramp.idleReset.minute";

    private KioskReset() {}

    /** Adds both to {@code stage}, whose hub is {@code hub} and Demo menu {@code demoMenu}; on the FX thread. */
    public static void install(Stage stage, Menu demoMenu, HubModel hub, DemoReset reset, Executor background,
            Executor fx, Clock clock) {
        DemoResetModel model = new DemoResetModel(reset, hub::reloadBusinesses, background, fx);
        MenuItem item = new MenuItem(UiText.get("ui.hub.demoReset.menu"));
        item.setId("demo-reset-menu");
        item.disableProperty().bind(model.busyProperty());
        item.setOnAction(e -> model.start(new DemoResetDialog(model, () -> stage)));
        demoMenu.getItems().addAll(new SeparatorMenuItem(), item);
        IdleResetModel idle = new IdleResetModel(model::resetNow, minute(), clock.instant());
        IdleOverlay.install(stage, idle, clock, () -> reset.idleReset().minutes(), background, fx);
    }

    private static Duration minute() {
        String value = System.getProperty(MINUTE_PROPERTY);
        if (value == null) {
            return Duration.ofMinutes(1);
        }
        try {
            Duration parsed = Duration.parse(value);
            return parsed.isNegative() || parsed.isZero() ? Duration.ofMinutes(1) : parsed;
        } catch (DateTimeParseException e) {
            return Duration.ofMinutes(1);
        }
    }
}
