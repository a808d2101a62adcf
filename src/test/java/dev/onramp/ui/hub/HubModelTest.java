package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.catalog.Recommendation;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.Tenant;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.common.HeldExecutor;
import dev.onramp.ui.common.UiServices;
import dev.onramp.ui.connect.ConnectModel;
import dev.onramp.ui.credentials.CredentialsModel;
import dev.onramp.ui.settings.SettingsModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubModelTest {
    @TempDir
    Path dataDir;

    private AppContext context;
    private final HeldExecutor background = new HeldExecutor();
    private HubModel model;

    @BeforeEach
    void startApp() {
        context = AppContext.start(new AppOptions(dataDir, Optional.empty(), url -> false, Duration.ZERO, Duration.ofSeconds(5)));
        model = new HubModel(AppUnderTest.servicesOf(context, background, Runnable::run));
    }

    @AfterEach
    void closeApp() {
        model.deactivate();
        context.close();
    }

    @Test
    void activate_showsTheWholeCatalogBeforeAnythingHasLoaded() {
        model.activate();

        assertThat(model.tiles()).hasSize(context.catalog().providers().size()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(model.tenants()).isEmpty();
    }

    @Test
    void whileTheStoreOpens_showsTheCatalogAndSaysSo() {
        HubModel opening = new HubModel(context.catalog(), new CompletableFuture<>(), Runnable::run, true, "Demo");

        opening.activate();

        assertThat(opening.tiles()).hasSize(context.catalog().providers().size());
        assertThat(opening.tiles()).noneMatch(tile -> tile.connectableProperty().get());
        assertThat(opening.openingProperty().get()).isTrue();
        assertThat(opening.loadingProperty().get()).isTrue();
        assertThat(opening.tenants()).isEmpty();
        opening.deactivate();
    }

    @Test
    void onceTheServicesArrive_loadsAndChoosesTheFirstBusiness() {
        CompletableFuture<UiServices> services = new CompletableFuture<>();
        HubModel opening = new HubModel(context.catalog(), services, Runnable::run, true, "Demo");
        opening.activate();

        services.complete(AppUnderTest.servicesOf(context, background, Runnable::run));
        background.runAll();

        assertThat(opening.openingProperty().get()).isFalse();
        assertThat(opening.selectedTenantProperty().get()).isNotNull();
        assertThat(opening.loadingProperty().get()).isFalse();
        assertThat(opening.tiles()).anyMatch(tile -> tile.connectableProperty().get());
        opening.deactivate();
    }

    @Test
    void whenTheStoreCannotOpen_saysWhyAndOffersNoConnect() {
        HubModel opening = new HubModel(context.catalog(),
                CompletableFuture.failedFuture(new IllegalStateException("The data folder is not writable.")),
                Runnable::run, true, "Demo");

        opening.activate();

        assertThat(opening.problemProperty().get()).isEqualTo(
                "Onramp could not open its data: The data folder is not writable.");
        assertThat(opening.openingProperty().get()).isFalse();
        assertThat(opening.loadingProperty().get()).isFalse();
        assertThat(opening.tiles()).noneMatch(tile -> tile.connectableProperty().get());
        opening.deactivate();
    }

    @Test
    void afterLoading_theFirstBusinessIsChosenAndTheTilesFollowItsRecommendations() {
        model.activate();
        background.runAll();

        Tenant chosen = model.selectedTenantProperty().get();
        assertThat(model.tenants()).first().isEqualTo(chosen);
        assertThat(model.tiles()).extracting(tile -> tile.provider().id())
                .containsExactlyElementsOf(context.catalog().recommend(chosen.businessTypeId()).stream()
                        .map(r -> r.provider().id())
                        .toList());
        assertThat(model.tiles().getFirst().recommended()).isTrue();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.tiles()).noneMatch(tile -> tile.checkingProperty().get());
    }

    @Test
    void theWindowReopensOnTheBusinessItShowedLast_notTheFirstByName() {
        model.activate();
        background.runAll();
        Tenant zeta = context.tenants().create("Zeta Imports", model.selectedTenantProperty().get().businessTypeId());
        model.selectedTenantProperty().set(zeta);
        background.runAll();
        model.deactivate();
        context.close();

        context = AppContext.start(new AppOptions(dataDir, Optional.empty(), url -> false, Duration.ZERO,
                Duration.ofSeconds(5)));
        model = new HubModel(AppUnderTest.servicesOf(context, background, Runnable::run));
        model.activate();
        background.runAll();

        assertThat(model.tenants()).first().isNotEqualTo(zeta);
        assertThat(model.selectedTenantProperty().get()).isEqualTo(zeta);
    }

    @Test
    void choosingAnotherBusiness_reordersTheTilesForItsKind() {
        model.activate();
        background.runAll();
        String otherType = context.catalog().businessTypes().stream()
                .map(type -> type.id())
                .filter(id -> !id.equals(model.selectedTenantProperty().get().businessTypeId()))
                .findFirst()
                .orElseThrow();
        Tenant other = context.tenants().create("Other Kind Ltd", otherType);

        model.selectedTenantProperty().set(other);
        background.runAll();

        assertThat(model.tiles()).extracting(tile -> tile.provider().id())
                .containsExactlyElementsOf(context.catalog().recommend(otherType).stream()
                        .map((Recommendation r) -> r.provider().id())
                        .toList());
    }

    @Test
    void connectionsOfABusinessNoLongerChosen_areNotShown() {
        model.activate();
        background.runAll();
        Tenant first = model.selectedTenantProperty().get();
        Tenant second = context.tenants().create("Second Shop", first.businessTypeId());
        model.selectedTenantProperty().set(second);
        model.selectedTenantProperty().set(first);

        background.runOne();

        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(model.tiles()).allMatch(tile -> tile.checkingProperty().get());
    }

    @Test
    void connectOnAProviderTakingTypedCredentials_opensItsCredentialsForm() {
        assertThat(dialogOpenedByConnect("stripe")).isInstanceOfSatisfying(CredentialsModel.class,
                form -> assertThat(form.title()).isEqualTo("Connect Stripe"));
    }

    @Test
    void connectOnAProviderThatSignsIn_opensItsSignIn() {
        assertThat(dialogOpenedByConnect("hubspot")).isInstanceOfSatisfying(ConnectModel.class,
                signIn -> assertThat(signIn.title()).isEqualTo("Connecting HubSpot"));
    }

    @Test
    void newBusiness_isListedAndChosenOnceCreated() {
        model.activate();
        background.runAll();
        NewBusinessModel dialog = model.newBusiness();
        dialog.nameProperty().set("Corner Bakery");

        dialog.create();
        background.runAll();

        assertThat(dialog.createdProperty().get()).isPresent();
        assertThat(model.selectedTenantProperty().get().name()).isEqualTo("Corner Bakery");
        assertThat(model.tenants()).extracting(Tenant::name).contains("Corner Bakery");
    }

    @Test
    void newBusinessWithABlankName_showsTheRefusalAndCreatesNothing() {
        model.activate();
        background.runAll();
        int before = model.tenants().size();
        NewBusinessModel dialog = model.newBusiness();
        dialog.nameProperty().set("   ");

        dialog.create();
        background.runAll();

        assertThat(dialog.errorProperty().get()).isEqualTo("Give the business a name.");
        assertThat(dialog.createdProperty().get()).isEmpty();
        assertThat(model.tenants()).hasSize(before);
    }

    @Test
    void demoMode_showsTheBanner() {
        assertThat(model.demoProperty().get()).isTrue();
        assertThat(model.demoBanner())
                .isEqualTo("Demo mode — connections go to the built-in Airbyte simulator; nothing leaves this computer");
    }

    @Test
    void savingSelfManagedSettings_showsThatAirbyteInsteadOfTheDemoBanner() {
        model.activate();
        background.runAll();
        SettingsModel settings = model.settings();
        settings.load();
        background.runAll();

        URI elsewhere = context.simulator().orElseThrow().apiBaseUrl();
        settings.targetProperty().set(SettingsModel.Target.SELF_MANAGED);
        settings.urlProperty().set(elsewhere.toString());
        settings.save();
        background.runAll();

        assertThat(model.airbyteDescriptionProperty().get()).isEqualTo("Airbyte at " + elsewhere);
        assertThat(model.demoProperty().get()).isFalse();
        assertThat(context.settings().settings(model.selectedTenantProperty().get().id()))
                .isEqualTo(new AirbyteSettings.SelfManaged(elsewhere, Optional.empty()));
    }

    @Test
    void aBusinessWhoseAirbyteCannotListItsConnectors_keepsTheBundledListAndIsToldOnce() throws Exception {
        model.activate();
        background.runAll();
        Tenant tenant = model.selectedTenantProperty().get();
        URI gone;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            gone = URI.create("http://127.0.0.1:" + closed.getLocalPort());
        }
        context.settings().save(tenant.id(), new AirbyteSettings.SelfManaged(gone, Optional.empty()));

        model.selectedTenantProperty().set(null);
        model.selectedTenantProperty().set(tenant);
        background.runAll();
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> model.problemProperty().get().startsWith("Onramp could not refresh the provider list"));

        assertThat(model.problemProperty().get()).contains(gone.toString()).endsWith("the bundled list is shown.");
        assertThat(model.tiles()).hasSize(context.catalog().providers().size());
    }

    /** The one dialog that Connect on the provider's tile opens, once the first business is chosen. */
    private Object dialogOpenedByConnect(String providerId) {
        model.activate();
        background.runAll();
        TileModel tile = model.tiles().stream()
                .filter(t -> t.provider().id().equals(providerId))
                .findFirst()
                .orElseThrow();
        OpenedDialogs dialogs = new OpenedDialogs();

        model.connect(tile, dialogs);

        assertThat(dialogs.opened).hasSize(1);
        return dialogs.opened.getFirst();
    }

    /** Records the dialogs the model asks to open. */
    private static final class OpenedDialogs implements ConnectDialogs {
        final List<Object> opened = new ArrayList<>();

        @Override
        public void openSignIn(ConnectModel dialog, TileModel tile) {
            opened.add(dialog);
        }

        @Override
        public void openCredentialsForm(CredentialsModel dialog, TileModel tile) {
            opened.add(dialog);
        }
    }
}
