package dev.onramp.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.connect.ConnectStep;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowState;
import dev.onramp.model.TenantId;
import dev.onramp.ui.common.HeldExecutor;
import dev.onramp.ui.common.DialogPhase;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectModelTest {
    private static final URI CONSENT = URI.create("http://127.0.0.1:5555/consent/shopify?state=abcdefg");

    private final List<ScriptedFlow> flows = new ArrayList<>();
    private final List<Connection> connected = new ArrayList<>();
    private final HeldExecutor background = new HeldExecutor();
    private final ConnectModel model = new ConnectModel("Shopify", this::startFlow, connected::add, background, Runnable::run);

    private ScriptedFlow startFlow(ConnectListener listener) {
        ScriptedFlow flow = new ScriptedFlow(listener);
        flows.add(flow);
        return flow;
    }

    private ScriptedFlow started() {
        model.start();
        background.runAll();
        return flows.getLast();
    }

    @Test
    void title_namesTheProvider() {
        assertThat(model.title()).isEqualTo("Connecting Shopify");
    }

    @Test
    void reconnectingModel_saysReconnectingAndAsksNothingFirst() {
        ConnectModel reconnecting = ConnectModel.reconnecting("Shopify", this::startFlow, connected::add, background,
                Runnable::run);

        assertThat(reconnecting.title()).isEqualTo("Reconnecting Shopify");
        assertThat(reconnecting.inputs()).isEmpty();
    }

    @Test
    void start_showsPreparingBeforeTheFlowSaysAnything() {
        model.start();

        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.RUNNING);
        assertThat(model.stepLabelProperty().get()).isEqualTo("Preparing the connection");
    }

    @Test
    void stepFromTheFlow_showsItsLabel() {
        ScriptedFlow flow = started();

        flow.listener.onStep(ConnectStep.WAITING_FOR_CONSENT);

        assertThat(model.stepLabelProperty().get()).isEqualTo("Waiting for you in the browser");
    }

    @Test
    void consentUrlWhenTheBrowserOpened_isShownWithTheGentleHint() {
        ScriptedFlow flow = started();

        flow.listener.onConsentUrl(CONSENT, true);

        assertThat(model.consentUrlProperty().get()).isEqualTo(CONSENT.toString());
        assertThat(model.browserFailedProperty().get()).isFalse();
        assertThat(model.consentHintProperty().get())
                .isEqualTo("Your browser should show the consent page. If it does not, copy this link into it.");
    }

    @Test
    void consentUrlWhenTheBrowserDidNotOpen_saysSoAndAsksToCopyTheLink() {
        ScriptedFlow flow = started();

        flow.listener.onConsentUrl(CONSENT, false);

        assertThat(model.browserFailedProperty().get()).isTrue();
        assertThat(model.consentHintProperty().get()).isEqualTo("Your browser did not open. Copy this link into it.");
    }

    @Test
    void consentDeadline_isShownAsTheTimeLeft() {
        ScriptedFlow flow = started();
        Instant deadline = Instant.parse("2026-12-07T10:05:00Z");

        flow.listener.onConsentUrl(CONSENT, true);
        flow.listener.onConsentDeadline(deadline);

        assertThat(model.consentDeadlineProperty().get()).isEqualTo(deadline);
        assertThat(ConnectModel.timeLeft(deadline, deadline.minusSeconds(252))).isEqualTo("4:12 left");
        assertThat(ConnectModel.timeLeft(deadline, deadline.minusSeconds(9))).isEqualTo("0:09 left");
        assertThat(ConnectModel.timeLeft(deadline, deadline.plusSeconds(3))).isEqualTo("0:00 left");
    }

    @Test
    void openBrowserAgain_asksTheFlowInTheBackground_andSaysToCopyTheLinkWhenNoBrowserOpens() {
        ScriptedFlow flow = started();
        flow.listener.onConsentUrl(CONSENT, true);
        flow.browserOpensAgain = false;

        model.openBrowserAgain();
        assertThat(flow.openedAgain).as("not on the calling thread").isZero();
        background.runAll();

        assertThat(flow.openedAgain).isEqualTo(1);
        assertThat(model.browserFailedProperty().get()).isTrue();
        assertThat(model.consentHintProperty().get()).isEqualTo("Your browser did not open. Copy this link into it.");
    }

    @Test
    void aNewAttempt_forgetsTheLastDeadline() {
        ScriptedFlow flow = started();
        flow.listener.onConsentDeadline(Instant.now());
        flow.end(dev.onramp.model.FlowState.FAILED, "You declined access on Shopify");

        started();

        assertThat(model.consentDeadlineProperty().get()).isNull();
    }

    @Test
    void connectedOutcome_handsOverTheConnectionAndEndsConnected() {
        ScriptedFlow flow = started();
        Connection connection = connection();

        flow.complete(new ConnectOutcome.Connected(flow.id(), connection));

        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.CONNECTED);
        assertThat(connected).containsExactly(connection);
    }

    @Test
    void endedOutcome_showsItsMessage() {
        ScriptedFlow flow = started();

        flow.end(FlowState.FAILED, "You declined access on Shopify");

        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.ENDED);
        assertThat(model.endMessageProperty().get()).isEqualTo("You declined access on Shopify");
        assertThat(connected).isEmpty();
    }

    @Test
    void cancel_cancelsTheRunningFlowInTheBackground() {
        ScriptedFlow flow = started();

        model.cancel();
        assertThat(flow.cancelled()).isFalse();
        background.runAll();

        assertThat(flow.cancelled()).isTrue();
    }

    @Test
    void cancelBeforeTheFlowHasStarted_cancelsItOnceItStarts() {
        model.start();
        model.cancel();

        background.runAll();

        assertThat(flows.getLast().cancelled()).isTrue();
    }

    @Test
    void tryAgainAfterAnEnd_startsAFreshFlowAndIgnoresTheOldOne() {
        ScriptedFlow first = started();
        first.end(FlowState.FAILED, "You declined access on Shopify");

        ScriptedFlow second = started();
        first.listener.onStep(ConnectStep.SAVING);

        assertThat(second).isNotSameAs(first);
        assertThat(model.phaseProperty().get()).isEqualTo(DialogPhase.RUNNING);
        assertThat(model.stepLabelProperty().get()).isEqualTo("Preparing the connection");
        assertThat(model.endMessageProperty().get()).isEmpty();
    }

    @Test
    void flowThatCannotStart_endsWithASentenceNamingTheProvider() {
        ConnectModel failing = new ConnectModel(
                "HubSpot",
                listener -> {
                    throw new IllegalStateException("Onramp could not reach Airbyte at http://127.0.0.1:8000.");
                },
                connected::add,
                Runnable::run,
                Runnable::run);

        failing.start();

        assertThat(failing.phaseProperty().get()).isEqualTo(DialogPhase.ENDED);
        assertThat(failing.endMessageProperty().get())
                .isEqualTo("Onramp could not start connecting HubSpot: "
                        + "Onramp could not reach Airbyte at http://127.0.0.1:8000.");
    }

    private static Connection connection() {
        return new Connection(
                ConnectionId.random(),
                TenantId.random(),
                "shopify",
                "source-1",
                "demo-shop",
                ConnectionStatus.ACTIVE,
                List.of("orders", "customers"),
                Instant.parse("2026-01-01T00:00:00Z"),
                Optional.empty(),
                Optional.empty());
    }
}
