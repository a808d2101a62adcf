package dev.onramp.ui.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.catalog.Catalog;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormChoice;
import dev.onramp.connect.form.FormElement;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormValues;
import dev.onramp.connect.form.ExampleValues;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.AppUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In demo mode, every featured provider with a typed-credential form (its own, or the key it takes instead
 * of a sign-in) connects with nothing but "Fill with sample values": the form the built-in simulator's
 * specification makes, over real HTTP, its examples filled in as the button fills them, sent and tested.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleValuesConnectTest {
    private Path dataDir;
    private AppUnderTest app;
    private Tenant tenant;

    @BeforeAll
    void setUp() throws Exception {
        dataDir = Files.createTempDirectory("sample-values");
        app = AppUnderTest.start(dataDir, url -> new ScriptedBrowser(Decision.ALLOW).open(url));
        tenant = app.context().tenants().tenantsCreatingDemoIfNone().getFirst();
    }

    @AfterAll
    void tearDown() throws Exception {
        app.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The featured providers a person types credentials for in demo mode. */
    Stream<String> typedCredentialForms() {
        return Catalog.bundled().featured().stream().map(Provider::id)
                .filter(id -> app.context().credentials().offersCredentials(id)
                        || !app.context().credentials().alternativesToOAuth(id).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedCredentialForms")
    void aFeaturedTypedCredentialForm_connectsInDemoModeWithItsSampleValues(String providerId) throws Exception {
        AppContext context = app.context();
        ConnectorForm form = context.credentials().form(tenant.id(), providerId);
        assertThat(ExampleValues.offered(form)).as("the simulator's specification of %s gives examples", providerId)
                .isTrue();

        FormValues values = ExampleValues.filled(form, asTheDialogOpens(form));
        assertThat(form.problems(values)).as("what the form says of the sample values").isEmpty();
        ConnectOutcome outcome = context.credentials().connect(tenant.id(), providerId, form, values,
                ConnectListener.NONE).outcome().get(30, TimeUnit.SECONDS);

        assertThat(outcome).as("connecting %s with its sample values", providerId)
                .isInstanceOf(ConnectOutcome.Connected.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedCredentialForms")
    void theSimulatorsSecretExamples_sayWhatItTakesAndLookLikeNoRealKey(String providerId) {
        ConnectorForm form = app.context().credentials().form(tenant.id(), providerId);
        for (FormElement element : form.allElements()) {
            if (element instanceof FormField field && field.required() && field.example().isPresent()) {
                assertThat(field.help()).as(field.path()).contains("Demo: the simulator takes");
            }
            if (element instanceof FormField field && field.secret() && field.example().isPresent()) {
                assertThat(field.example().get()).as(field.path()).doesNotStartWith("sk_live_");
            }
        }
    }

    /** The form's defaults, and each choice on the option the dialog shows first, as the dialog opens. */
    private static FormValues asTheDialogOpens(ConnectorForm form) {
        FormValues defaults = form.defaults();
        Map<String, String> values = new HashMap<>(defaults.byPath());
        for (FormElement element : form.allElements()) {
            if (element instanceof FormChoice choice) {
                values.put(choice.path(), form.chosen(choice, defaults).title());
            }
        }
        return new FormValues(values);
    }
}
