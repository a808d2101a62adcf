package dev.onramp.connect.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.connect.summary.OnboardingSummary.Airbyte;
import dev.onramp.connect.summary.OnboardingSummary.AirbyteKind;
import dev.onramp.connect.summary.OnboardingSummary.Business;
import dev.onramp.connect.summary.OnboardingSummary.ConnectionEntry;
import dev.onramp.connect.summary.OnboardingSummary.Location;
import dev.onramp.connect.summary.OnboardingSummary.MissingItem;
import dev.onramp.connect.summary.OnboardingSummary.MissingKind;
import dev.onramp.connect.summary.OnboardingSummary.Progress;
import dev.onramp.connect.summary.OnboardingSummary.RecommendedSource;
import dev.onramp.connect.summary.OnboardingSummary.SourceState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import dev.onramp.text.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The three forms of one summary: the JSON read back field by field, the PDF read back with PDFBox, the text. */
class SummaryRenderersTest {
    private static final Instant MADE = Instant.parse("2026-03-05T13:32:10Z");
    private static final Instant CHECKED = Instant.parse("2026-03-05T13:30:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ConnectionEntry connection(String provider, String name, String account, String status,
            List<String> streams) {
        return new ConnectionEntry("c-" + account, provider, name, account, status,
                status.equals("ACTIVE") ? "Connected" : "Needs reconnecting", "src-" + account,
                MADE.minusSeconds(3600), Optional.of(CHECKED), Optional.empty(), streams,
                Optional.of(new Location("http://airbyte.local:8000/api", Optional.of("ws-1"),
                        "Airbyte at http://airbyte.local:8000/api, workspace ws-1")));
    }

    private static OnboardingSummary summary(String businessName, List<ConnectionEntry> connections) {
        return new OnboardingSummary(MADE,
                new Business("t-1", businessName, "online-store", "Online store"),
                new Airbyte(AirbyteKind.SELF_MANAGED, "Airbyte at http://airbyte.local:8000/api",
                        Optional.of("http://airbyte.local:8000/api"), Optional.of("ws-1")),
                new Progress(3, 1, 1, 1),
                List.of(new RecommendedSource("shopify", "Shopify", "Your orders, products and customers",
                                SourceState.CONNECTED),
                        new RecommendedSource("stripe", "Stripe", "Payments", SourceState.NEEDS_ATTENTION),
                        new RecommendedSource("mailchimp", "Mailchimp", "Newsletters", SourceState.NOT_CONNECTED)),
                connections,
                List.of(new MissingItem(MissingKind.NOT_CONNECTED, "mailchimp", "Mailchimp", Optional.empty(),
                                Optional.empty(), Optional.of("Newsletters"),
                                "Connect it in the hub, or with onramp connect mailchimp."),
                        new MissingItem(MissingKind.NEEDS_ATTENTION, "stripe", "Stripe", Optional.of("acct_9"),
                                Optional.of("NEEDS_REAUTH"), Optional.empty(),
                                "The sign-in expired or was revoked: sign in again with Reconnect.")));
    }

    private static final List<ConnectionEntry> TWO = List.of(
            connection("shopify", "Shopify", "my-store", "ACTIVE", List.of("orders", "products", "customers")),
            connection("stripe", "Stripe", "acct_9", "NEEDS_REAUTH", List.of("charges")));

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void json_hasSchemaVersion1_utcTimes_idsAndNames_andEveryFieldReadsBack() throws Exception {
        JsonNode json = new ObjectMapper().readTree(SummaryJson.render(summary("Acme Outdoor", TWO)));

        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.path("generatedAt").asText()).isEqualTo("2026-03-05T13:32:10Z");
        assertThat(json.at("/business/id").asText()).isEqualTo("t-1");
        assertThat(json.at("/business/name").asText()).isEqualTo("Acme Outdoor");
        assertThat(json.at("/business/type").asText()).isEqualTo("online-store");
        assertThat(json.at("/airbyte/kind").asText()).isEqualTo("SELF_MANAGED");
        assertThat(json.at("/airbyte/url").asText()).isEqualTo("http://airbyte.local:8000/api");
        assertThat(json.at("/airbyte/workspace").asText()).isEqualTo("ws-1");
        assertThat(json.at("/progress/recommended").asInt()).isEqualTo(3);
        assertThat(json.at("/progress/connected").asInt()).isEqualTo(1);
        assertThat(json.at("/progress/complete").asBoolean()).isFalse();
        assertThat(json.at("/progress/text").asText()).isEqualTo("1 of 3 recommended sources connected");
        assertThat(json.at("/recommended/1/provider").asText()).isEqualTo("stripe");
        assertThat(json.at("/recommended/1/state").asText()).isEqualTo("NEEDS_ATTENTION");
        JsonNode shop = json.at("/connections/0");
        assertThat(shop.path("id").asText()).isEqualTo("c-my-store");
        assertThat(shop.path("provider").asText()).isEqualTo("shopify");
        assertThat(shop.path("providerName").asText()).isEqualTo("Shopify");
        assertThat(shop.path("account").asText()).isEqualTo("my-store");
        assertThat(shop.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(shop.path("lastChecked").asText()).isEqualTo("2026-03-05T13:30:00Z");
        assertThat(shop.path("createdAt").asText()).isEqualTo("2026-03-05T12:32:10Z");
        assertThat(shop.path("lastError").isNull()).isTrue();
        assertThat(shop.path("streamCount").asInt()).isEqualTo(3);
        assertThat(shop.path("streams")).extracting(JsonNode::asText).containsExactly("orders", "products", "customers");
        assertThat(shop.at("/airbyte/workspace").asText()).isEqualTo("ws-1");
        assertThat(json.at("/missing/0/kind").asText()).isEqualTo("NOT_CONNECTED");
        assertThat(json.at("/missing/0/account").isNull()).isTrue();
        assertThat(json.at("/missing/0/reason").asText()).isEqualTo("Newsletters");
        assertThat(json.at("/missing/1/reason").isNull()).isTrue();
        assertThat(json.at("/missing/1/account").asText()).isEqualTo("acct_9");
        assertThat(json.at("/missing/1/status").asText()).isEqualTo("NEEDS_REAUTH");
        assertThat(json.at("/missing/1/action").asText()).startsWith("The sign-in expired");
    }

    @Test
    void pdf_readsBackWithTheBusinessTheProgressEveryConnectionAndTheMissingList() throws Exception {
        String text = pdfText(SummaryPdf.render(summary("Acme Outdoor", TWO), BERLIN));

        assertThat(text).contains("Acme Outdoor — onboarding summary")
                .contains("5 Mar 2026, 14:32 CET")
                .contains("Airbyte at http://airbyte.local:8000/api · workspace ws-1")
                .contains("1 of 3 recommended sources connected")
                .contains("Shopify — account my-store")
                .contains("Stripe — account acct_9")
                .contains("Last checked: 5 Mar 2026, 14:30 CET")
                .contains("3 streams: orders, products, customers")
                .contains("- Mailchimp — not connected")
                .contains("Newsletters. Connect it in the hub, or with onramp connect mailchimp.");
    }

    @Test
    void pdf_writesABusinessNameInAnotherScriptWithQuestionMarks_ratherThanFailing() throws Exception {
        String text = pdfText(SummaryPdf.render(summary("東京カフェ Ünïcode", TWO), BERLIN));

        assertThat(text).contains("????? Ünïcode — onboarding summary");
    }

    @Test
    void pdf_startsANewPageWhenTheConnectionsDoNotFitOne() throws Exception {
        List<ConnectionEntry> many = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> many.add(connection("shopify", "Shopify", "store-" + i, "ACTIVE",
                IntStream.range(0, 30).mapToObj(s -> "stream_number_" + s).toList())));

        byte[] pdf = SummaryPdf.render(summary("Acme Outdoor", many), BERLIN);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(3);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Shopify — account store-0").contains("Shopify — account store-39")
                    .contains("stream_number_29");
        }
    }

    @Test
    void text_saysTheSameAsThePdf_inLocalTime() {
        String text = SummaryText.render(summary("Acme Outdoor", TWO), BERLIN);

        assertThat(text).startsWith("Acme Outdoor — onboarding summary\n")
                .contains("1 of 3 recommended sources connected")
                .contains("  [x] Shopify — connected\n")
                .contains("  [!] Stripe — needs attention\n")
                .contains("  [ ] Mailchimp — not connected\n")
                .contains("  Stripe — account acct_9\n      Status: Needs reconnecting\n")
                .contains("      Last checked: 5 Mar 2026, 14:30 CET")
                .contains("  - Stripe (account acct_9) — needs attention\n      The sign-in expired or was revoked");
    }

    @Test
    void textAndPdfInGerman_sayTheBusinessTypeAndTheCatalogsReasonsInGerman_andAReasonFromElsewhereAsItIs()
            throws Exception {
        OnboardingSummary summary = summary("Acme Outdoor", TWO);
        String text = SummaryText.render(summary, BERLIN, Messages.of(Locale.GERMAN));

        assertThat(text).contains(" · Onlineshop\n")
                .contains("  [x] Shopify — verbunden\n      Ihre Bestellungen, Produkte und Kunden\n")
                .contains("  [!] Stripe — braucht Aufmerksamkeit\n      Payments\n")
                .doesNotContain("Online store").doesNotContain("Your orders");
        assertThat(pdfText(SummaryPdf.render(summary, BERLIN, Messages.of(Locale.GERMAN))))
                .contains("Onlineshop").contains("Ihre Bestellungen, Produkte und Kunden");
        assertThat(SummaryText.render(summary, BERLIN, Messages.of(Locale.FRENCH)))
                .contains(" · Boutique en ligne\n").contains("      Vos commandes, produits et clients\n");
        assertThat(SummaryJson.render(summary)).contains("\"Your orders, products and customers\"")
                .contains("\"Online store\"").doesNotContain("Onlineshop");
    }

    @Test
    void progressText_isPluralOrSingularRight_andSaysAllWhenDone() {
        assertThat(ProgressText.of(3, 5)).isEqualTo("3 of 5 recommended sources connected");
        assertThat(ProgressText.of(5, 5)).isEqualTo("All 5 recommended sources connected");
        assertThat(ProgressText.of(0, 1)).isEqualTo("0 of 1 recommended source connected");
        assertThat(ProgressText.of(1, 1)).isEqualTo("The recommended source is connected");
        assertThat(ProgressText.of(0, 0)).isEqualTo("No recommended sources for this business");
    }

    @Test
    void fileNames_keepLettersOfAnyScript_andNothingAFolderCannotHold() {
        assertThat(SummaryFormat.PDF.fileName(summary("Acme Outdoor / EU", TWO))).isEqualTo("Acme-Outdoor-EU-summary.pdf");
        assertThat(SummaryFormat.JSON.fileName(summary("東京カフェ", TWO))).isEqualTo("東京カフェ-summary.json");
    }
}
