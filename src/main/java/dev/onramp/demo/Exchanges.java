package dev.onramp.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Reading requests and writing answers on the JDK's HTTP server, shared by the API and the consent pages. */
final class Exchanges {
    private Exchanges() {}

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * What a 500 says about {@code bug}: the sentence of a state file that could not be kept (a full disk
     * names itself there), otherwise only the kind of failure, as Airbyte's own 500s do.
     */
    static String failure(RuntimeException bug) {
        return bug instanceof UncheckedIOException ? bug.getMessage() : bug.getClass().getSimpleName();
    }

    static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static void redirect(HttpExchange exchange, URI location) throws IOException {
        exchange.getResponseHeaders().set("Location", location.toASCIIString());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        sendEmpty(exchange, 302);
    }

    /**
     * Parses {@code a=1&b=2} as sent in a query string or an urlencoded form; the first value of a
     * name wins and badly encoded pairs are left out.
     */
    static Map<String, String> parseForm(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.putIfAbsent(name, value);
            } catch (IllegalArgumentException badEscape) {
                continue;
            }
        }
        return params;
    }

    static String encodeForm(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Appends query parameters to a URI that may already have a query. */
    static URI withQuery(URI base, Map<String, String> params) {
        String separator = base.getRawQuery() == null ? "?" : "&";
        String target = base.toASCIIString();
        int fragment = target.indexOf('#');
        if (fragment >= 0) {
            target = target.substring(0, fragment);
        }
        return URI.create(target + separator + encodeForm(params));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
