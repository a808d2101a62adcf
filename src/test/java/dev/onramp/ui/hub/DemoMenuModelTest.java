package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.connect.ConnectionHealth;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.AppUnderTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Demo menu's model against the real app in demo mode, without a window: each action on a chosen
 * connection, and what the next check then finds.
 */
class DemoMenuModelTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private Tenant tenant;
    private DemoMenuModel model;
    private final List<String> told = new ArrayList<>();
    private final List<List<DemoMenuModel.Choice>> offered = new ArrayList<>();

    @BeforeEach
    void setUp() {
        app = AppUnderTest.start(dataDir, url -> new ScriptedBrowser(Decision.ALLOW).open(url));
        tenant = app.context().tenants().tenantsCreatingDemoIfNone().getFirst();
        model = new DemoMenuModel(() -> tenant, app.context().connect()::connections,
                id -> app.context().catalog().provider(id).map(Provider::name).orElse(id),
                app.context().demoAirbyte().orElseThrow(), Runnable::run, Runnable::run);
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    /** Dialogs that choose the connection of {@code providerId} and note what they are told. */
    private DemoMenuModel.Dialogs choosing(String providerId) {
        return new DemoMenuModel.Dialogs() {
            @Override
            public void choose(DemoMenuModel.Action action, List<DemoMenuModel.Choice> choices,
                    Consumer<DemoMenuModel.Choice> chosen) {
                offered.add(choices);
                chosen.accept(choices.stream().filter(c -> c.connection().providerId().equals(providerId)).findFirst()
                        .orElseThrow());
            }

            @Override
            public void tell(DemoMenuModel.Action action, String message) {
                told.add(message);
            }
        };
    }

    private Connection connectHubspot() throws Exception {
        return ((ConnectOutcome.Connected) app.context().connect().connect(tenant.id(), "hubspot", ConnectListener.NONE)
                .outcome().get(30, TimeUnit.SECONDS)).connection();
    }

    private Connection connectStripe() throws Exception {
        ConnectorForm form = app.context().credentials().form(tenant.id(), "stripe");
        return ((ConnectOutcome.Connected) app.context().credentials().connect(tenant.id(), "stripe", form,
                form.defaults().with("account_id", "acct_1").with("client_secret", "sk_test_0123456789"),
                ConnectListener.NONE).outcome().get(30, TimeUnit.SECONDS)).connection();
    }

    private ConnectionStatus checked(Connection connection) {
        return app.context().connect().checkConnections(tenant.id(), health -> { }).stream()
                .filter(health -> health.connection().id().equals(connection.id()))
                .map(ConnectionHealth::status).findFirst().orElseThrow();
    }

    @Test
    void aBusinessWithoutConnections_isToldToConnectOneFirst() {
        model.start(DemoMenuModel.Action.DELETE_SOURCE, choosing("hubspot"));

        assertThat(told).containsExactly(tenant.name() + " has no connections yet: connect a provider first, then"
                + " play this on it.");
        assertThat(offered).isEmpty();
    }

    @Test
    void revokeASignIn_makesTheNextCheckAskForReconnecting() throws Exception {
        Connection hubspot = connectHubspot();

        model.start(DemoMenuModel.Action.REVOKE_SIGN_IN, choosing("hubspot"));

        assertThat(offered).singleElement().satisfies(choices -> assertThat(choices).extracting(Object::toString)
                .singleElement().asString().startsWith("HubSpot"));
        assertThat(told).singleElement().asString().startsWith("HubSpot's sign-in was revoked at the provider");
        assertThat(checked(hubspot)).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void revokeASignInOfAConnectionMadeWithATypedKey_saysThereIsNothingToRevoke() throws Exception {
        Connection stripe = connectStripe();

        model.start(DemoMenuModel.Action.REVOKE_SIGN_IN, choosing("stripe"));

        assertThat(told).containsExactly("Stripe was connected with a typed key, not a sign-in, so there is nothing to"
                + " revoke: try Break a source instead.");
        assertThat(checked(stripe)).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void breakASource_failsItsNextCheckOnly() throws Exception {
        Connection stripe = connectStripe();
        Connection hubspot = connectHubspot();

        model.start(DemoMenuModel.Action.BREAK_SOURCE, choosing("stripe"));

        assertThat(checked(stripe)).isEqualTo(ConnectionStatus.FAILED);
        assertThat(checked(hubspot)).as("the other connection is untouched").isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(checked(stripe)).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void deleteASourceThatIsGoneAlready_saysSo() throws Exception {
        Connection hubspot = connectHubspot();
        app.context().simulator().orElseThrow().deleteSource(hubspot.sourceId());

        model.start(DemoMenuModel.Action.DELETE_SOURCE, choosing("hubspot"));

        assertThat(told).singleElement().asString()
                .startsWith("The built-in simulator no longer has this source (" + hubspot.sourceId() + ")");
    }
}
