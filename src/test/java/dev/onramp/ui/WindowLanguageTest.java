package dev.onramp.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.business.LanguageSetting;
import dev.onramp.business.ThemeChoice;
import dev.onramp.catalog.Catalog;
import dev.onramp.store.WindowPreferences;
import dev.onramp.ui.common.Screenshots;
import dev.onramp.ui.activity.ActivityModel;
import dev.onramp.ui.common.UiServices;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View → Language in the real window over a real data folder: a language chosen there is spoken at once by the
 * window's menus (and an open Activity window), remembered in the window's preferences file, and spoken by the next
 * window over that folder; System brings back the system's language (English: the tests run with -Duser.language=en).
 */
@ExtendWith(ApplicationExtension.class)
class WindowLanguageTest {
    @TempDir
    Path dataDir;

    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeApp() throws Exception {
        try {
            if (app != null) {
                app.closeAfterHiding(stage);
            } else {
                WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
            }
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void choosingDeutsch_speaksGermanAtOnce_isRemembered_andTheNextWindowOpensInGerman(FxRobot robot) throws Exception {
        showHub();
        assertThat(onFx(() -> menu(robot, "help-menu").getText())).isEqualTo("_Help");
        assertThat(onFx(() -> selected(robot, "language-system"))).isTrue();

        choose(robot, "language-de");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> menu(robot, "help-menu").getText())
                .equals("_Hilfe"));
        assertThat(Locale.getDefault(Locale.Category.DISPLAY)).isEqualTo(Locale.GERMAN);
        onFx(() -> {
            assertThat(item(robot, "theme-menu").getText()).isEqualTo("_Erscheinungsbild");
            assertThat(item(robot, "theme-dark").getText()).isEqualTo("Dunkel");
            assertThat(item(robot, "language-menu").getText()).isEqualTo("_Sprache");
            assertThat(List.of("language-system", "language-en", "language-de", "language-fr").stream()
                    .map(id -> item(robot, id).getText()).toList())
                    .containsExactly("Systemsprache", "English", "Deutsch", "Français");
            assertThat(item(robot, "copy-diagnostics").getText()).isEqualTo("Diagnose _kopieren");
            assertThat(selected(robot, "language-de")).isTrue();
            assertThat(selected(robot, "language-system")).isFalse();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        Node stripe = HubRobot.loadedTile(robot, "stripe");
        assertThat(onFx(() -> robot.from(stripe).lookup(".tile-summary").queryAs(Label.class).getText()))
                .as("the catalog's texts follow the switch").isEqualTo("Zahlungen, Kunden, Abonnements, Rechnungen und Auszahlungen");
        assertThat(onFx(() -> robot.lookup("#business-type-link").queryAs(Hyperlink.class).getText()))
                .isEqualTo("Onlineshop");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> savedLanguage().equals(Optional.of("de")));
        Screenshots.write(stage.getScene(), "window-language-german");

        // Quitting and starting again over the same folder, from an English system.
        app.closeAfterHiding(stage);
        app = null;
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
        assertThat(LanguageSetting.forRun(Optional.empty(), dataDir)).as("what the launcher reads before JavaFX starts")
                .contains(Locale.GERMAN);
        showHub();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> menu(robot, "help-menu").getText())
                .equals("_Hilfe"));
        assertThat(onFx(() -> selected(robot, "language-de"))).isTrue();
        assertThat(Locale.getDefault(Locale.Category.DISPLAY)).isEqualTo(Locale.GERMAN);
    }

    @Test
    void system_bringsBackTheSystemsLanguage_andForgetsTheChoice(FxRobot robot) throws Exception {
        showHub();
        choose(robot, "language-fr");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> menu(robot, "help-menu").getText())
                .equals("A_ide"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> savedLanguage().equals(Optional.of("fr")));

        choose(robot, "language-system");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> menu(robot, "help-menu").getText())
                .equals("_Help"));
        assertThat(Locale.getDefault(Locale.Category.DISPLAY).getLanguage()).isEqualTo("en");
        assertThat(onFx(() -> item(robot, "language-system").getText())).isEqualTo("System");
        assertThat(onFx(() -> selected(robot, "language-system"))).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> savedLanguage().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        assertThat(onFx(() -> robot.lookup("#business-type-link").queryAs(Hyperlink.class).getText()))
                .as("the catalog's texts are English again").isEqualTo("Online store");

        // The window built again answers its shortcuts once: Ctrl+Shift+A opens one Activity window.
        robot.clickOn("#hub-count");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#activity").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> Window.getWindows().stream().filter(window -> window != stage).count())).isEqualTo(1);
        onFx(() -> {
            Window.getWindows().stream().filter(window -> window != stage).toList().forEach(Window::hide);
            return null;
        });
    }

    @Test
    void aLanguageChosenWhileTheWindowOpens_isSpokenAtOnce_andSavedOnceTheDataIsOpen(FxRobot robot) throws Exception {
        CompletableFuture<UiServices> services = new CompletableFuture<>();
        onFx(() -> {
            MainWindow.showOpening(stage, Catalog.bundled(), true, "Demo: the built-in Airbyte simulator",
                    new FxExecutor(), services, () -> {}, ThemeChoice.SYSTEM, Optional.empty(), Optional.empty());
            AppUnderTest.usualSize(stage);
            return null;
        });

        choose(robot, "language-de");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> menu(robot, "help-menu").getText())
                .equals("_Hilfe"));
        assertThat(onFx(() -> robot.lookup("#hub-opening").queryAs(Label.class).isVisible())).isTrue();
        assertThat(savedLanguage()).as("nowhere to save it yet").isEmpty();

        app = AppUnderTest.start(dataDir, url -> false);
        services.complete(app.services());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> savedLanguage().equals(Optional.of("de")));
        assertThat(onFx(() -> menu(robot, "help-menu").getText())).isEqualTo("_Hilfe");
        assertThat(onFx(() -> item(robot, "about-onramp").isDisable())).as("About answers once the data is open")
                .isFalse();
    }

    @Test
    void anOpenActivityWindow_followsASwitchToDeutsch_keepingItsFilters(FxRobot robot) throws Exception {
        showHub();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        robot.clickOn("#hub-count");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !activityRows(robot).isEmpty()));
        Stage activity = onFx(() -> (Stage) robot.lookup("#activity").query().getScene().getWindow());
        assertThat(onFx(activity::getTitle)).isEqualTo("Activity — Onramp");
        LocalDate today = LocalDate.now();
        onFx(() -> {
            ComboBox<ActivityModel.Choice<String>> action = combo(robot, "#activity-action");
            action.setValue(action.getItems().stream().filter(c -> c.value().equals(Optional.of("tenant.created")))
                    .findFirst().orElseThrow());
            robot.lookup("#activity-from").queryAs(DatePicker.class).setValue(today);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> activityRows(robot).stream()
                .allMatch(row -> row.what().equals("Business created (tenant.created)"))));
        String business = onFx(() -> combo(robot, "#activity-business").getValue().label());

        choose(robot, "language-de");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(activity::getTitle).equals("Aktivität — Onramp"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !activityRows(robot).isEmpty()));
        onFx(() -> {
            assertThat(activity.isShowing()).isTrue();
            TableView<?> table = robot.lookup("#activity-table").queryAs(TableView.class);
            assertThat(table.getColumns()).extracting(column -> column.getText())
                    .containsExactly("Wann", "Wer", "Unternehmen", "Was", "Einzelheiten");
            assertThat(robot.lookup("#activity-verify").queryAs(javafx.scene.control.Button.class).getText())
                    .isEqualTo("Prüfen");
            assertThat(combo(robot, "#activity-action").getValue().label())
                    .as("the action chosen stays chosen, said in German").isEqualTo("Unternehmen angelegt (tenant.created)");
            assertThat(combo(robot, "#activity-business").getValue().label()).isEqualTo(business);
            assertThat(robot.lookup("#activity-from").queryAs(DatePicker.class).getValue()).isEqualTo(today);
            assertThat(activityRows(robot)).isNotEmpty().allSatisfy(row ->
                    assertThat(row.what()).isEqualTo("Unternehmen angelegt (tenant.created)"));
            assertThat(robot.lookup("#activity-showing").queryAs(Label.class).getText()).startsWith("Einträge ");
            assertThat(Window.getWindows().stream().filter(window -> window != stage).toList())
                    .as("the same one Activity window").containsExactly(activity);
            return null;
        });

        // Help → Activity… of the window built again brings that same window to the front.
        robot.clickOn("#hub-count");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> Window.getWindows().stream().filter(window -> window != stage).toList()))
                .containsExactly(activity);
        onFx(() -> {
            activity.hide();
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<ActivityModel.Choice<T>> combo(FxRobot robot, String id) {
        return (ComboBox<ActivityModel.Choice<T>>) robot.lookup(id).query();
    }

    @SuppressWarnings("unchecked")
    private static List<ActivityModel.Row> activityRows(FxRobot robot) {
        return robot.lookup("#activity-table").tryQuery()
                .map(table -> List.copyOf(((TableView<ActivityModel.Row>) table).getItems())).orElse(List.of());
    }

    private void showHub() throws Exception {
        app = AppUnderTest.start(dataDir, url -> false);
        onFx(() -> {
            AppUnderTest.showHub(stage, app.services());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The language saved in the data folder's window preferences file, as the file says it. */
    private Optional<String> savedLanguage() {
        return new WindowPreferences(dataDir).get("language");
    }

    /** Picks a View → Language item as the menu does. */
    private static void choose(FxRobot robot, String id) throws Exception {
        onFx(() -> {
            item(robot, id).fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Menu menu(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().filter(menu -> id.equals(menu.getId())).findFirst().orElseThrow();
    }

    /** The menu item {@code id}, in any menu of the bar, however deep. */
    private static MenuItem item(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().map(menu -> find(menu, id)).flatMap(Optional::stream).findFirst().orElseThrow();
    }

    private static Optional<MenuItem> find(MenuItem item, String id) {
        if (id.equals(item.getId())) {
            return Optional.of(item);
        }
        if (item instanceof Menu menu) {
            return menu.getItems().stream().map(child -> find(child, id)).flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }

    private static boolean selected(FxRobot robot, String id) {
        return ((RadioMenuItem) item(robot, id)).isSelected();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
