package dev.onramp.ui.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.ConnectFlow;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.connect.CredentialsUpdate;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormValues;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowState;
import dev.onramp.model.TenantId;
import dev.onramp.ui.common.DialogPhase;
import dev.onramp.ui.common.HeldExecutor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The credentials form giving a connection new credentials, without a toolkit: filled, secrets kept when empty. */
class CredentialsModelUpdateTest {
    private static final ConnectorSpecs SPECS = ConnectorSpecs.bundled(Catalog.bundled());

    private final HeldExecutor background = new HeldExecutor();
    private final List<FormValues> started = new ArrayList<>();
    private final List<Connection> updated = new ArrayList<>();
    private final CompletableFuture<ConnectOutcome> outcome = new CompletableFuture<>();
    private final ConnectorForm form = SpecForms.read(SPECS.specification("stripe").orElseThrow());
    private final Connection connection = new Connection(ConnectionId.random(), TenantId.random(), "stripe",
            "3f0c1d5e-8a9b-4c7d-9e2f-1a2b3c4d5e6f", "acct_1", ConnectionStatus.NEEDS_REAUTH, List.of("charges"),
            Instant.now(), Optional.empty(), Optional.empty());
    private final CredentialsUpdate update = new CredentialsUpdate(connection, "Stripe", form,
            new FormValues(Map.of("account_id", "acct_1", "lookback_window_days", "7")), Set.of("client_secret"));

    private CredentialsModel loaded() {
        CredentialsModel model = CredentialsModel.updating("Stripe", () -> update, (u, values, listener) -> {
            started.add(values);
            return new Flow();
        }, updated::add, background, Runnable::run);
        model.load();
        background.runAll();
        return model;
    }

    private FormField field(String path) {
        return (FormField) form.element(path).orElseThrow();
    }

    @Test
    void inGerman_theTitleTheButtonAndTheKeepPromptAreGerman() {
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        try {
            Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
            CredentialsModel model = loaded();

            assertThat(model.title()).isEqualTo("Zugangsdaten für Stripe aktualisieren");
            assertThat(model.actionLabel()).isEqualTo("Aktualisieren");
            assertThat(model.intro()).endsWith("Lassen Sie ein Geheimnis leer, um es zu behalten.");
            assertThat(model.prompt(field("client_secret"))).contains("Leer lassen, um den jetzigen Wert zu behalten");
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void theFormOpensFilledWithTheConnectionsValues_secretsEmptyWithTheKeepPrompt() {
        CredentialsModel model = loaded();

        assertThat(model.title()).isEqualTo("Update Stripe credentials");
        assertThat(model.actionLabel()).isEqualTo("Update");
        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.ASKING);
        assertThat(model.value("account_id").get()).isEqualTo("acct_1");
        assertThat(model.value("lookback_window_days").get()).isEqualTo("7");
        assertThat(model.value("client_secret").get()).isEmpty();
        assertThat(model.prompt(field("client_secret"))).contains("Leave empty to keep the current one");
        assertThat(model.prompt(field("account_id"))).isEmpty();
        assertThat(model.problem(field("client_secret"))).isEmpty();
        assertThat(model.required(field("client_secret"))).isFalse();
        assertThat(model.required(field("account_id"))).isTrue();
    }

    @Test
    void anOptionalFieldTheConnectionLeftEmpty_staysEmptyRatherThanTakingItsDefault() {
        CredentialsModel model = loaded();

        assertThat(form.defaults().text("num_workers")).isNotEmpty();
        assertThat(model.value("num_workers").get()).isEmpty();
    }

    @Test
    void updateWithTheSecretLeftEmpty_startsWithItEmpty_soTheStoredOneIsKept() {
        CredentialsModel model = loaded();
        model.value("account_id").set("acct_2");

        model.connect();
        background.runAll();

        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.RUNNING);
        assertThat(started).singleElement().satisfies(values -> {
            assertThat(values.text("account_id")).isEqualTo("acct_2");
            assertThat(values.text("client_secret")).isEmpty();
        });
    }

    @Test
    void aRequiredValueClearedByHand_isStillRefusedBeforeAnythingStarts() {
        CredentialsModel model = loaded();
        model.value("account_id").set("");

        model.connect();
        background.runAll();

        assertThat(model.messageProperty().get()).isEqualTo("Account ID is required.");
        assertThat(started).isEmpty();
    }

    @Test
    void aSucceededUpdate_handsTheConnectionOnAndCloses() {
        CredentialsModel model = loaded();
        model.value("client_secret").set("sk_test_new_0123456789");
        model.connect();
        background.runAll();

        outcome.complete(new ConnectOutcome.Connected(FlowId.random(), connection));

        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.CONNECTED);
        assertThat(updated).containsExactly(connection);
        assertThat(started.getFirst().text("client_secret")).isEqualTo("sk_test_new_0123456789");
    }

    /** A flow whose outcome the test completes. */
    private final class Flow implements ConnectFlow {
        private final FlowId id = FlowId.random();

        @Override
        public FlowId id() {
            return id;
        }

        @Override
        public CompletableFuture<ConnectOutcome> outcome() {
            return outcome;
        }

        @Override
        public void cancel() {
            outcome.complete(new ConnectOutcome.Ended(id, FlowState.CANCELLED, "Cancelled."));
        }
    }
}
