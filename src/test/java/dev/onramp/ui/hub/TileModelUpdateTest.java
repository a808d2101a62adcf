package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.AuthMode;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Provider;
import dev.onramp.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a tile offers "Update credentials…": its connection was typed in, and Airbyte still has its source. */
class TileModelUpdateTest {
    private static final Provider STRIPE = new Provider("stripe", "Stripe", "Payments",
            "e094cb9a-26de-4645-8761-65c0c425d1de", "stripe", AuthMode.CREDENTIALS, Optional.empty(),
            "Charges, payouts and subscriptions");

    private final TenantId tenant = TenantId.random();

    private Connection stripe(ConnectionStatus status) {
        return new Connection(ConnectionId.random(), tenant, "stripe", "3f0c1d5e-8a9b-4c7d-9e2f-1a2b3c4d5e6f",
                "acct_1", status, List.of("charges"), Instant.now(), Optional.empty(), Optional.empty());
    }

    @Test
    void aTypedConnection_offersUpdateOnceTheServiceSaysItCanTakeNewCredentials() {
        TileModel tile = TileModel.unranked(STRIPE, List.of());
        Connection connection = stripe(ConnectionStatus.ACTIVE);
        tile.showConnections(List.of(connection));
        assertThat(tile.offersUpdateProperty().get()).isFalse();

        tile.showUpdatable(Set.of(connection.id()));

        assertThat(tile.offersUpdateProperty().get()).isTrue();
    }

    @Test
    void aConnectionWhoseKeyStoppedWorking_offersUpdateToo() {
        TileModel tile = TileModel.unranked(STRIPE, List.of());
        Connection refused = stripe(ConnectionStatus.NEEDS_REAUTH);
        tile.showUpdatable(Set.of(refused.id()));

        tile.showConnections(List.of(refused));

        assertThat(tile.connectedProperty().get()).isFalse();
        assertThat(tile.offersUpdateProperty().get()).isTrue();
    }

    @Test
    void aConnectionAirbyteNoLongerHas_offersNoUpdate() {
        TileModel tile = TileModel.unranked(STRIPE, List.of());
        Connection missing = stripe(ConnectionStatus.MISSING);
        tile.showUpdatable(Set.of(missing.id()));

        tile.showConnections(List.of(missing));

        assertThat(tile.offersUpdateProperty().get()).isFalse();
    }

    @Test
    void aConnectionJustMadeWithTheForm_offersUpdateAtOnce() {
        TileModel tile = TileModel.unranked(STRIPE, List.of());
        tile.showConnections(List.of());
        Connection created = stripe(ConnectionStatus.ACTIVE);

        tile.showConnected(created);
        tile.addUpdatable(created.id());

        assertThat(tile.offersUpdateProperty().get()).isTrue();
    }
}
