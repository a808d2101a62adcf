package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.business.DemoAirbyte;
import dev.onramp.business.DemoScenario;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.ExampleValues;
import dev.onramp.model.Tenant;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.AppUnderTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Demo scenarios window's model against the real app in demo mode, without a window: the list, and
 * what switching a scenario on and off does to the next connect through the simulator.
 */
class DemoScenariosModelTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private Tenant tenant;
    private DemoScenariosModel model;

    @BeforeEach
    void setUp() {
        app = AppUnderTest.start(dataDir, url -> new ScriptedBrowser(Decision.ALLOW).open(url));
        tenant = app.context().tenants().tenantsCreatingDemoIfNone().getFirst();
        model = new DemoScenariosModel(app.context().demoAirbyte().orElseThrow(), Runnable::run, Runnable::run);
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private ConnectOutcome connect(String providerId) throws Exception {
        ConnectorForm form = app.context().credentials().form(tenant.id(), providerId);
        return app.context().credentials().connect(tenant.id(), providerId, form,
                ExampleValues.filled(form, form.defaults()), ConnectListener.NONE).outcome().get(30, TimeUnit.SECONDS);
    }

    @Test
    void theList_hasEveryScenarioOffWithWhatTheAudienceWillSee() {
        assertThat(model.rows()).extracting(row -> row.scenario().title()).containsExactly("Airbyte is slow",
                "Airbyte is down", "The sign-in page is refused", "Source check fails", "Airbyte is not ready for OAuth");
        assertThat(model.rows()).allSatisfy(row -> {
            assertThat(row.onProperty().get()).isFalse();
            assertThat(row.scenario().effect()).isNotBlank();
        });
        assertThat(model.row(DemoScenario.SLOW).scenario().effect()).startsWith("Every call to Airbyte takes 3 s");
        assertThat(model.noteProperty().get()).isEmpty();
        assertThat(model.anyOnProperty().get()).isFalse();
    }

    @Test
    void sourceCheckFails_failsEveryConnectUntilSwitchedOff() throws Exception {
        model.row(DemoScenario.CHECK_FAILS).onProperty().set(true);

        assertThat(model.noteProperty().get()).isEqualTo("Demo scenario on: Source check fails");
        ConnectOutcome failed = connect("stripe");
        assertThat(failed).isInstanceOfSatisfying(ConnectOutcome.Ended.class,
                ended -> assertThat(ended.message()).contains("Stripe"));
        assertThat(connect("klaviyo")).as("it stays on").isInstanceOf(ConnectOutcome.Ended.class);

        model.row(DemoScenario.CHECK_FAILS).onProperty().set(false);

        assertThat(model.noteProperty().get()).isEmpty();
        assertThat(connect("stripe")).isInstanceOf(ConnectOutcome.Connected.class);
    }

    @Test
    void notReadyForOAuth_endsASignInBeforeTheBrowserOpens_andTurnAllOffEndsEveryScenario() throws Exception {
        model.row(DemoScenario.NOT_READY_FOR_OAUTH).onProperty().set(true);
        model.row(DemoScenario.CHECK_FAILS).onProperty().set(true);
        assertThat(model.noteProperty().get())
                .isEqualTo("Demo scenarios on: Source check fails, Airbyte is not ready for OAuth");

        ConnectOutcome refused = app.context().connect().connect(tenant.id(), "hubspot", ConnectListener.NONE)
                .outcome().get(30, TimeUnit.SECONDS);
        assertThat(refused).isInstanceOf(ConnectOutcome.Ended.class);
        assertThat(((ConnectOutcome.Ended) refused).message()).contains("OAuth");

        model.turnAllOff();

        assertThat(model.rows()).noneMatch(row -> row.onProperty().get());
        assertThat(model.noteProperty().get()).isEmpty();
        assertThat(app.context().connect().connect(tenant.id(), "hubspot", ConnectListener.NONE)
                .outcome().get(30, TimeUnit.SECONDS)).isInstanceOf(ConnectOutcome.Connected.class);
    }

    @Test
    void aSwitchTheSimulatorCannotFollow_goesBackAndSaysWhy() {
        DemoAirbyte refusing = new DemoAirbyte() {
            @Override
            public boolean revokeSignIn(String sourceId) {
                return false;
            }

            @Override
            public void failNextTest(String sourceId) {}

            @Override
            public void deleteSource(String sourceId) {}

            @Override
            public void play(DemoScenario scenario, boolean on) {
                throw new IllegalStateException("The built-in simulator has stopped.");
            }

            @Override
            public int forgetVisitors() {
                throw new IllegalStateException("The built-in simulator has stopped.");
            }
        };
        DemoScenariosModel broken = new DemoScenariosModel(refusing, Runnable::run, Runnable::run);

        broken.row(DemoScenario.SLOW).onProperty().set(true);

        assertThat(broken.row(DemoScenario.SLOW).onProperty().get()).isFalse();
        assertThat(broken.noteProperty().get()).isEmpty();
        assertThat(broken.problemProperty().get())
                .isEqualTo("The simulator could not switch \"Airbyte is slow\" on: The built-in simulator has stopped.");
    }
}
