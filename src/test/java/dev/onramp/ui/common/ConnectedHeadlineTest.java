package dev.onramp.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.TenantId;
import dev.onramp.ui.common.ConnectedPane.Made;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A connect dialog's last sentence, in the window's language: what was connected, its account and its streams. */
class ConnectedHeadlineTest {
    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);

    @AfterEach
    void restoreLanguage() {
        Locale.setDefault(Locale.Category.DISPLAY, before);
    }

    @Test
    void inEnglish_theAccountAndTheStreamsAreCounted() {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);

        assertThat(ConnectedPane.headline("Shopify", connection("acme-shop", 11), "connected"))
                .isEqualTo("Shopify connected — account acme-shop, 11 streams");
        assertThat(ConnectedPane.headline("Stripe", connection("acct_1", 1), Made.UPDATED))
                .isEqualTo("Stripe updated — account acct_1, 1 stream");
        assertThat(ConnectedPane.headline("Mailchimp", connection("Mailchimp", 0), Made.RECONNECTED))
                .isEqualTo("Mailchimp reconnected — 0 streams");
    }

    @Test
    void inGermanAndFrench_theSentenceIsTheirs() {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
        assertThat(ConnectedPane.headline("Shopify", connection("acme-shop", 1), Made.CONNECTED))
                .isEqualTo("Shopify verbunden — Konto acme-shop, 1 Stream");
        assertThat(ConnectedPane.headline("Shopify", connection("Shopify", 1200), Made.RECONNECTED))
                .isEqualTo("Shopify neu verbunden — 1.200 Streams");

        Locale.setDefault(Locale.Category.DISPLAY, Locale.FRENCH);
        assertThat(ConnectedPane.headline("Stripe", connection("acct_1", 4), Made.UPDATED))
                .isEqualTo("Stripe mis à jour — compte acct_1, 4 flux");
    }

    private static Connection connection(String account, int streams) {
        return new Connection(ConnectionId.random(), TenantId.random(), "shopify", "src-1", account,
                ConnectionStatus.ACTIVE, Collections.nCopies(streams, "orders"), Instant.now(), Optional.empty(),
                Optional.empty());
    }
}
