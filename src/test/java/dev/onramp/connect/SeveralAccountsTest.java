package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static dev.onramp.connect.SelfManagedFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.business.AirbyteSelection;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.Connection;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.store.SettingsRepository;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several accounts of one provider in one business: their labels, and a second connect of the same account. */
class SeveralAccountsTest {
    private static final String STRIPE_KEY = "sk_test_onramp_several_accounts_0001";

    @TempDir
    Path dataDir;

    private SelfManagedFixture fx;
    private Tenant tenant;
    private ConnectService flows;
    private CredentialsService credentials;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        tenant = fx.store.addTenant("Acme Outdoor", "online-store");
        SettingsRepository settings = new SettingsRepository(fx.store.db(), fx.store.vault(), fx.clock);
        AirbyteSelection selection = new AirbyteSelection(settings, target -> fx.airbyte.gateway(), Optional.empty());
        flows = fx.service(new ScriptedBrowser(Decision.ALLOW));
        credentials = new CredentialsService(fx.catalog, ConnectorSpecs.bundled(fx.catalog), selection, fx.store.db(),
                fx.store.tenants(), fx.store.connections(), fx.store.journal(), fx.store.audit(), flows, fx.clock,
                "test");
    }

    @AfterEach
    void tearDown() {
        flows.close();
        fx.close();
    }

    private FormValues stripe(ConnectorForm form, String account) {
        return form.defaults().with("account_id", account).with("client_secret", STRIPE_KEY);
    }

    private ConnectOutcome connectStripe(String account, AccountChoice choice) throws Exception {
        ConnectorForm form = credentials.form(tenant.id(), "stripe");
        return credentials.connect(tenant.id(), "stripe", form, stripe(form, account), choice, ConnectListener.NONE)
                .outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private Connection connectHubSpot(AccountChoice choice) throws Exception {
        return ((ConnectOutcome.Connected) outcomeOf(flows.connect(tenant.id(), "hubspot", FormValues.empty(), choice,
                ConnectListener.NONE))).connection();
    }

    @Test
    void twoStripeAccounts_areLabelledByTheirAccountIds() throws Exception {
        connectStripe("acct_1", AccountChoice.DEFAULT);
        connectStripe("acct_2", AccountChoice.DEFAULT);

        assertThat(flows.connections(tenant.id())).extracting(Connection::accountLabel)
                .containsExactlyInAnyOrder("acct_1", "acct_2");
    }

    @Test
    void theSameStripeAccountAgain_isAskedAbout_refusedWithoutAnythingMade_andAddedOnlyWhenMeant() throws Exception {
        connectStripe("acct_1", AccountChoice.DEFAULT);
        ConnectorForm form = credentials.form(tenant.id(), "stripe");
        int sources = fx.airbyte.simulator().sourceIds().size();

        assertThat(credentials.alreadyConnected(tenant.id(), "stripe", form, stripe(form, "acct_1")))
                .contains("Acme Outdoor's Stripe account acct_1 is already connected — connect it again?");
        assertThat(credentials.alreadyConnected(tenant.id(), "stripe", form, stripe(form, "acct_2"))).isEmpty();
        ConnectOutcome refused = connectStripe("acct_1", AccountChoice.DEFAULT);

        assertThat(refused).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> {
            assertThat(ended.message()).startsWith("Acme Outdoor's Stripe account acct_1 is already connected");
            assertThat(ended.retryable()).isFalse();
        });
        assertThat(fx.airbyte.simulator().sourceIds()).hasSize(sources);

        ConnectOutcome again = connectStripe("acct_1", AccountChoice.DEFAULT.allowingDuplicate());

        assertThat(((ConnectOutcome.Connected) again).connection().accountLabel()).isEqualTo("acct_1 2");
    }

    @Test
    void signInsThatNameNoAccount_areNumbered_orTakeTheLabelGiven() throws Exception {
        assertThat(connectHubSpot(AccountChoice.DEFAULT).accountLabel()).isEqualTo("HubSpot");
        assertThat(connectHubSpot(AccountChoice.DEFAULT).accountLabel()).isEqualTo("HubSpot 2");
        assertThat(connectHubSpot(new AccountChoice(Optional.of("  EU sales "), false)).accountLabel())
                .isEqualTo("EU sales");
    }

    @Test
    void aLabelAnotherAccountOfTheProviderHas_endsTheConnectBeforeTheBrowserOpens() throws Exception {
        connectHubSpot(new AccountChoice(Optional.of("EU sales"), false));

        ConnectOutcome outcome = outcomeOf(flows.connect(tenant.id(), "hubspot", FormValues.empty(),
                new AccountChoice(Optional.of("eu SALES"), false), ConnectListener.NONE));

        assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> assertThat(ended.message())
                .isEqualTo("HubSpot already has an account labelled \"eu SALES\" in this business: choose another label."));
        assertThat(flows.connections(tenant.id())).hasSize(1);
    }

    @Test
    void labelsOfTenThousandCharactersOrWithControlCharacters_areRefusedWithASentence_beforeAnythingStarts() {
        assertThatThrownBy(() -> flows.connect(tenant.id(), "hubspot", FormValues.empty(),
                new AccountChoice(Optional.of("x".repeat(10_000)), false), ConnectListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("An account's label can be at most 60 characters long; this one has 10000.");
        assertThatThrownBy(() -> flows.connect(tenant.id(), "hubspot", FormValues.empty(),
                new AccountChoice(Optional.of("EU\nsales"), false), ConnectListener.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("control characters");
        assertThat(fx.store.journal().unfinished()).isEmpty();
        assertThat(flows.connections(tenant.id())).isEmpty();
    }

    @Test
    void aZendeskSubdomainAlreadyConnected_isAskedAboutBeforeTheSignIn() throws Exception {
        FormValues acme = FormValues.empty().with("subdomain", "acme");
        outcomeOf(flows.connect(tenant.id(), "zendesk-support", acme, ConnectListener.NONE));

        assertThat(flows.alreadyConnected(tenant.id(), "zendesk-support", acme))
                .contains("Acme Outdoor's Zendesk Support account acme is already connected — connect it again?");
        assertThat(flows.alreadyConnected(tenant.id(), "zendesk-support", FormValues.empty().with("subdomain", "other")))
                .isEmpty();
    }
}
