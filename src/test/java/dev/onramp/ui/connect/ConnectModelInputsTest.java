package dev.onramp.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConsentInputs;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.FlowState;
import dev.onramp.ui.common.HeldExecutor;
import dev.onramp.ui.common.DialogPhase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connect dialog's model for a provider that needs fields before its consent page, without a toolkit. */
class ConnectModelInputsTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ConsentInputs INPUTS = new ConsentInputs(CATALOG, ConnectorSpecs.bundled(CATALOG));

    private final List<FormValues> startedWith = new ArrayList<>();
    private final List<ScriptedFlow> flows = new ArrayList<>();
    private final HeldExecutor background = new HeldExecutor();
    private final ConnectModel model = new ConnectModel("Zendesk Support", INPUTS.form("zendesk-support"),
            this::startFlow, connection -> { }, background, Runnable::run);

    private ScriptedFlow startFlow(FormValues values, ConnectListener listener) {
        startedWith.add(values);
        ScriptedFlow flow = new ScriptedFlow(listener);
        flows.add(flow);
        return flow;
    }

    @Test
    void start_asksForTheFieldsAndStartsNothing() {
        model.start();
        background.runAll();

        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.ASKING);
        assertThat(model.inputs()).isPresent();
        assertThat(startedWith).isEmpty();
    }

    @Test
    void continueWithoutTheSubdomain_staysAskingWithTheFieldsSentence() {
        model.start();

        model.continueWithInputs();
        background.runAll();

        ConsentInputsModel inputs = model.inputs().orElseThrow();
        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.ASKING);
        assertThat(inputs.messageProperty().get()).isEqualTo("Subdomain is required.");
        assertThat(inputs.showProblemsProperty().get()).isTrue();
        assertThat(startedWith).isEmpty();
    }

    @Test
    void continueWithTheSubdomain_startsTheFlowWithWhatWasTyped() {
        model.start();
        model.inputs().orElseThrow().value("subdomain").set("acme");

        model.continueWithInputs();
        background.runAll();

        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.RUNNING);
        assertThat(startedWith).singleElement().satisfies(values -> assertThat(values.text("subdomain")).isEqualTo("acme"));
    }

    @Test
    void tryAgainAfterAnEnd_asksAgainKeepingWhatWasTyped() {
        model.start();
        model.inputs().orElseThrow().value("subdomain").set("acme");
        model.continueWithInputs();
        background.runAll();
        flows.getLast().end(FlowState.FAILED, "Zendesk Support did not grant access.");

        model.start();

        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.ASKING);
        assertThat(model.endMessageProperty().get()).isEmpty();
        assertThat(model.inputs().orElseThrow().value("subdomain").get()).isEqualTo("acme");
    }

    @Test
    void providerThatNeedsNothingFirst_startsTheFlowAtOnce() {
        ConnectModel hubspot = new ConnectModel("HubSpot", INPUTS.form("hubspot"), this::startFlow, connection -> { },
                background, Runnable::run);

        hubspot.start();
        background.runAll();

        assertThat(hubspot.phaseProperty().get()).isEqualTo(DialogPhase.RUNNING);
        assertThat(hubspot.inputs()).isEmpty();
        assertThat(startedWith).singleElement().isEqualTo(FormValues.empty());
    }
}
