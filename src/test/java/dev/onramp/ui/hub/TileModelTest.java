package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Recommendation;
import dev.onramp.model.AuthMode;
import dev.onramp.connect.ConnectionHealth;
import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import dev.onramp.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TileModelTest {
    private static final Provider SHOPIFY = new Provider(
            "shopify",
            "Shopify",
            "E-commerce",
            "9da77001-af33-4bcd-be46-6252bf9342b9",
            "shopify",
            AuthMode.OAUTH,
            Optional.of(new OAuthFacts(List.of("credentials", "auth_method"), "oauth2.0", Map.of(), Map.of())),
            "Orders, products and customers of your shop");
    private static final Provider STRIPE = new Provider(
            "stripe",
            "Stripe",
            "Payments",
            "e094cb9a-26de-4645-8761-65c0c425d1de",
            "stripe",
            AuthMode.CREDENTIALS,
            Optional.empty(),
            "Charges, payouts and subscriptions");

    private final TenantId tenant = TenantId.random();

    @Test
    void beforeConnectionsAreKnown_saysCheckingAndOffersNoConnect() {
        TileModel tile = TileModel.of(new Recommendation(SHOPIFY, true, 1, "Most online shops run on Shopify"), List.of());

        assertThat(tile.checkingProperty().get()).isTrue();
        assertThat(tile.statusProperty().get()).isEqualTo("Checking…");
        assertThat(tile.connectableProperty().get()).isFalse();
    }

    @Test
    void oauthProviderWithoutConnection_offersConnect() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of("API Password"));

        tile.showConnections(List.of());

        assertThat(tile.connectableProperty().get()).isTrue();
        assertThat(tile.connectedProperty().get()).isFalse();
        assertThat(tile.statusProperty().get()).isEmpty();
        assertThat(tile.credentialsNote()).isEmpty();
    }

    @Test
    void credentialsProvider_offersConnectThroughTheForm() {
        TileModel tile = TileModel.unranked(STRIPE, List.of());

        tile.showConnections(List.of());

        assertThat(tile.credentialsNote()).isEqualTo("Connects with API credentials you type in");
        assertThat(tile.connectsWithForm()).isTrue();
        assertThat(tile.connectableProperty().get()).isTrue();
        assertThat(tile.alternativeLink()).isEmpty();
    }

    @Test
    void oauthProviderWithAnotherWayIn_offersItAsALink() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of("API Password"));

        assertThat(tile.connectsWithForm()).isFalse();
        assertThat(tile.alternativeLink()).isEqualTo("Use an API password instead");
    }

    @Test
    void activeConnection_showsConnectedWithStreamCountAndItsStreams() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of("API Password"));

        tile.showConnections(List.of(connection("shopify", ConnectionStatus.ACTIVE, "orders", "customers")));

        assertThat(tile.statusProperty().get()).isEqualTo("Connected · 2 streams");
        assertThat(tile.connectedProperty().get()).isTrue();
        assertThat(tile.connectableProperty().get()).isFalse();
        assertThat(tile.streams()).containsExactly("orders", "customers");
    }

    @Test
    void activeConnection_winsOverANewerFailedOne() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of("API Password"));

        tile.showConnections(List.of(
                connection("shopify", ConnectionStatus.FAILED),
                connection("shopify", ConnectionStatus.ACTIVE, "orders")));

        assertThat(tile.statusProperty().get()).isEqualTo("Connected · 1 stream");
    }

    @Test
    void connectionsOfOtherProviders_areIgnored() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of("API Password"));

        tile.showConnections(List.of(connection("hubspot", ConnectionStatus.ACTIVE, "contacts")));

        assertThat(tile.connectedProperty().get()).isFalse();
        assertThat(tile.streams()).isEmpty();
    }

    @Test
    void connectionThatNeedsReauthorizing_saysSoAndOffersConnectAgain() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of("API Password"));

        tile.showConnections(List.of(connection("shopify", ConnectionStatus.NEEDS_REAUTH, "orders")));

        assertThat(tile.statusProperty().get()).isEqualTo("Needs reconnecting");
        assertThat(tile.statusDetailProperty().get()).isEqualTo("The sign-in expired or was revoked: Reconnect signs in again.");
        assertThat(tile.connectableProperty().get()).isTrue();
        assertThat(tile.streams()).isEmpty();
    }

    @Test
    void connectionAirbyteNoLongerHas_saysItIsMissingAndOffersConnectNotReconnect() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of("API Password"));

        tile.showConnections(List.of(connection("shopify", ConnectionStatus.MISSING, "orders")));

        assertThat(tile.statusProperty().get()).isEqualTo("Missing in Airbyte");
        assertThat(tile.statusDetailProperty().get()).isEqualTo("Airbyte no longer has this source: connect again.");
        assertThat(tile.connectableProperty().get()).isTrue();
        assertThat(tile.reconnectableProperty().get()).isFalse();
    }

    @Test
    void failingConnection_saysFailingWithAirbytesReason() {
        TileModel tile = TileModel.unranked(STRIPE, List.of());

        tile.showConnections(List.of(connection("stripe", ConnectionStatus.FAILED)));

        assertThat(tile.statusProperty().get()).isEqualTo("Failing");
        assertThat(tile.statusDetailProperty().get()).isEqualTo("The token was revoked.");
        assertThat(tile.problemProperty().get()).isTrue();
        assertThat(tile.connectableProperty().get()).isTrue();
    }

    @Test
    void connectionInAnotherAirbyte_saysWhere_neverConnected_andOffersConnectNotReconnect() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of());

        tile.showConnections(List.of(connection("shopify", ConnectionStatus.OTHER_AIRBYTE, "orders")
                .in(new AirbyteLocation("http://airbyte.internal:8000/api", Optional.of("ws-1")))));

        assertThat(tile.statusProperty().get()).isEqualTo("In another Airbyte");
        assertThat(tile.statusDetailProperty().get()).isEqualTo("Made in Airbyte at http://airbyte.internal:8000/api,"
                + " workspace ws-1: switch back in Settings, or connect again here.");
        assertThat(tile.connectedProperty().get()).isFalse();
        assertThat(tile.streams()).isEmpty();
        assertThat(tile.connectableProperty().get()).isTrue();
        assertThat(tile.reconnectableProperty().get()).isFalse();
    }

    @Test
    void checkedConnection_saysWhenItWasCheckedInWords_andKeepsItTrueAsTimePasses() {
        TileModel tile = TileModel.unranked(STRIPE, List.of());
        Instant checked = Instant.parse("2026-12-07T09:00:00Z");
        Connection stripe = connection("stripe", ConnectionStatus.ACTIVE, "charges");

        tile.showConnections(List.of(new Connection(stripe.id(), stripe.tenantId(), "stripe", stripe.sourceId(),
                "account", ConnectionStatus.ACTIVE, stripe.streams(), stripe.createdAt(), Optional.of(checked),
                Optional.empty())));
        tile.showTimesAt(checked.plusSeconds(20));
        assertThat(tile.checkedProperty().get()).isEqualTo("Checked just now");

        tile.showTimesAt(checked.plusSeconds(125));
        assertThat(tile.checkedProperty().get()).isEqualTo("Checked 2 min ago");

        tile.showTimesAt(checked.plusSeconds(3 * 3600 + 5));
        assertThat(tile.checkedProperty().get()).isEqualTo("Checked 3 h ago");
    }

    @Test
    void recheck_saysChecking_offersNoSecondCheck_andShowsWhatTheCheckFound() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of());
        Connection shopify = connection("shopify", ConnectionStatus.ACTIVE, "orders");
        tile.showConnections(List.of(shopify));
        assertThat(tile.checkedProperty().get()).isEqualTo("Not checked yet");
        assertThat(tile.checkableProperty().get()).isTrue();

        assertThat(tile.startRechecking()).isTrue();
        assertThat(tile.checkedProperty().get()).isEqualTo("Checking…");
        assertThat(tile.checkableProperty().get()).isFalse();
        assertThat(tile.statusProperty().get()).as("the last known status stays while it is checked")
                .isEqualTo("Connected · 1 stream");

        Instant at = Instant.now();
        tile.showHealth(new ConnectionHealth(shopify, ConnectionStatus.NEEDS_REAUTH, ConnectionStatus.ACTIVE, at,
                Optional.of("HTTP 401: the access token expired"), true));

        assertThat(tile.statusProperty().get()).startsWith("Needs reconnecting");
        assertThat(tile.offersReconnectProperty().get()).isTrue();
        assertThat(tile.checkedProperty().get()).isEqualTo("Checked just now");
        assertThat(tile.checkedHintProperty().get()).isEqualTo("HTTP 401: the access token expired");
        assertThat(tile.checkableProperty().get()).isTrue();
    }

    @Test
    void checkThatCouldNotRun_keepsTheStatus_andSaysWhy() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of());
        Connection shopify = connection("shopify", ConnectionStatus.ACTIVE, "orders");
        tile.showConnections(List.of(shopify));
        tile.startRechecking();

        tile.showHealth(new ConnectionHealth(shopify, ConnectionStatus.ACTIVE, ConnectionStatus.ACTIVE,
                Instant.parse("2026-12-07T09:00:00Z"), Optional.of("Onramp could not reach Airbyte at …"), false));

        assertThat(tile.statusProperty().get()).isEqualTo("Connected · 1 stream");
        assertThat(tile.checkedProperty().get()).isEqualTo("Could not check");
        assertThat(tile.checkedHintProperty().get()).contains("could not reach Airbyte");
    }

    @Test
    void tileWithoutAConnection_hasNothingToCheck() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of());
        tile.showConnections(List.of());

        assertThat(tile.startRechecking()).isFalse();
        assertThat(tile.checkedProperty().get()).isEmpty();
        assertThat(tile.checkableProperty().get()).isFalse();
    }

    @Test
    void withoutABusiness_stopsCheckingAndOffersNoConnect() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of("API Password"));

        tile.showWithoutBusiness();

        assertThat(tile.checkingProperty().get()).isFalse();
        assertThat(tile.connectableProperty().get()).isFalse();
        assertThat(tile.statusProperty().get()).isEmpty();
    }

    @Test
    void notRecommendedTile_hasNoReasonToShow() {
        TileModel tile = TileModel.of(new Recommendation(STRIPE, false, 9, "Not typical for agencies"), List.of());

        assertThat(tile.recommended()).isFalse();
        assertThat(tile.recommendedReason()).isEmpty();
    }

    @Test
    void oauthConnectionThatNeedsASignIn_offersReconnectForThatConnection() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of());
        Connection expired = connection("shopify", ConnectionStatus.NEEDS_REAUTH);

        tile.showConnections(List.of(expired));

        assertThat(tile.reconnectableProperty().get()).isTrue();
        assertThat(tile.connection()).contains(expired);
    }

    @Test
    void tileButton_isReconnectForASignInThatNeedsRenewing_andConnectOnceItIsGone() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of());

        tile.showConnections(List.of(connection("shopify", ConnectionStatus.NEEDS_REAUTH)));
        assertThat(tile.offersReconnectProperty().get()).isTrue();
        assertThat(tile.offersConnectProperty().get()).isFalse();

        tile.showConnections(List.of());
        assertThat(tile.offersReconnectProperty().get()).isFalse();
        assertThat(tile.offersConnectProperty().get()).isTrue();
    }

    @Test
    void credentialsConnection_offersNoReconnect() {
        TileModel tile = TileModel.unranked(STRIPE, List.of());

        tile.showConnections(List.of(connection("stripe", ConnectionStatus.ACTIVE, "charges")));

        assertThat(tile.reconnectableProperty().get()).isFalse();
    }

    @Test
    void disconnectedConnection_isNotTheTilesConnection_andShowsOnlyWhenAskedGreyedWithItsDate() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of());
        Connection gone = disconnected("shopify", "2026-03-04T10:00:00Z");

        tile.showConnections(List.of(gone));

        assertThat(tile.connection()).isEmpty();
        assertThat(tile.connectedProperty().get()).isFalse();
        assertThat(tile.offersConnectProperty().get()).isTrue();
        assertThat(tile.reconnectableProperty().get()).isFalse();
        assertThat(tile.disconnectableProperty().get()).isFalse();
        assertThat(tile.statusProperty().get()).isEmpty();
        assertThat(tile.disconnectedNoteProperty().get()).isEmpty();

        tile.showDisconnected(true);
        assertThat(tile.disconnectedNoteProperty().get()).matches("account · Disconnected on Mar [34], 2026");
        assertThat(tile.showsDisconnectRowProperty().get()).isTrue();

        tile.showDisconnected(false);
        assertThat(tile.disconnectedNoteProperty().get()).isEmpty();
    }

    @Test
    void inGerman_aTileSaysItsStatusWhenItWasCheckedAndItsDisconnectedDateAsGermanWritesThem() {
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
        try {
            TileModel tile = TileModel.unranked(SHOPIFY, List.of());
            assertThat(tile.statusProperty().get()).isEqualTo("Wird geprüft…");
            Instant checked = Instant.parse("2026-12-07T09:00:00Z");
            Connection shopify = connection("shopify", ConnectionStatus.ACTIVE, "orders", "products");
            Connection gone = disconnected("shopify", "2026-03-04T10:00:00Z");
            tile.showConnections(List.of(gone, new Connection(shopify.id(), shopify.tenantId(), "shopify",
                    shopify.sourceId(), "account", ConnectionStatus.ACTIVE, shopify.streams(), shopify.createdAt(),
                    Optional.of(checked), Optional.empty())));
            tile.showDisconnected(true);

            tile.showTimesAt(checked.plusSeconds(125));
            assertThat(tile.statusProperty().get()).isEqualTo("Verbunden · 2 Streams");
            assertThat(tile.checkedProperty().get()).isEqualTo("Geprüft vor 2 Min.");
            tile.showTimesAt(checked.plusSeconds(3 * 86_400));
            assertThat(tile.checkedProperty().get()).matches("Geprüft am 0[67]\\.12\\.2026");
            assertThat(tile.disconnectedNoteProperty().get()).matches("account · Getrennt am 0[34]\\.03\\.2026");
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void disconnectIsOfferedForEveryConnectionNotYetDisconnected_workingOrNot() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of());
        for (ConnectionStatus status : List.of(ConnectionStatus.ACTIVE, ConnectionStatus.FAILED,
                ConnectionStatus.NEEDS_REAUTH, ConnectionStatus.MISSING)) {
            tile.showConnections(List.of(connection("shopify", status)));

            assertThat(tile.disconnectableProperty().get()).as(status.name()).isTrue();
        }
        tile.showConnections(List.of());
        assertThat(tile.disconnectableProperty().get()).isFalse();
    }

    @Test
    void aNewConnectionBesideADisconnectedOne_isTheTilesConnection_andTheNoteCountsTheEarlierOnes() {
        TileModel tile = TileModel.unranked(SHOPIFY, List.of());
        Connection fresh = connection("shopify", ConnectionStatus.ACTIVE, "orders");

        tile.showConnections(List.of(disconnected("shopify", "2026-02-01T10:00:00Z"), fresh,
                disconnected("shopify", "2026-03-04T10:00:00Z")));
        tile.showDisconnected(true);

        assertThat(tile.connection()).contains(fresh);
        assertThat(tile.statusProperty().get()).isEqualTo("Connected · 1 stream");
        assertThat(tile.disconnectedNoteProperty().get()).contains("Mar").contains("2026").endsWith("(and 1 earlier)");
    }

    private Connection disconnected(String providerId, String at) {
        return new Connection(ConnectionId.random(), tenant, providerId, "source-" + providerId, "account",
                ConnectionStatus.DISCONNECTED, List.of("orders"), Instant.parse("2026-01-01T00:00:00Z"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Instant.parse(at)));
    }

    private Connection connection(String providerId, ConnectionStatus status, String... streams) {
        return new Connection(
                ConnectionId.random(),
                tenant,
                providerId,
                "source-" + providerId,
                "account",
                status,
                List.of(streams),
                Instant.parse("2026-01-01T00:00:00Z"),
                Optional.empty(),
                status == ConnectionStatus.FAILED ? Optional.of("The token was revoked.") : Optional.empty());
    }
}
