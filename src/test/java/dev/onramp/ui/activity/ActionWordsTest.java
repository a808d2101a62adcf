package dev.onramp.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.diagnostics.ActivityService;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Activity window says each audit action in its own words, with the raw action beside them. */
class ActionWordsTest {
    /** Every action the audit trail has words for. */
    private static final List<String> ACTIONS = List.of("tenant.created", "demo.reset", "demo.reset-refused",
            "tenant.renamed", "tenant.retyped", "tenant.deleted", "tenant.delete-refused", "settings.changed",
            "settings.redirect-changed", "connect.succeeded", "connect.failed", "connect.cancelled", "connect.timed-out",
            "connect.recovered", "connect.reauthorized", "reconnect.failed", "reconnect.cancelled", "reconnect.timed-out",
            "connection.disconnected", "connection.renamed", "connection.status-changed", "connection.credentials-updated",
            "connection.credentials-update.failed", "connection.credentials-update.cancelled",
            "connection.credentials-update.timed-out", "connection.credentials-update.refused", "disconnect.failed",
            "disconnect.refused", "keys.rotate.secret-unreadable");

    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(Locale.Category.DISPLAY, before);
    }

    @Test
    void inEnglish_eachActionReadsAsTheAuditTrailDescribesIt() {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);

        assertThat(ACTIONS).allSatisfy(action -> assertThat(ActionWords.of(action))
                .isEqualTo(ActivityService.describe(action)).endsWith(" (" + action + ")"));
    }

    @Test
    void inGerman_eachActionHasGermanWordsAndKeepsTheRawAction() {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);

        assertThat(ActionWords.of("connect.succeeded")).isEqualTo("Verbunden (connect.succeeded)");
        assertThat(ActionWords.of("tenant.created")).isEqualTo("Unternehmen angelegt (tenant.created)");
        assertThat(ACTIONS).allSatisfy(action -> assertThat(ActionWords.of(action))
                .endsWith(" (" + action + ")").isNotEqualTo(ActivityService.describe(action)));
    }

    @Test
    void anActionWithoutWords_isShownRaw() {
        assertThat(ActionWords.of("something.new")).isEqualTo("something.new");
    }
}
