package dev.onramp.ui.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.ConnectFlow;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.connect.ConnectStep;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormValues;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.model.Connection;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowState;
import dev.onramp.ui.common.HeldExecutor;
import dev.onramp.ui.common.DialogPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The credentials form's state without a toolkit: background work held until the test runs it. */
class CredentialsModelTest {
    private static final ConnectorSpecs SPECS = ConnectorSpecs.bundled(Catalog.bundled());

    private final HeldExecutor background = new HeldExecutor();
    private final List<FormValues> started = new ArrayList<>();
    private final List<Connection> connected = new ArrayList<>();
    private final CompletableFuture<ConnectOutcome> outcome = new CompletableFuture<>();
    private ConnectListener listener;

    private CredentialsModel model(String providerId) {
        ConnectorForm form = SpecForms.read(SPECS.specification(providerId).orElseThrow());
        return new CredentialsModel(providerId, () -> form, (f, values, flowListener) -> {
            started.add(values);
            listener = flowListener;
            return new Flow();
        }, connected::add, background, Runnable::run);
    }

    @Test
    void loading_showsTheFormWithItsDefaultsAndFirstOptions() {
        CredentialsModel model = model("square");

        model.load();
        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.LOADING);
        background.runAll();

        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.ASKING);
        assertThat(model.value("is_sandbox").get()).isEqualTo("false");
        assertThat(model.value("credentials").get()).isEqualTo("Oauth authentication");
    }

    @Test
    void connectWithMissingValues_saysWhatIsMissingAndStartsNothing() {
        CredentialsModel model = loaded("stripe");
        model.value("account_id").set("acct_1");

        model.connect();
        background.runAll();

        assertThat(model.messageProperty().get()).isEqualTo("Secret Key is required.");
        assertThat(model.showProblemsProperty().get()).isTrue();
        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.ASKING);
        assertThat(started).isEmpty();
    }

    @Test
    void fieldsOfAnOptionNotChosen_haveNoProblem() {
        CredentialsModel model = loaded("square");
        FormField refreshToken = (FormField) model.formProperty().get().element("credentials.refresh_token").orElseThrow();

        model.value("credentials").set("API key");

        assertThat(model.problem(refreshToken)).isEmpty();
    }

    @Test
    void connectWithEveryValue_runsTheFlowAndFollowsItsSteps() {
        CredentialsModel model = loaded("stripe");
        model.value("account_id").set("acct_1");
        model.value("client_secret").set("sk_test_123456789");

        model.connect();
        background.runAll();
        listener.onStep(ConnectStep.TESTING);

        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.RUNNING);
        assertThat(model.stepLabelProperty().get()).isEqualTo("Testing the connection");
        assertThat(started.getFirst().text("client_secret")).isEqualTo("sk_test_123456789");
    }

    @Test
    void aFlowThatFails_showsWhyAndLetsThePersonFixTheValues() {
        CredentialsModel model = loaded("stripe");
        model.value("account_id").set("acct_1");
        model.value("client_secret").set("sk_test_123456789");
        model.connect();
        background.runAll();

        outcome.complete(new ConnectOutcome.Ended(FlowId.random(), FlowState.FAILED,
                "Airbyte could not sign in to Stripe with that key: check the Secret Key."));

        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.ASKING);
        assertThat(model.messageProperty().get()).startsWith("Airbyte could not sign in to Stripe");
        assertThat(connected).isEmpty();
    }

    @Test
    void aFormThatCannotBeLoaded_saysWhy() {
        CredentialsModel model = new CredentialsModel("Stripe", () -> {
            throw new IllegalStateException("Airbyte at http://airbyte:8000/api does not have the Stripe connector.");
        }, (f, v, l) -> new Flow(), connected::add, background, Runnable::run);

        model.load();
        background.runAll();

        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.ENDED);
        assertThat(model.messageProperty().get()).isEqualTo("Onramp could not prepare the form for Stripe:"
                + " Airbyte at http://airbyte:8000/api does not have the Stripe connector.");
    }

    private CredentialsModel loaded(String providerId) {
        CredentialsModel model = model(providerId);
        model.load();
        background.runAll();
        return model;
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
