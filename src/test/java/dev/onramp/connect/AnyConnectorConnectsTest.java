package dev.onramp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.business.AirbyteSelection;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.store.SettingsRepository;
import dev.onramp.testing.RelayPageStandIn;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Any connector of the catalog connects, not only the featured ones: connectors of every shape of
 * specification (plain fields, dates and patterns, enums, integers, booleans, arrays, nested oneOf, OAuth
 * with and without fields asked before consent) go through the production services against the strict
 * simulator, with what a person would fill in their forms, and end connected with streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnyConnectorConnectsTest {
    private static final Duration WAIT = SelfManagedFixture.WAIT;

    private Path dataDir;
    private SelfManagedFixture fx;
    private ConnectService flows;
    private CredentialsService credentials;
    private ConnectorSpecs specs;
    private Tenant tenant;

    @BeforeAll
    void setUp() throws Exception {
        dataDir = Files.createTempDirectory("any-connector");
        fx = new SelfManagedFixture(dataDir);
        SettingsRepository settings = new SettingsRepository(fx.store.db(), fx.store.vault(), fx.clock);
        AirbyteSelection selection = new AirbyteSelection(settings, target -> fx.airbyte.directGateway(), Optional.empty());
        flows = fx.service(selection::gatewayFor, new ScriptedBrowser(Decision.ALLOW), WAIT);
        specs = ConnectorSpecs.bundled(fx.catalog);
        credentials = new CredentialsService(fx.catalog, specs, selection, fx.store.db(), fx.store.tenants(),
                fx.store.connections(), fx.store.journal(), fx.store.audit(), flows, fx.clock, "test");
        tenant = fx.store.addTenant("Acme Outdoor", "online-store");
    }

    @AfterAll
    void tearDown() throws Exception {
        flows.close();
        fx.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // plain fields
        "100ms", "pendo", "mailerlite", "fullstory", "freshsales",
        // dates and patterns
        "brevo", "shipstation", "sendgrid", "appsflyer", "datascope", "paystack", "gocardless",
        // enums, integers, booleans
        "zoho-invoice", "zoho-bigin", "revolut-merchant", "braintree", "toggl", "chargedesk", "fauna",
        "box-data-extract", "alpha-vantage",
        // arrays
        "signnow", "circleci", "finage",
        // nested oneOf (credentials, SSL modes, SSH tunnels, replication methods)
        "salesloft", "convertkit", "datagen", "mysql", "mssql", "kafka", "elasticsearch", "cart", "oracle", "db2"})
    void aConnectorThatTakesTypedCredentials_connectsWithWhatItsFormAsksFor(String providerId) throws Exception {
        Provider provider = nonFeatured(providerId);
        assertThat(provider.connectsByOAuth()).isFalse();
        ConnectorForm form = credentials.form(tenant.id(), providerId);
        FormValues values = FormFiller.filledIn(form, specification(providerId));

        ConnectOutcome outcome = credentials.connect(tenant.id(), providerId, form, values, ConnectListener.NONE)
                .outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertConnected(outcome);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "typeform", "smartsheets", "airtable", "youtube-data", "monday",
        // fields asked before consent: Zendesk's subdomain, Lever's environment, SurveyMonkey's origin,
        // GitLab's domain, Bing's tenant id
        "zendesk-talk", "lever-hiring", "surveymonkey", "gitlab", "bing-ads"})
    void aConnectorThatSignsInThroughAirbytesOAuth_connectsAfterConsentWithWhatItsConsentFormAsksFor(String providerId)
            throws Exception {
        Provider provider = nonFeatured(providerId);
        assertThat(provider.connectsByOAuth()).isTrue();
        FormValues values = FormFiller.filledIn(flows.consentInputs(providerId), specification(providerId));

        ConnectOutcome outcome = flows.connect(tenant.id(), providerId, values, ConnectListener.NONE)
                .outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertConnected(outcome);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"typeform", "smartsheets", "airtable", "zendesk-talk", "surveymonkey"})
    void aConnectorAirbyteCloudSignsIn_connectsThroughTheCloudSimulatorToo(String providerId) throws Exception {
        assertThat(nonFeatured(providerId).listing().cloudOAuth()).isTrue();
        try (CloudFixture cloud = new CloudFixture(dataDir.resolve("cloud-" + providerId))) {
            ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW, Duration.ofSeconds(10),
                    new RelayPageStandIn(CloudConnectServiceTest.RELAY));
            ConnectService service = cloud.service(cloud.gateway(Optional.of(CloudConnectServiceTest.RELAY),
                    Duration.ofSeconds(5)), browser, WAIT);
            FormValues values = FormFiller.filledIn(service.consentInputs(providerId), specification(providerId));

            ConnectOutcome outcome = service.connect(cloud.tenant.id(), providerId, values, ConnectListener.NONE)
                    .outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertConnected(outcome);
        }
    }

    private Provider nonFeatured(String providerId) {
        Provider provider = fx.catalog.provider(providerId).orElseThrow();
        assertThat(provider.listing().featured()).as("%s is one of the featured connectors", providerId).isFalse();
        return provider;
    }

    private JsonNode specification(String providerId) {
        return specs.specification(providerId).orElseThrow();
    }

    private static void assertConnected(ConnectOutcome outcome) {
        assertThat(outcome).as(outcome.toString()).isInstanceOfSatisfying(ConnectOutcome.Connected.class,
                connected -> assertThat(connected.connection().streams()).hasSizeBetween(2, 4));
    }
}
