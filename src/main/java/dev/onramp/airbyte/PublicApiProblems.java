package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.airbyte.AirbyteException.Kind;
import dev.onramp.text.Text;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a failed public API answer into an {@link AirbyteException}: each problem type of Airbyte's
 * {@code api-problems.yaml} that Onramp can meet gets its own sentence, every other one a sentence
 * by its HTTP status that carries Airbyte's own words (with Onramp's secrets hidden).
 */
final class PublicApiProblems {
    private static final int MAX_DETAIL = 300;
    /** How Airbyte's public API begins the message of a discover that failed in the connector. */
    private static final String CONNECTOR_FAILED = "Something went wrong in the connector.";

    /** The RFC 9457 fields Airbyte sends, and the key that names the problem type. */
    record Problem(String key, String title, String detail, JsonNode data) {
        /**
         * Reads a problem body. The key is what follows {@code #} in the type URL, or what follows
         * {@code error:}; problem types that share the bare errors URL are told apart by their title.
         */
        static Optional<Problem> read(JsonNode body) {
            String type = body.path("type").asText("");
            String title = body.path("title").asText("");
            if (type.isEmpty() && title.isEmpty()) {
                return Optional.empty();
            }
            String key;
            if (type.contains("#")) {
                key = type.substring(type.indexOf('#') + 1);
            } else if (type.startsWith("error:")) {
                key = type.substring("error:".length());
            } else {
                key = title;
            }
            return Optional.of(new Problem(key, title, body.path("detail").asText(""), body.path("data")));
        }
    }

    /** What the failed call was about, for the sentence. */
    record Context(PublicApiCall call, Optional<String> connectorName, Redactor redactor) {}

    /** Names the Airbyte in sentences: the proper noun "Airbyte Cloud", or the {@code Text} "Airbyte at …". */
    private final Object airbyte;
    private final boolean cloud;

    /**
     * @param airbyte names the Airbyte in sentences, e.g. "Airbyte Cloud"
     * @param cloud whether it is Airbyte Cloud, whose outages have a status page
     */
    PublicApiProblems(Object airbyte, boolean cloud) {
        this.airbyte = airbyte;
        this.cloud = cloud;
    }

    /** The sentence for an application whose client id or secret Airbyte does not accept. */
    AirbyteException rejectedCredentials() {
        return new AirbyteException(Kind.UNAUTHORIZED, Text.of("airbyte.public.rejectedCredentials", airbyte));
    }

    AirbyteException map(Context context, int status, Optional<JsonNode> body, Optional<String> retryAfter) {
        if (status == 429) {
            return TransportFailures.rateLimited(airbyte, context.call(), retryAfter);
        }
        if (context.call() == PublicApiCall.MINT_TOKEN && (status == 400 || status == 401 || status == 403)) {
            return rejectedCredentials();
        }
        Optional<Problem> problem = body.flatMap(Problem::read);
        if (problem.isPresent()) {
            Optional<AirbyteException> known = byType(context, problem.get());
            if (known.isPresent()) {
                return known.get();
            }
        }
        Object detail = problem.map(p -> words(context, p))
                .or(() -> body.map(b -> b.path("message").asText("")).map(m -> clean(context, m)))
                .filter(d -> !d.isEmpty())
                .<Object>map(d -> d)
                .orElse(Text.of("airbyte.noDetails"));
        if (status == 401 && problem.isPresent()) {
            return new AirbyteException(Kind.UNAUTHORIZED,
                    Text.of("airbyte.public.unauthorized", airbyte, context.call().action(), detail));
        }
        return byStatus(context, status, detail, body.isPresent());
    }

    AirbyteException badResponse() {
        return new AirbyteException(Kind.BAD_RESPONSE, Text.of("airbyte.public.notPublicApi", airbyte));
    }

    AirbyteException missingField(String field) {
        return new AirbyteException(Kind.BAD_RESPONSE, Text.of("airbyte.public.missingField", airbyte, field));
    }

    private Optional<AirbyteException> byType(Context context, Problem problem) {
        Text verb = context.call().action();
        String words = words(context, problem);
        AirbyteException mapped = switch (problem.key()) {
            case "invalid-api-key" -> rejectedCredentials();
            case "forbidden" -> forbidden(verb, words);
            case "auth/sso-required" -> new AirbyteException(Kind.UNAUTHORIZED, Text.of("airbyte.public.ssoRequired", airbyte));
            case "license/entitlement" -> new AirbyteException(Kind.UNSUPPORTED,
                    Text.of("airbyte.public.licence", airbyte, verb, words));
            case "invalid-redirect-url" -> new AirbyteException(Kind.REJECTED, Text.of("airbyte.public.invalidRedirect", airbyte));
            case "invalid-consent-url" -> new AirbyteException(Kind.REJECTED,
                    Text.of("airbyte.public.invalidConsentUrl", airbyte, connector(context), words));
            case "oauth-callback-failure" -> new AirbyteException(Kind.REJECTED,
                    Text.of("airbyte.public.callbackFailed", airbyte, words));
            case "resource-not-found" -> resourceNotFound(context, problem, words);
            case "value-not-found" -> context.call() == PublicApiCall.INITIATE_OAUTH
                    ? new AirbyteException(Kind.UNSUPPORTED, Text.of("airbyte.public.noOAuthThroughApi", airbyte,
                            context.connectorName().<Object>map(name -> name).orElse(Text.of("airbyte.public.thisProvider"))))
                    : new AirbyteException(Kind.NOT_FOUND, Text.of("airbyte.public.unknownValue", airbyte, verb, words,
                            context.call().notFoundHint()));
            case "409-state-conflict", "try-again-later", "connection/locked" -> new AirbyteException(Kind.CONFLICT,
                    Text.of("airbyte.public.conflict", airbyte, verb, words));
            case "unexpected-problem" -> connectorFailed(context, problem).orElseGet(() -> serverError(verb, words));
            case "service-unavailable" -> new AirbyteException(Kind.SERVER_ERROR, cloud
                    ? Text.of("airbyte.public.unavailableCloud", airbyte, words)
                    : Text.of("airbyte.public.unavailable", airbyte, words));
            case "implementation/not-implemented-in-oss" -> selfManaged(verb);
            case "request-timeout-exceeded" -> new AirbyteException(Kind.TIMEOUT, Text.of("airbyte.public.gaveUp", airbyte, verb));
            case "embedded/endpoint-moved" -> new AirbyteException(Kind.BAD_RESPONSE,
                    Text.of("airbyte.public.moved", airbyte, words));
            default -> problem.key().startsWith("billing/")
                    ? new AirbyteException(Kind.REJECTED, Text.of("airbyte.public.billing", airbyte, verb, words))
                    : null;
        };
        return Optional.ofNullable(mapped);
    }

    private AirbyteException byStatus(Context context, int status, Object detail, boolean json) {
        PublicApiCall call = context.call();
        return switch (status) {
            case 401 -> rejectedCredentials();
            case 403 -> forbidden(call.action(), detail);
            case 404 -> json
                    ? new AirbyteException(Kind.NOT_FOUND,
                            Text.of("airbyte.public.notKnown", airbyte, call.action(), detail, call.notFoundHint()))
                    : badResponse();
            case 408 -> new AirbyteException(Kind.TIMEOUT, Text.of("airbyte.public.gaveUp", airbyte, call.action()));
            case 409 -> new AirbyteException(Kind.CONFLICT, Text.of("airbyte.public.conflict", airbyte, call.action(), detail));
            // Airbyte OSS answers 501 to what only Cloud implements, initiateOAuth first of all.
            case 501 -> selfManaged(call.action());
            default -> {
                if (status >= 500) {
                    yield serverError(call.action(), Text.joined(": ", java.util.List.of("HTTP " + status, detail)));
                }
                if (status >= 400 && status != 405) {
                    yield new AirbyteException(Kind.REJECTED, Text.of("airbyte.refused", airbyte, call.action(), detail));
                }
                yield badResponse();
            }
        };
    }

    /**
     * Listing a source's streams runs its connector's discover; when the connector fails (the provider
     * refusing its sign-in, or failing), Airbyte answers an unexpected problem whose message is
     * "Something went wrong in the connector. logs:" and the connector's own words. That is Airbyte's
     * answer about the source, not a failure of Airbyte: the source's test failed, with those words.
     */
    private Optional<AirbyteException> connectorFailed(Context context, Problem problem) {
        String message = problem.data().path("message").asText("");
        if (context.call() != PublicApiCall.TEST_SOURCE && context.call() != PublicApiCall.LIST_STREAMS
                || !message.startsWith(CONNECTOR_FAILED)) {
            return Optional.empty();
        }
        String logs = message.substring(CONNECTOR_FAILED.length()).strip().replaceFirst("^logs:\\s*", "");
        String said = clean(context, logs.isEmpty() ? message : logs);
        return Optional.of(new AirbyteException(Kind.REJECTED, Text.of("airbyte.public.connectorFailed", airbyte, said)));
    }

    private AirbyteException selfManaged(Text verb) {
        return new AirbyteException(Kind.UNSUPPORTED, Text.of("airbyte.public.selfManaged", verb));
    }

    private AirbyteException forbidden(Text verb, Object words) {
        return new AirbyteException(Kind.UNAUTHORIZED, Text.of("airbyte.public.forbidden", airbyte, verb, words));
    }

    private AirbyteException serverError(Text verb, Object words) {
        return new AirbyteException(Kind.SERVER_ERROR, cloud
                ? Text.of("airbyte.public.serverErrorCloud", airbyte, verb, words)
                : Text.of("airbyte.public.serverError", airbyte, verb, words));
    }

    private AirbyteException resourceNotFound(Context context, Problem problem, String words) {
        String type = problem.data().path("resourceType").asText("").toLowerCase(Locale.ROOT);
        PublicApiCall call = context.call();
        if (type.contains("definition") || type.contains("connector")) {
            return new AirbyteException(Kind.NOT_FOUND, Text.of("airbyte.public.noConnector", connector(context), airbyte));
        }
        if (type.contains("workspace")) {
            return new AirbyteException(Kind.NOT_FOUND, Text.of("airbyte.public.noWorkspace", airbyte));
        }
        if (type.contains("source")) {
            return new AirbyteException(Kind.NOT_FOUND, call == PublicApiCall.DELETE_SOURCE
                    ? Text.of("airbyte.public.sourceAlreadyGone", airbyte)
                    : Text.of("airbyte.public.sourceGone", airbyte));
        }
        return new AirbyteException(Kind.NOT_FOUND,
                Text.of("airbyte.public.notKnown", airbyte, call.action(), words, call.notFoundHint()));
    }

    private static Text connector(Context context) {
        return context.connectorName().map(ConnectorNames::named).orElse(Text.of("airbyte.connector.that"));
    }

    /** Airbyte's own words for the problem: its message, else its detail, else its title. */
    private static String words(Context context, Problem problem) {
        String message = problem.data().path("message").asText("");
        String text = !message.isBlank() ? message : !problem.detail().isBlank() ? problem.detail() : problem.title();
        return clean(context, text);
    }

    private static String clean(Context context, String text) {
        String oneLine = context.redactor().apply(text).replaceAll("\\s+", " ").strip().replaceAll("[.\\s]+$", "");
        return oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL) + "…" : oneLine;
    }
}
