package dev.onramp.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.ui.common.Screenshots;
import dev.onramp.ui.common.Styles;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The menu row says, in one line with the reason in its tooltip, when the key is in a file. */
@ExtendWith(ApplicationExtension.class)
class KeyStoreNoticeTest {
    private static final String REASON = "The key that protects saved secrets is in a file only you can read, not in"
            + " the system's key store. No Secret Service answered on D-Bus: is a keyring such as GNOME Keyring"
            + " installed and running?";
    private static final Executor NOWHERE = task -> {};

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new BorderPane(), 1080, 120));
        Styles.apply(stage.getScene());
        stage.show();
    }

    @Test
    void keyInAFile_isSaidWithTheReasonInTheTooltip(FxRobot robot) throws Exception {
        robot.interact(() -> show(Optional.of(REASON)));

        Label notice = robot.lookup("#key-store-notice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).isEqualTo("Key kept in a file, not the system's key store");
        assertThat(notice.getGraphic()).isNotNull();
        assertThat(notice.getTooltip().getText()).isEqualTo(REASON);
        Screenshots.write(stage.getScene(), "help-key-store-notice");
    }

    @Test
    void keyInTheSystemsKeyStore_showsNoNotice(FxRobot robot) {
        robot.interact(() -> show(Optional.empty()));

        Label notice = robot.lookup("#key-store-notice").queryAs(Label.class);
        assertThat(notice.isVisible()).isFalse();
        assertThat(notice.isManaged()).isFalse();
    }

    private void show(Optional<String> keyStoreNotice) {
        HelpModel model = new HelpModel(() -> "", NOWHERE, Runnable::run, text -> {}, keyStoreNotice);
        ((BorderPane) stage.getScene().getRoot()).setTop(new HelpMenu(model).root());
    }
}
