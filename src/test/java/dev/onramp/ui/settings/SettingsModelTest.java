package dev.onramp.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteSettings.Basic;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.model.AirbyteWorkspace;
import dev.onramp.model.Tenant;
import dev.onramp.ui.common.HeldExecutor;
import dev.onramp.ui.settings.SettingsModel.Login;
import dev.onramp.ui.settings.SettingsModel.Target;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings screen's state without a toolkit, over the real settings service. */
class SettingsModelTest {
    private static final String PASSWORD = "stored-password-1f2e";

    @TempDir
    Path dataDir;

    private final HeldExecutor background = new HeldExecutor();
    private AppContext context;
    private Tenant tenant;
    private int saved;

    @BeforeEach
    void startApp() {
        context = AppContext.start(new AppOptions(dataDir, Optional.empty(), url -> false, Duration.ZERO, Duration.ofSeconds(5)));
        tenant = context.tenants().tenantsCreatingDemoIfNone().getFirst();
    }

    @AfterEach
    void closeApp() {
        context.close();
    }

    private SettingsModel loaded() {
        SettingsModel model = new SettingsModel(tenant.id(), tenant.name(), context.settings(), () -> saved++,
                background, Runnable::run);
        model.load();
        background.runAll();
        return model;
    }

    @Test
    void storedLogin_isShownWithoutItsSecret() {
        context.settings().save(tenant.id(), new SelfManaged(URI.create("http://airbyte:8000/api"),
                Optional.of(new Basic("admin", PASSWORD))));

        SettingsModel model = loaded();

        assertThat(model.targetProperty().get()).isEqualTo(Target.SELF_MANAGED);
        assertThat(model.urlProperty().get()).isEqualTo("http://airbyte:8000/api");
        assertThat(model.loginProperty().get()).isEqualTo(Login.BASIC);
        assertThat(model.loginNameProperty().get()).isEqualTo("admin");
        assertThat(model.loginSecretProperty().get()).isEmpty();
        assertThat(model.secretHintProperty().get()).isEqualTo("Stored encrypted — leave blank to keep it");
    }

    @Test
    void savingWithTheSecretLeftBlank_keepsTheStoredOne() {
        context.settings().save(tenant.id(), new SelfManaged(URI.create("http://airbyte:8000/api"),
                Optional.of(new Basic("admin", PASSWORD))));
        SettingsModel model = loaded();

        model.urlProperty().set("http://127.0.0.1:9");
        model.save();
        background.runAll();
        assertThat(model.saveAnywayOfferedProperty().get()).as("that Airbyte does not answer").isTrue();
        model.saveAnyway();
        background.runAll();

        assertThat(context.settings().settings(tenant.id())).isEqualTo(new SelfManaged(
                URI.create("http://127.0.0.1:9/api"), Optional.of(new Basic("admin", PASSWORD))));
        assertThat(model.savedProperty().get()).isTrue();
        assertThat(saved).isEqualTo(1);
    }

    @Test
    void savingAnAirbyteThatDoesNotAnswer_savesNothing_saysWhy_andOffersSaveAnyway() {
        SettingsModel model = loaded();
        model.targetProperty().set(Target.SELF_MANAGED);
        model.urlProperty().set("http://127.0.0.1:9");

        model.save();
        background.runAll();

        assertThat(model.problemProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).contains("127.0.0.1:9").endsWith("Save these settings anyway?");
        assertThat(model.saveAnywayOfferedProperty().get()).isTrue();
        assertThat(model.savedProperty().get()).isFalse();
        assertThat(context.settings().settings(tenant.id())).isEqualTo(new AirbyteSettings.Demo());
        assertThat(saved).isZero();

        model.saveAnyway();
        background.runAll();

        assertThat(context.settings().settings(tenant.id())).isEqualTo(new SelfManaged(URI.create("http://127.0.0.1:9")));
        assertThat(model.saveAnywayOfferedProperty().get()).isFalse();
        assertThat(saved).isEqualTo(1);
    }

    @Test
    void savingAnAirbyteThatAnswers_savesAtOnce() {
        SettingsModel model = loaded();
        model.targetProperty().set(Target.SELF_MANAGED);
        model.urlProperty().set(context.simulator().orElseThrow().apiBaseUrl().toString());

        model.save();
        background.runAll();

        assertThat(model.savedProperty().get()).isTrue();
        assertThat(model.saveAnywayOfferedProperty().get()).isFalse();
        assertThat(saved).isEqualTo(1);
    }

    @Test
    void anotherUser_doesNotGetTheStoredPassword() {
        context.settings().save(tenant.id(), new SelfManaged(URI.create("http://airbyte:8000/api"),
                Optional.of(new Basic("admin", PASSWORD))));
        SettingsModel model = loaded();

        model.loginNameProperty().set("someone-else");
        model.save();
        background.runAll();

        assertThat(model.problemProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Give the password of someone-else.");
        assertThat(saved).isZero();
    }

    @Test
    void anAddressThatIsNotOne_isRefusedBeforeAnythingIsSaved() {
        SettingsModel model = loaded();
        model.targetProperty().set(Target.SELF_MANAGED);
        model.urlProperty().set("localhost 8000");

        model.save();

        assertThat(model.statusProperty().get()).contains("must be a full http or https address");
        assertThat(context.settings().settings(tenant.id())).isEqualTo(new AirbyteSettings.Demo());
    }

    @Test
    void testingTheSimulator_offersItsWorkspace() {
        SettingsModel model = loaded();

        model.test();
        background.runAll();

        assertThat(model.workspaces()).extracting(AirbyteWorkspace::name).containsExactly("Demo workspace");
        assertThat(model.statusProperty().get()).isEqualTo("Onramp reached this Airbyte: 1 workspace.");
        assertThat(model.problemProperty().get()).isFalse();
    }

    @Test
    void testingAProtectedAirbyteWithAnApplicationsCredentials_offersItsWorkspace() {
        try (AirbyteSimulator protectedAirbyte = AirbyteSimulator.builder().protectedConfigApi().start()) {
            SettingsModel model = clientCredentialsFor(protectedAirbyte, protectedAirbyte.configApiClientSecret());

            model.test();
            background.runAll();

            assertThat(model.workspaces()).extracting(AirbyteWorkspace::id).containsExactly(protectedAirbyte.workspaceId());
            assertThat(model.problemProperty().get()).isFalse();
        }
    }

    @Test
    void testingAProtectedAirbyteWithAWrongClientSecret_saysAirbyteRejectedThem() {
        try (AirbyteSimulator protectedAirbyte = AirbyteSimulator.builder().protectedConfigApi().start()) {
            SettingsModel model = clientCredentialsFor(protectedAirbyte, "wrong-client-secret");

            model.test();
            background.runAll();

            assertThat(model.problemProperty().get()).isTrue();
            assertThat(model.statusProperty().get()).contains("rejected the client id/secret")
                    .doesNotContain("wrong-client-secret");
        }
    }

    private SettingsModel clientCredentialsFor(AirbyteSimulator airbyte, String secret) {
        SettingsModel model = loaded();
        model.targetProperty().set(Target.SELF_MANAGED);
        model.urlProperty().set(airbyte.apiBaseUrl().toString());
        model.loginProperty().set(Login.CLIENT_CREDENTIALS);
        model.loginNameProperty().set(airbyte.configApiClientId());
        model.loginSecretProperty().set(secret);
        return model;
    }

    @Test
    void workspaceTyped_isReadAsAKnownOneOrAsAnId() {
        AirbyteWorkspace known = new AirbyteWorkspace("ws-1", "Marketing");
        WorkspaceConverter converter = new WorkspaceConverter(List.of(known));

        assertThat(converter.toString(known)).isEqualTo("Marketing (ws-1)");
        assertThat(converter.fromString("Marketing (ws-1)")).isEqualTo(known);
        assertThat(converter.fromString("ws-1")).isEqualTo(known);
        assertThat(converter.fromString(" ws-2 ")).isEqualTo(new AirbyteWorkspace("ws-2", "ws-2"));
        assertThat(converter.fromString("")).isNull();
    }
}
