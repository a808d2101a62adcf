package dev.onramp.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.business.AirbyteSelection;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.store.SettingsRepository;
import dev.onramp.testing.RelayPageStandIn;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Any connector of the catalog connects, not only the featured ones: connectors of every shape of
 * specification (plain fields, dates and patterns, enums, integers, booleans, arrays, nested oneOf, OAuth
 * with and without fields asked before consent) go through the production services against the strict
 * simulator, with what a person would fill in their forms, and end connected with streams.
 *
 * <p>Besides the sample, every one of the catalog's non-featured connectors (typed ones through their
 * forms, OAuth ones through the self-managed sign-in) is tried by
 * {@link #everyConnectorOfTheCatalog_connectsSaveThoseWhoseSpecificationNoValueCanMeet} (about half a
 * minute), which lists the connectors that fail with their messages in {@code target/every-connector.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnyConnectorConnectsTest {
    private static final Duration WAIT = SelfManagedFixture.WAIT;
    /**
     * Connectors whose specification no value can meet: CoinGecko Coins' start and end dates must be
     * dates ({@code format: date}, yyyy-mm-dd) and match dd-mm-yyyy at once.
     */
    private static final Set<String> IMPOSSIBLE = Set.of("coingecko-coins");

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
        "salesloft", "convertkit", "datagen", "mysql", "mssql", "kafka", "elasticsearch", "cart", "oracle", "db2",
        // options told apart by single-value enums
        "db2-enterprise", "oracle-enterprise", "sap-hana-enterprise", "netsuite-enterprise",
        // lists of settings: file-based streams, OneSignal's applications, Workday's reports
        "s3", "sftp-bulk", "onesignal", "workday"})
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
        "zendesk-talk", "lever-hiring", "surveymonkey", "gitlab", "bing-ads",
        // a tenant id asked inside the OAuth option, and a required list of streams beside the sign-in
        "azure-blob-storage", "microsoft-onedrive", "microsoft-sharepoint", "microsoft-teams", "sharepoint-enterprise",
        "gcs", "google-drive",
        // the only OAuth option's constant (auth_type: Client), with no predicate to set it
        "rd-station-marketing"})
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
    @ValueSource(strings = {"typeform", "smartsheets", "airtable", "zendesk-talk", "surveymonkey", "microsoft-teams",
        "google-drive", "rd-station-marketing"})
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

    @Test
    void aConnectorWhoseSpecificationNoValueFits_isRefusedBeforeAnythingIsSentWithASentenceSayingSo() {
        ConnectorForm form = credentials.form(tenant.id(), "coingecko-coins");
        FormValues values = form.defaults().withAll(new FormValues(Map.of("start_date", "15-01-2024")));

        assertThatThrownBy(() -> credentials.connect(tenant.id(), "coingecko-coins", form, values, ConnectListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Start date cannot be filled in: the connector's specification wants a date"
                        + " written like 2024-01-15 that must also look like 15-01-2024, and no date is written both"
                        + " ways. The connector cannot be set up until its specification is corrected.");
    }

    /**
     * Every non-featured connector of the catalog, typed ones through their forms and OAuth ones through the
     * self-managed sign-in (about half a minute). The failures are
     * written to {@code target/every-connector.txt}.
     */
    @Test
    void everyConnectorOfTheCatalog_connectsSaveThoseWhoseSpecificationNoValueCanMeet() throws Exception {
        // A business of its own, so that the sample's connections are no duplicates of these.
        Tenant everyOne = fx.store.addTenant("Every Connector Outfitters", "online-store");
        Map<String, String> failures = new TreeMap<>();
        int tried = 0;
        for (Provider provider : fx.catalog.providers()) {
            if (provider.listing().featured()) {
                continue;
            }
            tried++;
            String id = provider.id();
            try {
                ConnectOutcome outcome;
                if (provider.connectsByOAuth()) {
                    FormValues values = FormFiller.filledIn(flows.consentInputs(id), specification(id));
                    outcome = flows.connect(everyOne.id(), id, values, ConnectListener.NONE)
                            .outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                } else {
                    ConnectorForm form = credentials.form(everyOne.id(), id);
                    FormValues values = FormFiller.filledIn(form, specification(id));
                    outcome = credentials.connect(everyOne.id(), id, form, values, ConnectListener.NONE)
                            .outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                if (!(outcome instanceof ConnectOutcome.Connected)) {
                    failures.put(id, outcome.toString());
                }
            } catch (Throwable e) {
                failures.put(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        StringBuilder report = new StringBuilder((tried - failures.size()) + " of " + tried + " connect\n");
        failures.forEach((id, message) -> report.append(id).append('\t').append(message).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "every-connector.txt"), report);
        assertThat(failures.keySet()).as(report.toString()).isEqualTo(IMPOSSIBLE);
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
