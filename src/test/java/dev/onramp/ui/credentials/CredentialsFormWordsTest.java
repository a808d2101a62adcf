package dev.onramp.ui.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.connect.AccountChoice;
import dev.onramp.connect.CredentialsService;
import dev.onramp.model.Tenant;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.common.ConnectedPane;
import dev.onramp.ui.common.DialogPhase;
import dev.onramp.ui.common.UiServices;
import dev.onramp.ui.common.UiText;
import dev.onramp.ui.common.WindowLanguage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A featured connector's credentials form in German, from the built-in simulator over real HTTP: its
 * titles, options and help in German, and what it sends the same as the English form sends for the same
 * choices and values.
 */
@ExtendWith(ApplicationExtension.class)
class CredentialsFormWordsTest {
    private static final String ZENDESK = "zendesk-support";
    private static Path dataDir;
    private static AppUnderTest app;
    private static Tenant tenant;

    @RegisterExtension
    final WindowLanguage german = WindowLanguage.german();
    private Stage owner;

    @BeforeAll
    static void startApp() throws Exception {
        dataDir = Files.createTempDirectory("form-words");
        app = AppUnderTest.start(dataDir, url -> new ScriptedBrowser(Decision.ALLOW).open(url));
        tenant = app.context().tenants().tenantsCreatingDemoIfNone().getFirst();
    }

    @AfterAll
    static void closeApp() throws Exception {
        app.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 640, 400));
        stage.show();
    }

    @Test
    void zendesksFormInGerman_showsGermanTitlesOptionsAndHelp_andSendsWhatTheEnglishFormSends(FxRobot robot)
            throws Exception {
        List<JsonNode> sent = new CopyOnWriteArrayList<>();
        CredentialsModel inGerman = open(sent);

        assertThat(labels(robot)).contains("Anmeldung", "API-Token *", "E-Mail *").doesNotContain("Authentication");
        ComboBox<?> options = robot.lookup("#choice-credentials").queryComboBox();
        // The box shows the option's label; its value is the option's title, the same in every language.
        assertThat(options.lookupAll(".list-cell").stream().filter(Node::isVisible).map(cell -> ((Labeled) cell).getText()))
                .containsExactly("API-Token");
        assertThat(inGerman.value("credentials").get()).isEqualTo("API Token");
        // The simulator's shortened description in German, and the sentence it adds in the language asked for.
        assertThat(help(robot, "subdomain")).startsWith("Ihre eindeutige Zendesk-Subdomain")
                .contains("Demo-Modus: Der Simulator nimmt").contains("Zum Beispiel: demo-outfitters");
        assertThat(help(robot, "credentials-api_token")).startsWith("Der Wert des erzeugten API-Tokens.");

        robot.clickOn("#choice-credentials");
        robot.clickOn("OAuth2.0 (veraltet)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inGerman.value("credentials").get()).isEqualTo("OAuth2.0 (Legacy)");
        assertThat(labels(robot)).contains("Zugriffstoken *").doesNotContain("API-Token *");
        connect(robot, inGerman);

        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
        CredentialsModel inEnglish = open(sent);
        assertThat(labels(robot)).contains("Authentication", "API Token *");
        robot.clickOn("#choice-credentials");
        robot.clickOn("OAuth2.0 (Legacy)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inEnglish.value("credentials").get()).isEqualTo("OAuth2.0 (Legacy)");
        connect(robot, inEnglish);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).path("credentials").path("credentials").asText()).isEqualTo("oauth2.0");
        assertThat(sent.get(0)).isEqualTo(sent.get(1));
    }

    /** Opens Zendesk's credentials dialog as the hub does, its form in the window's language; the dialog's model. */
    private CredentialsModel open(List<JsonNode> sent) throws Exception {
        UiServices services = app.services();
        CredentialsService credentials = services.credentials();
        Locale language = UiText.locale();
        CredentialsModel model = WaitForAsyncUtils.asyncFx(() -> {
            CredentialsModel made = new CredentialsModel("Zendesk Support",
                    () -> credentials.form(tenant.id(), ZENDESK, language),
                    (form, values, listener) -> {
                        sent.add(form.configuration(values));
                        // Both languages connect the same account; the second time on purpose.
                        return credentials.connect(tenant.id(), ZENDESK, form, values,
                                AccountChoice.DEFAULT.allowingDuplicate(), listener);
                    }, connection -> {}, services.background(), services.fx());
            CredentialsDialog.open(owner, made, ConnectedPane.Next.NONE);
            return made;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.phaseProperty().get() == DialogPhase.ASKING);
        WaitForAsyncUtils.waitForFxEvents();
        return model;
    }

    /** Fills the sample values, connects, waits until connected, and closes the dialog. */
    private void connect(FxRobot robot, CredentialsModel model) throws Exception {
        robot.clickOn("#fill-samples");
        robot.clickOn("#credentials-connect");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.phaseProperty().get() == DialogPhase.CONNECTED
                || !model.messageProperty().get().isEmpty());
        assertThat(model.phaseProperty().get()).as(model.messageProperty().get()).isEqualTo(DialogPhase.CONNECTED);
        WaitForAsyncUtils.asyncFx(() -> robot.listWindows().stream().filter(window -> window != owner)
                .filter(Stage.class::isInstance).map(Stage.class::cast).toList().forEach(Stage::close))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> labels(FxRobot robot) {
        return robot.lookup(node -> node instanceof Labeled && node.isVisible()).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
    }

    /** The help under the field at {@code id} (its path, dots as dashes), its links as their text. */
    private static String help(FxRobot robot, String id) {
        Parent around = robot.lookup("#field-" + id).query().getParent();
        // A secret's box and its reveal button sit between the field and its help.
        while (around.getChildrenUnmodifiable().stream().noneMatch(TextFlow.class::isInstance)) {
            around = around.getParent();
        }
        TextFlow flow = (TextFlow) around.getChildrenUnmodifiable().stream().filter(TextFlow.class::isInstance)
                .findFirst().orElseThrow();
        return flow.getChildren().stream().map(part -> part instanceof Text text ? text.getText()
                : part instanceof Hyperlink link ? link.getText() : "").collect(Collectors.joining());
    }
}
