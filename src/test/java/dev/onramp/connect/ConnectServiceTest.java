package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static dev.onramp.connect.SelfManagedFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.RedirectSettings;
import dev.onramp.model.Tenant;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.testing.AirbyteProxy;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connect flow end to end on real parts: H2 file, simulator over HTTP, loopback receiver, scripted browser. */
class ConnectServiceTest {
    @TempDir
    Path dataDir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SelfManagedFixture fx;
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        tenant = fx.store.addTenant("Acme Outdoor", "online-store");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private ConnectService service(BrowserLauncher browser, Duration consentTimeout) {
        return fx.service(fx.airbyte.directGateway(), browser, consentTimeout);
    }

    private List<AuditEvent> auditFor(FlowId flow) {
        return fx.store.audit().list(tenant.id()).stream().filter(e -> e.resource().equals("flow/" + flow)
                || e.action().equals("connect.succeeded")).toList();
    }

    @Test
    void allowOnTheConsentPage_storesAnActiveConnectionWithTheDiscoveredStreams() throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);

        ConnectOutcome outcome = outcomeOf(service(browser, WAIT).connect(tenant.id(), "hubspot", ConnectListener.NONE));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        Connection connection = ((ConnectOutcome.Connected) outcome).connection();
        assertThat(connection.streams()).contains("contacts", "companies", "deals");
        assertThat(fx.store.connections().list(tenant.id())).extracting(Connection::id)
                .containsExactly(connection.id());
        assertThat(fx.store.journal().find(tenant.id(), outcome.flowId()).orElseThrow().state())
                .isEqualTo(FlowState.STORED);
        assertThat(browser.awaitVisit(WAIT).finalStatus()).isEqualTo(200);
    }

    @Test
    void completeOAuth_getsTheConsentLinksParametersWithTheCallbacksOverThem() throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        ConnectOutcome outcome = outcomeOf(fx.service(fx.airbyte.gateway(), browser, WAIT)
                .connect(tenant.id(), "hubspot", ConnectListener.NONE));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        URI consent = browser.awaitVisit(WAIT).consentUrl();
        JsonNode sent = JSON.readTree(fx.airbyte.proxy().calls().stream()
                .filter(call -> call.endpoint().equals("source_oauths/complete_oauth")).findFirst().orElseThrow()
                .body()).path("queryParams");
        assertThat(sent.path("client_id").asText()).isEqualTo(queryOf(consent, "client_id"));
        assertThat(sent.path("scope").asText()).isEqualTo(queryOf(consent, "scope"));
        assertThat(sent.path("state").asText()).isEqualTo(queryOf(consent, "state"));
        assertThat(sent.path("code").asText()).isNotBlank();
    }

    private static String queryOf(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(uri + " has no " + name);
    }

    @Test
    void airbyteWithoutSecretCoordinates_storedConfigurationHoldsTheIssuedTokenAtTheConnectorsPathAndThePredicate()
            throws Exception {
        fx.airbyte.simulator().ignoreReturnSecretCoordinate(true);
        ConnectOutcome outcome = outcomeOf(service(new ScriptedBrowser(Decision.ALLOW), WAIT)
                .connect(tenant.id(), "hubspot", ConnectListener.NONE));

        Connection connection = ((ConnectOutcome.Connected) outcome).connection();
        JsonNode config = new ObjectMapper().readTree(fx.store.connections().secretConfig(tenant.id(), connection.id())
                .orElseThrow());
        assertThat(config.at("/credentials/credentials_title").asText()).isEqualTo("OAuth Credentials");
        assertThat(fx.airbyte.simulator().issuedSecrets()).contains(config.at("/credentials/refresh_token").asText());
    }

    @Test
    void successfulFlow_writesExactlyOneAuditEntryWithoutSecrets() throws Exception {
        ConnectOutcome outcome = outcomeOf(service(new ScriptedBrowser(Decision.ALLOW), WAIT)
                .connect(tenant.id(), "hubspot", ConnectListener.NONE));

        List<AuditEvent> entries = fx.store.audit().list(tenant.id());
        assertThat(entries).extracting(AuditEvent::action).containsExactly("connect.succeeded");
        assertThat(fx.airbyte.simulator().issuedSecrets()).allSatisfy(secret ->
                assertThat(entries.getFirst().details()).doesNotContain(secret));
        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
    }

    @Test
    void denyOnTheConsentPage_endsFailedWithAClearSentenceAndStoresNoConnection() throws Exception {
        ConnectOutcome outcome = outcomeOf(service(new ScriptedBrowser(Decision.DENY), WAIT)
                .connect(tenant.id(), "hubspot", ConnectListener.NONE));

        assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> assertThat(
                List.of(ended.flowId(), ended.state(), ended.message())).containsExactly(outcome.flowId(), FlowState.FAILED,
                        "You declined access on HubSpot."));
        assertThat(fx.store.connections().list(tenant.id())).isEmpty();
        assertThat(auditFor(outcome.flowId())).extracting(AuditEvent::action).containsExactly("connect.failed");
        assertThat(fx.store.journal().find(tenant.id(), outcome.flowId()).orElseThrow().state())
                .isEqualTo(FlowState.FAILED);
    }

    @Test
    void providerWithoutOAuth_saysItNeedsCredentialsAndNeverOpensTheBrowser() throws Exception {
        List<URI> opened = new CopyOnWriteArrayList<>();

        ConnectOutcome outcome = outcomeOf(service(url -> opened.add(url), WAIT)
                .connect(tenant.id(), "stripe", ConnectListener.NONE));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Ended.class);
        assertThat(((ConnectOutcome.Ended) outcome).message()).contains("Stripe", "API credentials");
        assertThat(opened).isEmpty();
    }

    @Test
    void cancelWhileWaitingForTheBrowser_endsCancelledAndStoresNothing() throws Exception {
        List<ConnectStep> steps = new CopyOnWriteArrayList<>();
        ConnectFlow flow = service(url -> true, WAIT).connect(tenant.id(), "hubspot", new ConnectListener() {
            @Override
            public void onStep(ConnectStep step) {
                steps.add(step);
            }

            @Override
            public void onConsentUrl(URI consentUrl, boolean browserOpened) {}
        });
        awaitStep(steps, ConnectStep.WAITING_FOR_CONSENT);

        flow.cancel();

        ConnectOutcome outcome = outcomeOf(flow);
        assertThat(outcome).isInstanceOf(ConnectOutcome.Ended.class);
        assertThat(((ConnectOutcome.Ended) outcome).state()).isEqualTo(FlowState.CANCELLED);
        assertThat(fx.store.connections().list(tenant.id())).isEmpty();
        assertThat(auditFor(flow.id())).extracting(AuditEvent::action).containsExactly("connect.cancelled");
    }

    @Test
    void noAnswerFromTheBrowserInTime_endsTimedOut() throws Exception {
        ConnectOutcome outcome = outcomeOf(service(url -> true, Duration.ofMillis(300))
                .connect(tenant.id(), "hubspot", ConnectListener.NONE));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Ended.class);
        assertThat(((ConnectOutcome.Ended) outcome).state()).isEqualTo(FlowState.TIMED_OUT);
        assertThat(((ConnectOutcome.Ended) outcome).message()).startsWith("No answer came from the browser");
    }

    @Test
    void browserThatCannotOpen_stillReportsTheLinkToCopy() throws Exception {
        List<URI> links = new CopyOnWriteArrayList<>();
        List<Boolean> opened = new CopyOnWriteArrayList<>();
        ConnectFlow flow = service(url -> false, WAIT).connect(tenant.id(), "hubspot", new ConnectListener() {
            @Override
            public void onStep(ConnectStep step) {}

            @Override
            public void onConsentUrl(URI consentUrl, boolean browserOpened) {
                links.add(consentUrl);
                opened.add(browserOpened);
            }
        });
        awaitSize(links);
        flow.cancel();
        outcomeOf(flow);

        assertThat(opened).containsExactly(false);
        assertThat(links.getFirst().getQuery()).contains("state=", "redirect_uri=");
    }

    @Test
    void unreachableAirbyte_endsFailedWithASentenceNamingTheAddress() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api");
        }
        ConnectService service = fx.service(new ConfigApiGateway(closed, Duration.ofSeconds(5)), url -> true, WAIT);

        ConnectOutcome outcome = outcomeOf(service.connect(tenant.id(), "hubspot", ConnectListener.NONE));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Ended.class);
        assertThat(((ConnectOutcome.Ended) outcome).message()).contains("could not reach Airbyte", closed.getAuthority());
        assertThat(fx.store.journal().find(tenant.id(), outcome.flowId()).orElseThrow().state())
                .isEqualTo(FlowState.FAILED);
    }

    @Test
    void airbyteWithoutAnOAuthAppForTheConnector_saysWhoCanFixItAndNeverOpensTheBrowser() throws Exception {
        List<URI> opened = new CopyOnWriteArrayList<>();
        try (AirbyteProxy proxy = AirbyteProxy.inFrontOf(fx.airbyte.simulator().apiBaseUrl())) {
            // What Airbyte's OAuth flows answer when no OAuth app holds the connector's client id (BaseOAuthFlow).
            proxy.replace("source_oauths/get_consent_url", 500, body -> "{\"message\":\"Undefined parameter"
                    + " 'client_id' necessary for the OAuth Flow.\",\"exceptionClassName\":\"java.lang.IllegalArgumentException\"}");
            ConnectService service = fx.service(new ConfigApiGateway(proxy.apiBase(), Duration.ofSeconds(10)),
                    url -> opened.add(url), WAIT);

            ConnectOutcome outcome = outcomeOf(service.connect(tenant.id(), "hubspot", ConnectListener.NONE));

            assertThat(((ConnectOutcome.Ended) outcome).message())
                    .isEqualTo("This Airbyte has no OAuth app for HubSpot: its operator registers one at a HubSpot"
                            + " developer account (https://developers.hubspot.com) → Apps → the app's Auth settings"
                            + " (with the redirect URIs Settings shows) and enters its client id and secret in Airbyte"
                            + " (onramp oauth-check prints the steps); until then, connect with an access token or key"
                            + " instead.");
        }
        assertThat(opened).isEmpty();
    }

    @Test
    void consentLinkReturningToAnotherAddress_endsBeforeTheBrowserOpensSayingTheOAuthAppIsSetUpForIt()
            throws Exception {
        List<URI> opened = new CopyOnWriteArrayList<>();
        try (AirbyteProxy proxy = AirbyteProxy.inFrontOf(fx.airbyte.simulator().apiBaseUrl())) {
            proxy.replace("source_oauths/get_consent_url", 200, body -> "{\"consentUrl\":\"https://app.hubspot.com/oauth/"
                    + "authorize?client_id=app&redirect_uri=https%3A%2F%2Fairbyte.example.com%2Fauth_flow"
                    + "&scope=crm.objects.contacts.read&state=AbCdEfG\"}");
            ConnectService service = fx.service(new ConfigApiGateway(proxy.apiBase(), Duration.ofSeconds(10)),
                    url -> opened.add(url), WAIT);

            ConnectOutcome outcome = outcomeOf(service.connect(tenant.id(), "hubspot", ConnectListener.NONE));

            assertThat(((ConnectOutcome.Ended) outcome).message()).startsWith("Airbyte's consent link for HubSpot would"
                    + " send you back to https://airbyte.example.com/auth_flow, not to Onramp (http://127.0.0.1:")
                    .endsWith("the OAuth app in Airbyte is set up for another address. Ask its operator to check the"
                            + " connector's OAuth settings.");
        }
        assertThat(opened).isEmpty();
    }

    @Test
    void whileWaitingForTheBrowser_theConsentLinkOpensAgain_andNotOnceTheFlowHasEnded() throws Exception {
        List<URI> opened = new CopyOnWriteArrayList<>();
        List<java.time.Instant> deadlines = new CopyOnWriteArrayList<>();
        ConnectFlow flow = service(url -> opened.add(url), WAIT).connect(tenant.id(), "hubspot", new ConnectListener() {
            @Override
            public void onStep(ConnectStep step) {}

            @Override
            public void onConsentUrl(URI consentUrl, boolean browserOpened) {}

            @Override
            public void onConsentDeadline(java.time.Instant deadline) {
                deadlines.add(deadline);
            }
        });
        long waited = System.nanoTime();
        while (opened.isEmpty() && System.nanoTime() - waited < WAIT.toNanos()) {
            Thread.sleep(20);
        }

        assertThat(flow.openConsentAgain()).isTrue();
        assertThat(opened).hasSize(2).containsOnly(opened.getFirst());
        assertThat(deadlines).singleElement().satisfies(deadline -> assertThat(deadline)
                .isBetween(java.time.Instant.now().plus(WAIT).minusSeconds(10), java.time.Instant.now().plus(WAIT)));
        flow.cancel();
        outcomeOf(flow);
        assertThat(flow.openConsentAgain()).isFalse();
        assertThat(opened).hasSize(2);
    }

    @Test
    void shopifysConsentLinkToAirbytesOwnApp_endsBeforeTheBrowserOpensNamingTheAccessTokenWayIn() throws Exception {
        List<URI> opened = new CopyOnWriteArrayList<>();
        // The simulator answers as ShopifyOAuthFlow does for a redirect outside airbyte.com: Airbyte Cloud's
        // preflight page with the port-less origin, no redirect_uri and no state.
        ConnectOutcome outcome = outcomeOf(fx.service(url -> opened.add(url))
                .connect(tenant.id(), "shopify", ConnectListener.NONE));

        assertThat(((ConnectOutcome.Ended) outcome).message()).isEqualTo("Airbyte signs Shopify in only through"
                + " its own Shopify app (cloud.airbyte.com), whose answer goes to Airbyte, not back to Onramp:"
                + " connect Shopify with an access token or API key instead.");
        assertThat(((ConnectOutcome.Ended) outcome).retryable()).as("another attempt ends the same way").isFalse();
        assertThat(fx.airbyte.proxy().count("source_oauths/get_consent_url")).isEqualTo(1);
        assertThat(fx.airbyte.proxy().count("source_oauths/complete_oauth")).isZero();
        assertThat(opened).isEmpty();
        assertThat(fx.store.connections().list(tenant.id())).isEmpty();
    }

    @Test
    void shopifysConsentLinkToItsAppStoreListing_forALocalhostRedirect_endsTheSameWay() throws Exception {
        List<URI> opened = new CopyOnWriteArrayList<>();
        // For localhost, ShopifyOAuthFlow (and so the simulator) answers with Airbyte's Shopify App Store listing.
        ConnectService service = fx.service(tenant -> fx.airbyte.gateway(),
                tenant -> RedirectSettings.anyPort(RedirectSettings.Host.LOCALHOST), url -> opened.add(url), WAIT);

        ConnectOutcome outcome = outcomeOf(service.connect(tenant.id(), "shopify", ConnectListener.NONE));

        assertThat(((ConnectOutcome.Ended) outcome).message()).isEqualTo("Airbyte signs Shopify in only through"
                + " its own Shopify app (apps.shopify.com), whose answer goes to Airbyte, not back to Onramp:"
                + " connect Shopify with an access token or API key instead.");
        assertThat(fx.airbyte.proxy().count("source_oauths/complete_oauth")).isZero();
        assertThat(opened).isEmpty();
        assertThat(fx.store.connections().list(tenant.id())).isEmpty();
    }

    @Test
    void simulatedAirbyteWithoutTheConnectorsOAuthApp_endsBeforeAnyConsentLinkWithTheFix() throws Exception {
        fx.airbyte.simulator().withoutOAuthApp("hubspot");
        List<URI> opened = new CopyOnWriteArrayList<>();

        ConnectOutcome outcome = outcomeOf(service(url -> opened.add(url), WAIT)
                .connect(tenant.id(), "hubspot", ConnectListener.NONE));

        assertThat(((ConnectOutcome.Ended) outcome).message()).startsWith("This Airbyte has no OAuth app for HubSpot:")
                .contains("client id and secret");
        assertThat(opened).isEmpty();
        assertThat(fx.airbyte.simulator().sourceIds()).isEmpty();
    }

    @Test
    void simulatedAirbyteWithOAuthSwitchedOff_endsWithoutOpeningTheBrowser() throws Exception {
        fx.airbyte.simulator().switchOAuthOff("hubspot");
        List<URI> opened = new CopyOnWriteArrayList<>();

        ConnectOutcome outcome = outcomeOf(service(url -> opened.add(url), WAIT)
                .connect(tenant.id(), "hubspot", ConnectListener.NONE));

        assertThat(((ConnectOutcome.Ended) outcome).message()).startsWith("Signing in to HubSpot is switched off");
        assertThat(opened).isEmpty();
    }

    @Test
    void airbyteWithOAuthSwitchedOffForTheConnector_saysSoAndNeverOpensTheBrowser() throws Exception {
        List<URI> opened = new CopyOnWriteArrayList<>();
        try (AirbyteProxy proxy = AirbyteProxy.inFrontOf(fx.airbyte.simulator().apiBaseUrl())) {
            proxy.replace("source_oauths/get_consent_url", 404, body -> "{\"message\":\"OAuth is disabled\"}");
            ConnectService service = fx.service(new ConfigApiGateway(proxy.apiBase(), Duration.ofSeconds(10)),
                    url -> opened.add(url), WAIT);

            ConnectOutcome outcome = outcomeOf(service.connect(tenant.id(), "hubspot", ConnectListener.NONE));

            assertThat(((ConnectOutcome.Ended) outcome).message()).isEqualTo("Signing in to HubSpot is switched off in"
                    + " this Airbyte: ask its operator to turn OAuth on for the connector, or connect with an access"
                    + " token or key instead.");
        }
        assertThat(opened).isEmpty();
    }

    @Test
    void specSayingNoGlobalOAuthCredentials_endsBeforeAskingForAConsentLink() throws Exception {
        String spec = specificationOf(fx.catalog.provider("hubspot").orElseThrow().definitionId())
                .replace("\"advancedAuthGlobalCredentialsAvailable\":true", "\"advancedAuthGlobalCredentialsAvailable\":false");
        assertThat(spec).contains("\"advancedAuthGlobalCredentialsAvailable\":false");
        try (AirbyteProxy proxy = AirbyteProxy.inFrontOf(fx.airbyte.simulator().apiBaseUrl())) {
            proxy.replace("source_definition_specifications/get", 200, body -> spec);
            ConnectService service = fx.service(new ConfigApiGateway(proxy.apiBase(), Duration.ofSeconds(10)),
                    url -> true, WAIT);

            ConnectOutcome outcome = outcomeOf(service.connect(tenant.id(), "hubspot", ConnectListener.NONE));

            assertThat(((ConnectOutcome.Ended) outcome).message()).startsWith("This Airbyte has no OAuth app for HubSpot");
            assertThat(proxy.count("source_oauths/get_consent_url")).isZero();
        }
    }

    /** The simulator's own answer to source_definition_specifications/get, as compact JSON. */
    private String specificationOf(String definitionId) throws Exception {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            String request = "{\"sourceDefinitionId\":\"" + definitionId + "\",\"workspaceId\":\""
                    + fx.airbyte.simulator().workspaceId() + "\"}";
            String answer = http.send(java.net.http.HttpRequest.newBuilder(
                            URI.create(fx.airbyte.simulator().apiBaseUrl()
                                    + "/v1/source_definition_specifications/get"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(request)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return new ObjectMapper().readTree(answer).toString();
        }
    }

    @Test
    void firstFlow_remembersTheAirbyteWorkspaceOnTheTenant() throws Exception {
        outcomeOf(service(new ScriptedBrowser(Decision.ALLOW), WAIT).connect(tenant.id(), "hubspot", ConnectListener.NONE));

        assertThat(fx.store.tenants().find(tenant.id()).orElseThrow().workspaceId())
                .contains(fx.airbyte.simulator().workspaceId());
    }

    @Test
    void recovery_deletesASourceThatAnInterruptedFlowCreatedButNeverStored() {
        AirbyteGateway gateway = new ConfigApiGateway(fx.airbyte.simulator().apiBaseUrl(), Duration.ofSeconds(10));
        String stripe = fx.catalog.provider("stripe").orElseThrow().definitionId();
        var config = new ObjectMapper().createObjectNode().put("client_secret", "sk_test_demo").put("account_id", "acct_1");
        String orphan = gateway.createSource(fx.airbyte.simulator().workspaceId(), stripe, "orphan", config);
        FlowId flow = FlowId.random();
        Instant now = fx.clock.instant();
        fx.store.db().inTransaction(tx -> {
            fx.store.journal().start(tx, tenant.id(), new FlowRecord(flow, tenant.id(), "stripe",
                    FlowState.SOURCE_CREATED, Optional.of(orphan),
                    Optional.empty(), now, now));
            return null;
        });

        int ended = fx.service(gateway, url -> true, WAIT).recoverUnfinished();

        assertThat(ended).isEqualTo(1);
        assertThatThrownBy(() -> gateway.checkConnection(orphan))
                .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.NOT_FOUND));
        assertThat(fx.store.journal().find(tenant.id(), flow).orElseThrow().state()).isEqualTo(FlowState.FAILED);
        assertThat(auditFor(flow)).extracting(AuditEvent::action).containsExactly("connect.recovered");
    }

    private static void awaitStep(List<ConnectStep> steps, ConnectStep wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!steps.contains(wanted)) {
            assertThat(System.nanoTime()).as("waiting for step " + wanted).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void awaitSize(List<?> list) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (list.isEmpty()) {
            assertThat(System.nanoTime()).as("waiting for the consent link").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
