package dev.onramp.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.connect.SignInReadiness;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
 * Settings → "Check OAuth sign-ins…" in demo mode: every OAuth connector listed as ready but Shopify,
 * which Airbyte signs in only through its own Shopify app; nothing opened.
 */
@ExtendWith(ApplicationExtension.class)
class ReadinessViewTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private final java.util.List<java.net.URI> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        app = AppUnderTest.start(dataDir, url -> opened.add(url));
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() {
        app.close();
    }

    @Test
    void checkFromSettings_listsEveryOAuthConnectorButShopifyAsReady_ShopifyAsNotOffered_AndOpensNoBrowser(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#open-settings").query().isDisabled());
        robot.clickOn("#open-settings");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settings-oauth-check").tryQuery().isPresent());
        robot.clickOn("#settings-oauth-check");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#readiness-status").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("13 of 14")).orElse(false));

        @SuppressWarnings("unchecked")
        ListView<SignInReadiness> list = robot.lookup("#readiness-list").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(14)
                .filteredOn(row -> !row.providerId().equals("shopify"))
                .allSatisfy(row -> assertThat(row.state()).isEqualTo(SignInReadiness.State.READY));
        // Shopify's consent link leads to Airbyte's own Shopify app, never back to Onramp (ShopifyOAuthFlow).
        assertThat(list.getItems()).filteredOn(row -> row.providerId().equals("shopify")).singleElement()
                .satisfies(row -> {
                    assertThat(row.state()).isEqualTo(SignInReadiness.State.NOT_OFFERED);
                    assertThat(row.detail()).contains("only through its own Shopify app",
                            "connect Shopify with an access token or API key instead");
                });
        assertThat(robot.lookup("#readiness-status").queryAs(Label.class).getText())
                .isEqualTo("13 of 14 sign-ins are ready; each of the others says why.");
        assertThat(opened).isEmpty();
        Window window = robot.listWindows().stream()
                .filter(w -> w instanceof Stage s && "OAuth sign-ins".equals(s.getTitle())).findFirst().orElseThrow();
        Screenshots.write(window.getScene(), "settings-oauth-readiness");
    }

    @Test
    void connectorWithoutAnOAuthApp_isListedWithWhatToSetUp(FxRobot robot) throws Exception {
        app.context().simulator().orElseThrow().withoutOAuthApp("hubspot");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#open-settings").query().isDisabled());
        robot.clickOn("#open-settings");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settings-oauth-check").tryQuery().isPresent());
        Screenshots.write(robot.listWindows().stream().filter(w -> w instanceof Stage s && "Settings".equals(s.getTitle()))
                .findFirst().orElseThrow().getScene(), "settings-with-oauth-check");
        robot.clickOn("#settings-oauth-check");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#readiness-status").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("12 of 14")).orElse(false));

        @SuppressWarnings("unchecked")
        ListView<SignInReadiness> list = robot.lookup("#readiness-list").queryAs(ListView.class);
        // Beside Shopify, not offered as in every demo check, the one connector without its OAuth app.
        assertThat(list.getItems()).filteredOn(row -> row.state() != SignInReadiness.State.READY)
                .filteredOn(row -> !row.providerId().equals("shopify")).singleElement()
                .satisfies(row -> {
                    assertThat(row.providerId()).isEqualTo("hubspot");
                    assertThat(row.state()).isEqualTo(SignInReadiness.State.NO_OAUTH_APP);
                });
        assertThat(list.getItems()).filteredOn(row -> row.state() != SignInReadiness.State.READY).hasSize(2);
        Window window = robot.listWindows().stream()
                .filter(w -> w instanceof Stage s && "OAuth sign-ins".equals(s.getTitle())).findFirst().orElseThrow();
        Screenshots.write(window.getScene(), "settings-oauth-readiness-problem");
    }
}
