package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static dev.onramp.connect.SelfManagedFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.CheckResult;
import dev.onramp.airbyte.ConnectorSpec;
import dev.onramp.airbyte.SignIn;
import dev.onramp.airbyte.SourceUpdate;
import dev.onramp.airbyte.Workspace;
import dev.onramp.business.AirbyteSelection;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormChoice;
import dev.onramp.connect.form.FormElement;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormOption;
import dev.onramp.connect.form.FormValues;
import dev.onramp.demo.Fault;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.StreamInfo;
import dev.onramp.model.Tenant;
import dev.onramp.store.SettingsRepository;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed-credentials flow on real parts: H2 file, vault, and the simulator over HTTP; it runs
 * among the connect service's flows, one per business and provider, cancelled when that closes.
 */
class CredentialsServiceTest {
    private static final String STRIPE_KEY = "sk_test_onramp_4eC39HqLyjWDarjtT1zdp7dc";

    @TempDir
    Path dataDir;

    private SelfManagedFixture fx;
    private SettingsRepository settings;
    private Tenant tenant;
    /** The connect service the last {@link #service} runs its flows among. */
    private ConnectService flows;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        settings = new SettingsRepository(fx.store.db(), fx.store.vault(), fx.clock);
        tenant = fx.store.addTenant("Acme Outdoor", "online-store");
    }

    @AfterEach
    void tearDown() {
        if (flows != null) {
            flows.close();
        }
        fx.close();
    }

    /** The service with every business in demo mode, the simulator standing in for Airbyte. */
    private CredentialsService service() {
        return service(fx.airbyte.directGateway(), Optional.empty());
    }

    private CredentialsService service(AirbyteGateway gateway, Optional<URI> override) {
        AirbyteSelection selection = new AirbyteSelection(settings, target -> gateway, override);
        // The browser opens nothing: a sign-in waits for its consent until it is cancelled.
        flows = fx.service(selection::gatewayFor, url -> true, WAIT);
        return new CredentialsService(fx.catalog, ConnectorSpecs.bundled(fx.catalog), selection, fx.store.db(),
                fx.store.tenants(), fx.store.connections(), fx.store.journal(), fx.store.audit(), flows, fx.clock,
                "test");
    }

    private ConnectOutcome connectStripe(CredentialsService service, String key) throws Exception {
        return startStripe(service, key, ConnectListener.NONE).outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private ConnectFlow startStripe(CredentialsService service, String key, ConnectListener listener) {
        ConnectorForm form = service.form(tenant.id(), "stripe");
        FormValues values = form.defaults().with("account_id", "acct_1").with("client_secret", key);
        return service.connect(tenant.id(), "stripe", form, values, listener);
    }

    /** A Stripe flow held in its source test (the simulator answers that one call slowly). */
    private ConnectFlow stripeHeldWhileTesting(CredentialsService service) throws InterruptedException {
        fx.airbyte.simulator().faults().arm(Fault.slow(Duration.ofSeconds(2)).on("/api/v1/sources/check_connection"));
        FlowWatcher watcher = new FlowWatcher();
        ConnectFlow flow = startStripe(service, STRIPE_KEY, watcher);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!watcher.steps().contains(ConnectStep.TESTING)) {
            assertThat(System.nanoTime()).as("waiting for the source test").isLessThan(deadline);
            Thread.sleep(10);
        }
        return flow;
    }

    private void assertSourceDeleted(FlowId flow) {
        String sourceId = fx.store.journal().find(tenant.id(), flow).flatMap(FlowRecord::sourceId).orElseThrow();
        assertThatThrownBy(() -> fx.airbyte.directGateway().checkConnection(sourceId))
                .isInstanceOfSatisfying(AirbyteException.class,
                        e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.NOT_FOUND));
    }

    @Test
    void stripeWithItsKey_storesAnActiveConnectionNamedAfterTheAccount() throws Exception {
        ConnectOutcome outcome = connectStripe(service(), STRIPE_KEY);

        Connection connection = ((ConnectOutcome.Connected) outcome).connection();
        assertThat(connection.providerId()).isEqualTo("stripe");
        assertThat(connection.accountLabel()).isEqualTo("acct_1");
        assertThat(connection.streams()).contains("charges", "customers");
        assertThat(fx.store.connections().list(tenant.id())).containsExactly(connection);
        JsonNode stored = new ObjectMapper().readTree(new String(
                fx.store.connections().secretConfig(tenant.id(), connection.id()).orElseThrow(),
                StandardCharsets.UTF_8));
        assertThat(stored.path("client_secret").asText()).isEqualTo(STRIPE_KEY);
        assertThat(fx.store.journal().find(tenant.id(), outcome.flowId())).map(FlowRecord::state)
                .contains(FlowState.STORED);
    }

    @Test
    void successfulConnection_isAuditedWithoutTheKey() throws Exception {
        connectStripe(service(), STRIPE_KEY);

        List<AuditEvent> events = fx.store.audit().list(tenant.id());
        assertThat(events).extracting(AuditEvent::action).containsExactly("connect.succeeded");
        assertThat(events.getFirst().details()).contains("provider=stripe", "auth=credentials").doesNotContain(STRIPE_KEY);
    }

    @Test
    void missingValues_areRefusedBeforeAnythingIsSentOrJournaled() {
        CredentialsService service = service();
        ConnectorForm form = service.form(tenant.id(), "stripe");

        assertThatThrownBy(() -> service.connect(tenant.id(), "stripe", form, form.defaults(), ConnectListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Account ID is required. Secret Key is required.");
        assertThat(fx.store.audit().list(tenant.id())).isEmpty();
        assertThat(fx.store.journal().unfinished()).isEmpty();
    }

    @Test
    void aKeyTheProviderRefuses_endsFailedSayingWhatToCheckAndDeletesTheSource() throws Exception {
        ConnectOutcome outcome = connectStripe(service(), "not a key");

        ConnectOutcome.Ended ended = (ConnectOutcome.Ended) outcome;
        assertThat(ended.state()).isEqualTo(FlowState.FAILED);
        assertThat(ended.message()).startsWith("Airbyte could not sign in to Stripe with that key: check the Secret Key.");
        FlowRecord flow = fx.store.journal().find(tenant.id(), outcome.flowId()).orElseThrow();
        assertThat(flow.state()).isEqualTo(FlowState.FAILED);
        assertThatThrownBy(() -> fx.airbyte.directGateway().checkConnection(flow.sourceId().orElseThrow()))
                .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.NOT_FOUND));
        assertThat(fx.store.connections().list(tenant.id())).isEmpty();
    }

    @Test
    void aKeyRepeatedByAirbyte_isHiddenInTheMessageAndTheAudit() throws Exception {
        AirbyteGateway echoing = new EchoingGateway(fx.airbyte.directGateway());

        ConnectOutcome outcome = connectStripe(service(echoing, Optional.empty()), STRIPE_KEY);

        assertThat(((ConnectOutcome.Ended) outcome).message()).contains("[hidden]").doesNotContain(STRIPE_KEY);
        assertThat(fx.store.audit().list(tenant.id()))
                .allSatisfy(e -> assertThat(e.details()).doesNotContain(STRIPE_KEY));
    }

    @Test
    void shopifyWithItsApiPassword_connectsWithoutSigningIn() throws Exception {
        CredentialsService service = service();
        ConnectorForm form = service.form(tenant.id(), "shopify");
        FormChoice credentials = (FormChoice) form.element("credentials").orElseThrow();
        FormValues values = form.defaults().with("shop", "corner-store").with("credentials.api_password", "shppa_0123456789");

        ConnectOutcome outcome = service.connect(tenant.id(), "shopify", form, values, ConnectListener.NONE)
                .outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(credentials.options()).extracting(FormOption::title).containsExactly("API Password");
        assertThat(((ConnectOutcome.Connected) outcome).connection().accountLabel()).isEqualTo("corner-store");
    }

    @Test
    void aNewerAttemptForTheSameProvider_replacesTheRunningOne_whoseSourceIsDeleted() throws Exception {
        CredentialsService service = service();
        ConnectFlow older = stripeHeldWhileTesting(service);

        ConnectFlow newer = startStripe(service, STRIPE_KEY, ConnectListener.NONE);

        assertThat(outcomeOf(older)).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> assertThat(
                List.of(ended.flowId(), ended.state(), ended.message())).containsExactly(older.id(), FlowState.CANCELLED,
                        "A newer attempt to connect Stripe replaced this one."));
        Connection stored = ((ConnectOutcome.Connected) outcomeOf(newer)).connection();
        assertThat(fx.store.connections().list(tenant.id())).containsExactly(stored);
        assertSourceDeleted(older.id());
    }

    @Test
    void closingTheConnectService_cancelsARunningCredentialsFlowAndRecordsItsEnd() throws Exception {
        ConnectFlow flow = stripeHeldWhileTesting(service());

        flows.close();

        assertThat(flow.outcome()).isDone();
        assertThat(((ConnectOutcome.Ended) outcomeOf(flow)).state()).isEqualTo(FlowState.CANCELLED);
        assertThat(fx.store.journal().find(tenant.id(), flow.id())).map(FlowRecord::state)
                .contains(FlowState.CANCELLED);
        assertSourceDeleted(flow.id());
        assertThat(fx.store.audit().list(tenant.id())).filteredOn(e -> e.resource().equals("flow/" + flow.id()))
                .extracting(AuditEvent::action).containsExactly("connect.cancelled");
    }

    @Test
    void aSignInWaitingForConsent_isReplacedByACredentialsAttemptForTheSameProvider() throws Exception {
        CredentialsService service = service();
        FlowWatcher watcher = new FlowWatcher();
        ConnectFlow signIn = flows.connect(tenant.id(), "hubspot", watcher);
        watcher.awaitConsentUrl();
        ConnectorForm form = service.form(tenant.id(), "hubspot");

        ConnectFlow typed = service.connect(tenant.id(), "hubspot", form, form.defaults()
                .with("credentials.access_token", "pat-na1-0123456789abcdef"), ConnectListener.NONE);

        assertThat(outcomeOf(signIn)).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> assertThat(
                List.of(ended.flowId(), ended.state(), ended.message())).containsExactly(signIn.id(), FlowState.CANCELLED,
                        "A newer attempt to connect HubSpot replaced this one."));
        Connection connection = ((ConnectOutcome.Connected) outcomeOf(typed)).connection();
        assertThat(connection.providerId()).isEqualTo("hubspot");
        assertThat(fx.store.connections().list(tenant.id())).containsExactly(connection);
    }

    @Test
    void inDemoMode_theFormComesFromTheSimulatorsSpecificationWithExamplesItAccepts() {
        ConnectorForm form = service().form(tenant.id(), "stripe");

        assertThat(form.elements()).extracting(FormElement::path).containsExactly("account_id", "client_secret", "start_date");
        assertThat(form.allElements()).filteredOn(element -> element.path().equals("client_secret"))
                .singleElement().satisfies(secret -> {
                    assertThat(((FormField) secret).example()).contains("sk_test_demo0123456789");
                    assertThat(secret.help()).endsWith("Demo: the simulator takes any value of 8 or more characters"
                            + " without spaces. For example: sk_test_demo0123456789.");
                });
    }

    @Test
    void withASelfManagedAirbyte_theFormComesFromItsOwnSpecification() {
        ConnectorForm form = service(fx.airbyte.directGateway(), Optional.of(fx.airbyte.simulator().apiBaseUrl()))
                .form(tenant.id(), "stripe");

        assertThat(form.elements()).extracting(FormElement::path).containsExactly("account_id", "client_secret", "start_date");
    }

    @Test
    void providersOffered_areThoseWithSomethingToType() {
        CredentialsService service = service();

        assertThat(service.offersCredentials("stripe")).isTrue();
        assertThat(service.offersCredentials("shopify")).isTrue();
        assertThat(service.offersCredentials("google-ads")).isFalse();
        assertThat(service.alternativesToOAuth("stripe")).isEmpty();
    }

    /** An Airbyte whose test repeats every configuration value in its message, as a careless connector might. */
    private static final class EchoingGateway implements AirbyteGateway {
        private final AirbyteGateway real;
        private final Map<String, ObjectNode> created = new ConcurrentHashMap<>();

        EchoingGateway(AirbyteGateway real) {
            this.real = real;
        }

        @Override
        public URI baseUrl() {
            return real.baseUrl();
        }

        @Override
        public java.util.Optional<java.time.Instant> serverTime() {
            return real.serverTime();
        }

        @Override
        public List<String> findSources(String workspaceId, String nameContains) {
            return real.findSources(workspaceId, nameContains);
        }

        @Override
        public List<Workspace> listWorkspaces() {
            return real.listWorkspaces();
        }

        @Override
        public ConnectorSpec getSpecification(String definitionId, String workspaceId) {
            return real.getSpecification(definitionId, workspaceId);
        }

        @Override
        public Optional<List<dev.onramp.airbyte.SourceDefinition>> sourceDefinitions(String workspaceId) {
            return real.sourceDefinitions(workspaceId);
        }

        @Override
        public SignIn signIn() {
            return real.signIn();
        }

        @Override
        public SourceUpdate sourceUpdate() {
            return real.sourceUpdate();
        }

        @Override
        public String createSource(String workspaceId, String definitionId, String name, ObjectNode configuration) {
            String id = real.createSource(workspaceId, definitionId, name, configuration);
            created.put(id, configuration);
            return id;
        }

        @Override
        public CheckResult checkConnection(String sourceId) {
            return new CheckResult(false, "Invalid API Key provided: " + created.get(sourceId));
        }

        @Override
        public List<StreamInfo> discoverStreams(String sourceId) {
            return real.discoverStreams(sourceId);
        }

        @Override
        public void deleteSource(String sourceId) {
            real.deleteSource(sourceId);
        }
    }
}
