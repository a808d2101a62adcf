package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static dev.onramp.connect.SelfManagedFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormElement;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.testing.RelayPageStandIn;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every OAuth connector of the catalog, through simulators of both flavours that validate the whole
 * configuration against the connector's required fields with no defaults filled, as Airbyte does:
 * with what its consent form asks for it connects; without a required field it is refused before
 * anything starts, naming the field.
 */
class EveryOAuthConnectorTest {
    /** Connectors whose sign-in Airbyte Cloud's public API does not broker: Shopify signs in through its app listing. */
    private static final Set<String> CLOUD_WITHOUT_SIGN_IN = Set.of("shopify");
    /**
     * Connectors whose consent link from a self-managed Airbyte leads to Airbyte's own app, never back to
     * Onramp: Shopify's (ShopifyOAuthFlow answers with Airbyte Cloud's preflight page or App Store listing).
     */
    private static final Set<String> SELF_MANAGED_THROUGH_AIRBYTES_OWN_APP = Set.of("shopify");

    @TempDir
    Path dataDir;

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

    static Stream<String> oauthProviders() {
        return dev.onramp.catalog.Catalog.bundled().featured().stream()
                .filter(Provider::connectsByOAuth).map(Provider::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oauthProviders")
    void withWhatItsConsentFormAsksFor_connectsThroughTheStrictSimulatorUnlessOnlyAirbytesOwnAppSignsItIn(
            String providerId) throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        ConnectService service = fx.service(fx.airbyte.gateway(), browser, WAIT);
        FormValues values = filledIn(service.consentInputs(providerId));

        ConnectOutcome outcome = outcomeOf(service.connect(tenant.id(), providerId, values, ConnectListener.NONE));

        if (SELF_MANAGED_THROUGH_AIRBYTES_OWN_APP.contains(providerId)) {
            assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> assertThat(ended.message())
                    .contains("only through its own").contains("app (cloud.airbyte.com)")
                    .endsWith("with an access token or API key instead."));
            assertThat(browser.openedUrls()).isEmpty();
            assertThat(fx.airbyte.simulator().sourceIds()).isEmpty();
            assertThat(fx.store.connections().list(tenant.id())).isEmpty();
        } else {
            assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Connected.class,
                    connected -> assertThat(connected.connection().streams()).isNotEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oauthProviders")
    void withWhatItsConsentFormAsksFor_connectsThroughTheStrictCloudSimulatorWhereCloudBrokersItsSignIn(String providerId)
            throws Exception {
        try (CloudFixture cloud = new CloudFixture(dataDir.resolve("cloud"))) {
            ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW, Duration.ofSeconds(10),
                    new RelayPageStandIn(CloudConnectServiceTest.RELAY));
            ConnectService service = cloud.service(cloud.gateway(Optional.of(CloudConnectServiceTest.RELAY),
                    Duration.ofSeconds(5)), browser, WAIT);
            FormValues values = filledIn(service.consentInputs(providerId));

            ConnectOutcome outcome = outcomeOf(service.connect(cloud.tenant.id(), providerId, values, ConnectListener.NONE));

            if (CLOUD_WITHOUT_SIGN_IN.contains(providerId)) {
                assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> assertThat(ended.message())
                        .contains("cannot start a sign-in to").contains("through its API"));
            } else {
                assertThat(outcome).as(outcome.toString()).isInstanceOfSatisfying(ConnectOutcome.Connected.class,
                        connected -> assertThat(connected.connection().streams()).isNotEmpty());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oauthProviders")
    void withoutARequiredFieldTheSignInLeavesEmpty_isRefusedBeforeAnythingStartsNamingIt(String providerId) {
        ConnectService service = fx.service(fx.airbyte.gateway(), url -> true, WAIT);
        ConnectorForm form = service.consentInputs(providerId);
        List<FormField> withoutDefault = form.elements().stream()
                .filter(element -> element instanceof FormField field && field.required() && field.defaultValue().isEmpty())
                .map(FormField.class::cast).toList();
        if (withoutDefault.isEmpty()) {
            return;
        }
        FormField left = withoutDefault.getFirst();
        Map<String, String> values = new LinkedHashMap<>(filledIn(form).byPath());
        values.remove(left.path());

        assertThatThrownBy(() -> service.connect(tenant.id(), providerId, new FormValues(values), ConnectListener.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(left.title());
        assertThat(fx.airbyte.proxy().calls()).isEmpty();
    }

    /** A value for every field of the form that the form itself accepts: its default, its example, or one of its kind. */
    private static FormValues filledIn(ConnectorForm form) {
        Map<String, String> values = new LinkedHashMap<>(form.defaults().byPath());
        for (FormElement element : form.elements()) {
            if (element instanceof FormField field && !values.containsKey(field.path())) {
                values.put(field.path(), valueFor(form, field));
            }
        }
        FormValues filled = new FormValues(values);
        assertThat(form.problems(filled)).as("the form's own checks of the values made up for it").isEmpty();
        return filled;
    }

    private static String valueFor(ConnectorForm form, FormField field) {
        List<String> candidates = Stream.concat(field.example().stream(),
                Stream.of("2024-01-01T00:00:00Z", "2024-01-01", "123456789", "acme")).toList();
        for (String candidate : candidates) {
            Map<String, String> one = new LinkedHashMap<>(form.defaults().byPath());
            one.put(field.path(), candidate);
            if (form.problems(new FormValues(one)).stream().noneMatch(problem -> problem.path().equals(field.path()))) {
                return candidate;
            }
        }
        throw new AssertionError("no made-up value passes " + field.path());
    }
}
