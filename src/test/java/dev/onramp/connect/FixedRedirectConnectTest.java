package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static dev.onramp.connect.SelfManagedFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.FlowState;
import dev.onramp.model.RedirectSettings;
import dev.onramp.model.RedirectSettings.Host;
import dev.onramp.model.Tenant;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.oauth.ConsentUrls;
import dev.onramp.testing.FreePorts;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connect flows whose sign-in comes back on a fixed, registrable redirect: the simulator and real sockets. */
class FixedRedirectConnectTest {
    @TempDir
    Path dataDir;

    private SelfManagedFixture fx;
    private Tenant tenant;
    private RedirectSettings redirect;

    @BeforeEach
    void setUp() throws IOException {
        fx = new SelfManagedFixture(dataDir);
        tenant = fx.store.addTenant("Acme Outdoor", "online-store");
        redirect = new RedirectSettings(Host.IPV4, FreePorts.range(2), 2);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private ConnectService service(BrowserLauncher browser) {
        return fx.service(tenant -> fx.airbyte.directGateway(), tenant -> redirect, browser, WAIT);
    }

    @Test
    void fixedPortRedirect_theConsentLinkCarriesTheRegisteredUriAndTheConnectionIsStored() throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);

        ConnectOutcome outcome = outcomeOf(service(browser).connect(tenant.id(), "hubspot", ConnectListener.NONE));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        URI consent = browser.openedUrls().getFirst();
        assertThat(ConsentUrls.parameters(consent).get("redirect_uri"))
                .isEqualTo("http://127.0.0.1:" + redirect.firstPort() + "/oauth-success");
        assertThat(redirect.registrableUris().stream().map(URI::toString))
                .contains(ConsentUrls.parameters(consent).get("redirect_uri"));
    }

    @Test
    void twoSignInsWaitingAtOnce_shareTheFirstPortAndEachCallbackFindsItsOwnFlow() throws Exception {
        ScriptedBrowser person = new ScriptedBrowser(Decision.ALLOW);
        BothOpenFirst browser = new BothOpenFirst(person, 2);
        ConnectService service = service(browser);

        ConnectFlow hubspot = service.connect(tenant.id(), "hubspot", ConnectListener.NONE);
        ConnectFlow salesforce = service.connect(tenant.id(), "salesforce", ConnectListener.NONE);

        assertThat(outcomeOf(hubspot)).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(outcomeOf(salesforce)).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(browser.seen).extracting(url -> ConsentUrls.parameters(url).get("redirect_uri")).containsOnly(
                "http://127.0.0.1:" + redirect.firstPort() + "/oauth-success");
    }

    @Test
    void everyPortOfTheRangeTaken_endsTheFlowSayingWhatToDoAndOpensNoBrowser() throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        try (ServerSocket a = FreePorts.hold(redirect.firstPort()); ServerSocket b = FreePorts.hold(redirect.firstPort() + 1)) {
            ConnectOutcome outcome = outcomeOf(service(browser).connect(tenant.id(), "hubspot", ConnectListener.NONE));

            assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> {
                assertThat(ended.state()).isEqualTo(FlowState.FAILED);
                assertThat(ended.message()).contains(String.valueOf(redirect.firstPort())).contains("Any free port");
            });
        }
        assertThat(browser.openedUrls()).isEmpty();
        assertThat(fx.store.connections().list(tenant.id())).isEmpty();
    }

    /** Lets the person act only once {@code count} consent links are open, so the flows wait together. */
    private static final class BothOpenFirst implements BrowserLauncher {
        final List<URI> seen = new CopyOnWriteArrayList<>();
        private final BrowserLauncher person;
        private final CountDownLatch allOpen;

        BothOpenFirst(BrowserLauncher person, int count) {
            this.person = person;
            this.allOpen = new CountDownLatch(count);
        }

        @Override
        public boolean open(URI url) {
            seen.add(url);
            allOpen.countDown();
            Thread.ofVirtual().start(() -> {
                try {
                    if (allOpen.await(20, TimeUnit.SECONDS)) {
                        person.open(url);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return true;
        }
    }
}
