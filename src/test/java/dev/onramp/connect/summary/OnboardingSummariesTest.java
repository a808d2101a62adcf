package dev.onramp.connect.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.connect.summary.OnboardingSummary.ConnectionEntry;
import dev.onramp.connect.summary.OnboardingSummary.MissingItem;
import dev.onramp.connect.summary.OnboardingSummary.MissingKind;
import dev.onramp.connect.summary.OnboardingSummary.SourceState;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Tenant;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary built from a real store (H2 on disk) and real connects through the built-in simulator over HTTP. */
class OnboardingSummariesTest {
    private static final Instant NOW = Instant.parse("2026-03-05T13:32:10Z");

    @TempDir
    Path dataDir;

    private AppContext app;
    private Tenant tenant;
    private OnboardingSummaries summaries;

    @BeforeEach
    void start() {
        app = AppContext.start(new AppOptions(dataDir, Optional.empty(), new ScriptedBrowser(Decision.ALLOW),
                Duration.ZERO, Duration.ofMinutes(1)));
        tenant = app.tenants().tenantsCreatingDemoIfNone().getFirst();
        summaries = new OnboardingSummaries(app.catalog(), app.connect(), app.settings(), app.providerLists(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Connection connect(String providerId) throws Exception {
        ConnectOutcome outcome = app.connect().connect(tenant.id(), providerId, ConnectListener.NONE).outcome()
                .get(30, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        return ((ConnectOutcome.Connected) outcome).connection();
    }

    @Test
    void aNewBusiness_hasEveryRecommendedProviderMissing_andNoConnection() {
        OnboardingSummary summary = summaries.build(tenant);

        assertThat(summary.generatedAt()).isEqualTo(NOW);
        assertThat(summary.business().name()).isEqualTo("Demo Coffee Roasters");
        assertThat(summary.business().typeName()).isEqualTo("Online store");
        assertThat(summary.airbyte().kind()).isEqualTo(OnboardingSummary.AirbyteKind.DEMO);
        assertThat(summary.airbyte().url()).isEmpty();
        assertThat(summary.recommended()).hasSize(10).allMatch(s -> s.state() == SourceState.NOT_CONNECTED);
        assertThat(summary.recommended().getFirst().providerId()).isEqualTo("shopify");
        assertThat(summary.recommended().getFirst().reason()).isEqualTo("Your orders, products and customers");
        assertThat(summary.progress().text()).isEqualTo("0 of 10 recommended sources connected");
        assertThat(summary.connections()).isEmpty();
        assertThat(summary.missing()).hasSize(10).allMatch(m -> m.kind() == MissingKind.NOT_CONNECTED)
                .first().satisfies(m -> {
                    assertThat(m.action()).contains("onramp connect shopify");
                    assertThat(m.reason()).contains("Your orders, products and customers");
                });
    }

    @Test
    void connectsAndAFailedCheck_countAsConnectedAndNeedingAttention_recommendedOnesFirst() throws Exception {
        Connection hubspot = connect("hubspot");
        Connection mailchimp = connect("mailchimp");
        Connection tiktok = connect("tiktok-marketing");
        app.demoAirbyte().orElseThrow().failNextTest(tiktok.sourceId());
        assertThat(app.connect().checkConnection(tenant.id(), tiktok.id()).status()).isEqualTo(ConnectionStatus.FAILED);

        OnboardingSummary summary = summaries.build(tenant);

        assertThat(summary.progress().connected()).isEqualTo(1);
        assertThat(summary.progress().needsAttention()).isEqualTo(1);
        assertThat(summary.progress().notConnected()).isEqualTo(8);
        assertThat(summary.progress().text()).isEqualTo("1 of 10 recommended sources connected");
        assertThat(summary.recommended()).filteredOn(s -> s.providerId().equals("mailchimp"))
                .singleElement().extracting(OnboardingSummary.RecommendedSource::state).isEqualTo(SourceState.CONNECTED);
        assertThat(summary.recommended()).filteredOn(s -> s.providerId().equals("tiktok-marketing"))
                .singleElement().extracting(OnboardingSummary.RecommendedSource::state)
                .isEqualTo(SourceState.NEEDS_ATTENTION);
        // Recommended providers in their rank (TikTok before Mailchimp), then the others (HubSpot).
        assertThat(summary.connections()).extracting(ConnectionEntry::providerId)
                .containsExactly("tiktok-marketing", "mailchimp", "hubspot");
        ConnectionEntry first = summary.connections().get(1);
        assertThat(first.providerName()).isEqualTo("Mailchimp");
        assertThat(first.account()).isEqualTo(mailchimp.accountLabel());
        assertThat(first.status()).isEqualTo("ACTIVE");
        assertThat(first.streams()).isEqualTo(mailchimp.streams()).isNotEmpty();
        assertThat(first.sourceId()).isEqualTo(mailchimp.sourceId());
        assertThat(first.airbyte()).hasValueSatisfying(where -> assertThat(where.description())
                .startsWith("the built-in simulator"));
        assertThat(summary.airbyte().workspace()).isEqualTo(mailchimp.airbyte().orElseThrow().workspaceId())
                .isPresent();
        assertThat(summary.connections().getFirst().lastChecked()).isPresent();
        assertThat(summary.connections().getLast().id()).isEqualTo(hubspot.id().toString());
        MissingItem failing = summary.missing().stream().filter(m -> m.kind() == MissingKind.NEEDS_ATTENTION)
                .findFirst().orElseThrow();
        assertThat(failing.providerName()).isEqualTo("TikTok Marketing");
        assertThat(failing.account()).contains(tiktok.accountLabel());
        assertThat(failing.status()).contains("FAILED");
        assertThat(failing.action()).isNotBlank();
        assertThat(summary.missing()).filteredOn(m -> m.kind() == MissingKind.NOT_CONNECTED).hasSize(8);
    }

    @Test
    void noFormHoldsASecretTheSimulatorIssued() throws Exception {
        connect("mailchimp");
        connect("hubspot");
        OnboardingSummary summary = summaries.build(tenant);

        String text = SummaryText.render(summary, ZoneId.of("Europe/Berlin"));
        String json = SummaryJson.render(summary);
        String pdf;
        try (var document = Loader.loadPDF(SummaryFormat.PDF.render(summary, ZoneId.of("Europe/Berlin")))) {
            pdf = new PDFTextStripper().getText(document);
        }
        JsonNode parsed = new ObjectMapper().readTree(json);
        assertThat(parsed.path("connections")).hasSize(2);
        assertThat(pdf).contains("Demo Coffee Roasters").contains("1 of 10 recommended sources connected");
        assertThat(app.simulator().orElseThrow().issuedSecrets()).isNotEmpty().allSatisfy(secret -> {
            assertThat(text).doesNotContain(secret);
            assertThat(json).doesNotContain(secret);
            assertThat(pdf).doesNotContain(secret);
        });
    }
}
