package dev.onramp.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the relay page's script does ({@code resources/relay/index.html}), for tests without a real
 * browser: an address under the relay becomes {@code http://127.0.0.1:<port>/oauth-success?secret_id=…&nonce=…}.
 * {@code RelayInChromiumTest} proves the page itself does the same.
 */
public final class RelayPageStandIn implements UnaryOperator<URI> {
    private final URI relay;

    public RelayPageStandIn(URI relay) {
        this.relay = relay;
    }

    @Override
    public URI apply(URI page) {
        if (!page.toString().startsWith(relay.toString())) {
            return page;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : page.getRawQuery().split("[&?]")) {
            int eq = pair.indexOf('=');
            params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        String answer = params.containsKey("secret_id") ? "secret_id=" + encode(params.get("secret_id"))
                : "error=" + encode(params.getOrDefault("error", ""));
        return URI.create("http://127.0.0.1:" + params.get("port") + "/oauth-success?" + answer + "&nonce="
                + encode(params.get("nonce")));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
