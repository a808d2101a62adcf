package dev.onramp.demo;

import java.net.URI;
import java.util.stream.Collectors;

/** Self-contained HTML for the simulated providers' pages: no scripts, no external resources. */
final class ConsentHtml {
    private static final String STYLE = """
            *{box-sizing:border-box}
            body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
              background:#eef1f5;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933}
            main{width:min(440px,92vw);background:#fff;border-radius:14px;box-shadow:0 8px 30px rgba(31,41,51,.12);padding:32px}
            .brand{display:flex;align-items:center;gap:12px;margin-bottom:20px}
            .logo{flex:none;width:44px;height:44px;border-radius:10px;display:flex;align-items:center;justify-content:center}
            .logo.monogram{background:#3b5bdb;color:#fff;font-weight:700;font-size:19px;letter-spacing:.5px}
            .logo.icon{background:#fff;border:1px solid #d9dee3}
            .logo.icon.dark{background:#1f2933;border-color:#1f2933}
            .logo svg{display:block;width:28px;height:28px}
            .provider{font-weight:600;font-size:17px}
            h1{font-size:20px;line-height:1.3;margin:0 0 6px}
            .account{color:#52606d;margin:0 0 18px}
            ul{padding-left:20px;margin:0 0 18px}
            li{margin:6px 0}
            .scopes{font-size:12px;color:#7b8794;word-break:break-all;margin:0 0 22px}
            .buttons{display:flex;gap:12px;justify-content:flex-end}
            button{font:inherit;font-weight:600;border-radius:8px;padding:10px 22px;cursor:pointer;border:1px solid #cbd2d9}
            button.allow{background:#3b5bdb;border-color:#3b5bdb;color:#fff}
            button.deny{background:#fff;color:#1f2933}
            footer{margin-top:24px;padding-top:14px;border-top:1px solid #e4e7eb;font-size:12px;color:#7b8794}
            """;

    /**
     * The consent page in {@code words}' language: the provider's name, the account and the access
     * lines are catalog data and stay as they are; every sentence is HTML-escaped whole.
     */
    String consent(OAuthLedger.PendingConsent consent, PageWords words) {
        DemoConnector connector = consent.connector();
        DemoConnector.OAuth oauth = connector.oauth().orElseThrow();
        String access = oauth.access().stream()
                .map(line -> "<li>" + escape(line) + "</li>")
                .collect(Collectors.joining("\n  "));
        URI back = consent.redirectUrl();
        String body = """
                <div class="brand">%s<div class="provider">%s</div></div>
                <h1>%s</h1>
                <p class="account">%s</p>
                <p>%s</p>
                <ul>
                  %s
                </ul>
                %s
                <form method="post" action="/oauth/%s/decision">
                  <input type="hidden" name="state" value="%s">
                  <div class="buttons">
                    <button type="submit" name="decision" value="deny" class="deny">%s</button>
                    <button type="submit" name="decision" value="allow" class="allow">%s</button>
                  </div>
                </form>
                <footer>%s</footer>
                """.formatted(
                logo(connector),
                escape(connector.name()),
                escape(words.say("consent.heading", connector.name())),
                escape(words.say("consent.account", oauth.account())),
                escape(words.say("consent.access")),
                access,
                // A connector made from the catalog snapshot asks for no scopes of its own: no permissions line then.
                oauth.scopes().isEmpty() ? ""
                        : "<p class=\"scopes\">" + escape(words.say("consent.scopes", String.join(", ", oauth.scopes())))
                                + "</p>",
                escape(connector.sourceType()),
                escape(consent.state()),
                escape(words.say("consent.deny")),
                escape(words.say("consent.allow")),
                escape(words.say("consent.footer", back.getScheme() + "://" + back.getAuthority())));
        return page(words, words.say("consent.title", connector.name()), body);
    }

    /**
     * The provider's brand icon as inline SVG in its colour, or its initials when Onramp bundles no
     * icon for it; the connector's slug is its {@code sourceType}.
     */
    static String logo(DemoConnector connector) {
        return ConsentLogos.of(connector.sourceType())
                .map(icon -> "<div class=\"logo icon" + (icon.light() ? " dark" : "") + "\" aria-hidden=\"true\">"
                        + "<svg viewBox=\"0 0 24 24\" focusable=\"false\">"
                        + "<path fill=\"#" + escape(icon.colour()) + "\" d=\"" + escape(icon.path()) + "\"/></svg></div>")
                .orElseGet(() -> "<div class=\"logo monogram\" aria-hidden=\"true\">"
                        + escape(initials(connector.name())) + "</div>");
    }

    /** The first letters of the name's first two words, in capitals ("Google Ads" → "GA", "Stripe" → "S"). */
    static String initials(String name) {
        StringBuilder letters = new StringBuilder(2);
        for (String word : name.strip().split("\\s+")) {
            if (letters.length() >= 2) {
                break;
            }
            word.codePoints().filter(Character::isLetterOrDigit).findFirst()
                    .ifPresent(c -> letters.appendCodePoint(Character.toUpperCase(c)));
        }
        return letters.isEmpty() ? "?" : letters.toString();
    }

    /** A page that says what went wrong: {@code title} and {@code explanation} in {@code words}' language. */
    String problem(PageWords words, String title, String explanation) {
        return page(words, title, "<h1>" + escape(title) + "</h1>\n<p>" + escape(explanation) + "</p>\n");
    }

    private static String page(PageWords words, String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                %s</style>
                </head>
                <body>
                <main>
                %s</main>
                </body>
                </html>
                """.formatted(escape(words.language()), escape(title), STYLE, body);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
