package dev.onramp.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers' side of OAuth: a local consent page per connector at
 * {@code /oauth/<sourceType>/authorize}, and the Allow / Deny decision that redirects back with a
 * code or {@code error=access_denied}.
 */
final class ConsentPages {
    private static final Logger LOG = LoggerFactory.getLogger(ConsentPages.class);
    private static final String PREFIX = "/oauth/";
    /** The query parameter Amazon's Selling Partner consent carries its code in. */
    private static final String SELLING_PARTNER_CODE = "spapi_oauth_code";

    private final OAuthLedger ledger;
    private final ConsentHtml html;
    private final AtomicBoolean refusing = new AtomicBoolean();

    ConsentPages(OAuthLedger ledger, ConsentHtml html) {
        this.ledger = ledger;
        this.html = html;
    }

    /** Whether every provider's sign-in page refuses at once, sending the person back with {@code access_denied}. */
    void refuse(boolean refuse) {
        refusing.set(refuse);
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            PageWords words = PageWords.of(exchange);
            String[] parts = exchange.getRequestURI().getPath().substring(PREFIX.length()).split("/");
            if (parts.length != 2) {
                page(exchange, 404, noPage(words), words);
                return;
            }
            String sourceType = parts[0];
            switch (parts[1] + " " + exchange.getRequestMethod()) {
                case "authorize GET" -> authorize(exchange, sourceType, words);
                case "decision POST" -> decide(exchange, sourceType, words);
                case "authorize POST", "decision GET" -> {
                    exchange.getResponseHeaders().set("Allow", parts[1].equals("authorize") ? "GET" : "POST");
                    page(exchange, 405, html.problem(words, words.say("problem.wrongMethod.title"),
                            words.say("problem.wrongMethod.explanation")), words);
                }
                default -> page(exchange, 404, noPage(words), words);
            }
        }
    }

    private void authorize(HttpExchange exchange, String sourceType, PageWords words) throws IOException {
        Map<String, String> query = Exchanges.parseForm(exchange.getRequestURI().getRawQuery());
        Optional<OAuthLedger.PendingConsent> consent = ledger.pending(query.getOrDefault("state", ""))
                .filter(p -> matches(p, sourceType, query));
        if (consent.isEmpty()) {
            page(exchange, 400, unknownRequest(words), words);
            return;
        }
        if (refusing.get() && ledger.decide(consent.get().state()).isPresent()) {
            LOG.info("Simulated {} consent page refuses the sign-in", consent.get().connector().name());
            Map<String, String> params = new LinkedHashMap<>();
            params.put("error", "access_denied");
            params.put("error_description", consent.get().connector().name() + " refused the sign-in.");
            params.put("state", consent.get().state());
            Exchanges.redirect(exchange, Exchanges.withQuery(consent.get().redirectUrl(), params));
            return;
        }
        page(exchange, 200, html.consent(consent.get(), words), words);
    }

    /** The link must be the one this Airbyte handed out: same provider, client and redirect target. */
    private static boolean matches(OAuthLedger.PendingConsent consent, String sourceType, Map<String, String> query) {
        return consent.connector().sourceType().equals(sourceType)
                && consent.clientId().equals(query.get("client_id"))
                && consent.redirectUrl().toString().equals(query.get("redirect_uri"))
                && "code".equals(query.get("response_type"));
    }

    private void decide(HttpExchange exchange, String sourceType, PageWords words) throws IOException {
        Map<String, String> form;
        try (InputStream in = exchange.getRequestBody()) {
            form = Exchanges.parseForm(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String decision = form.getOrDefault("decision", "");
        String state = form.getOrDefault("state", "");
        boolean known = ledger.pending(state).filter(p -> p.connector().sourceType().equals(sourceType)).isPresent();
        if (!known || !(decision.equals("allow") || decision.equals("deny"))) {
            page(exchange, 400, unknownRequest(words), words);
            return;
        }
        Optional<OAuthLedger.PendingConsent> decided = ledger.decide(state);
        if (decided.isEmpty()) {
            page(exchange, 400, unknownRequest(words), words);
            return;
        }
        OAuthLedger.PendingConsent consent = decided.get();
        LOG.info("Simulated {} consent page: the person chose {}", consent.connector().name(), decision);
        Map<String, String> params = new LinkedHashMap<>();
        if (decision.equals("allow")) {
            String codeParameter = consent.connector().oauth().map(DemoConnector.OAuth::codeParameter).orElse("code");
            params.put(codeParameter, ledger.issueCode(consent));
            params.put("state", state);
            if (codeParameter.equals(SELLING_PARTNER_CODE)) {
                // Amazon's consent redirects with the seller's id beside its code (AmazonSellerPartnerOAuthFlow).
                String account = consent.connector().oauth().map(DemoConnector.OAuth::account).orElse("");
                params.put("selling_partner_id", "A2DEMO" + Integer.toHexString(account.hashCode()).toUpperCase(Locale.ROOT));
            }
        } else {
            params.put("error", "access_denied");
            params.put("error_description", "The user denied access to " + consent.connector().name() + ".");
            params.put("state", state);
        }
        Exchanges.redirect(exchange, Exchanges.withQuery(consent.redirectUrl(), params));
    }

    private String unknownRequest(PageWords words) {
        return html.problem(words, words.say("problem.unknownRequest.title"),
                words.say("problem.unknownRequest.explanation"));
    }

    private String noPage(PageWords words) {
        return html.problem(words, words.say("problem.noPage.title"), words.say("problem.noPage.explanation"));
    }

    private static void page(HttpExchange exchange, int status, String page, PageWords words) throws IOException {
        exchange.getResponseHeaders().set("Content-Language", words.language());
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        Exchanges.send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }
}
