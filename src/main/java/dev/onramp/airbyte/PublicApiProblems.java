package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.airbyte.AirbyteException.Kind;
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

    private final String airbyte;
    private final boolean cloud;

    /**
     * @param airbyte names the Airbyte in sentences, e.g. "Airbyte Cloud"
     * @param cloud whether it is Airbyte Cloud, whose outages have a status page
     */
    PublicApiProblems(String airbyte, boolean cloud) {
        this.airbyte = airbyte;
        this.cloud = cloud;
    }

    /** The sentence for an application whose client id or secret Airbyte does not accept. */
    AirbyteException rejectedCredentials() {
        return new AirbyteException(Kind.UNAUTHORIZED, "Airbyte rejected the client id/secret (" + airbyte
                + "). Check them in Settings; Airbyte shows them under Settings → Applications.");
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
        String detail = problem.map(p -> words(context, p))
                .or(() -> body.map(b -> b.path("message").asText("")).map(m -> clean(context, m)))
                .filter(d -> !d.isEmpty())
                .orElse("no details given");
        if (status == 401 && problem.isPresent()) {
            return new AirbyteException(Kind.UNAUTHORIZED, airbyte + " refused to " + context.call().verb() + " (" + detail
                    + "). Check the Airbyte credentials in Settings.");
        }
        return byStatus(context, status, detail, body.isPresent());
    }

    AirbyteException badResponse() {
        return new AirbyteException(Kind.BAD_RESPONSE,
                airbyte + " answered with something that is not Airbyte's public API; check the API address in Settings.");
    }

    AirbyteException missingField(String field) {
        return new AirbyteException(Kind.BAD_RESPONSE, airbyte + " answered without \"" + field + "\", which"
                + " Airbyte's public API always sends there: check the API address in Settings.");
    }

    private Optional<AirbyteException> byType(Context context, Problem problem) {
        String verb = context.call().verb();
        String words = words(context, problem);
        AirbyteException mapped = switch (problem.key()) {
            case "invalid-api-key" -> rejectedCredentials();
            case "forbidden" -> forbidden(verb, words);
            case "auth/sso-required" -> new AirbyteException(Kind.UNAUTHORIZED, airbyte
                    + " wants an SSO sign-in for this organization, which Onramp cannot do. Ask an organization admin for an"
                    + " application (Settings → Applications in Airbyte) and enter its client id/secret in Onramp's Settings.");
            case "license/entitlement" -> new AirbyteException(Kind.UNSUPPORTED, airbyte
                    + " may not " + verb + " under its licence (" + words + "). Ask its operator.");
            case "invalid-redirect-url" -> new AirbyteException(Kind.REJECTED, airbyte
                    + " refused the address the sign-in should return to. Cloud needs an https relay: set it in Settings.");
            case "invalid-consent-url" -> new AirbyteException(Kind.REJECTED, airbyte + " could not make the sign-in link for "
                    + connector(context) + " (" + words + "). Check the details asked before signing in, then try again.");
            case "oauth-callback-failure" -> new AirbyteException(Kind.REJECTED, airbyte
                    + " could not finish the sign-in (" + words + "). Connect the account again.");
            case "resource-not-found" -> resourceNotFound(context, problem, words);
            case "value-not-found" -> context.call() == PublicApiCall.INITIATE_OAUTH
                    ? new AirbyteException(Kind.UNSUPPORTED, airbyte + " cannot start a sign-in to "
                            + context.connectorName().orElse("this provider")
                            + " through its API: connect it with an access token or API key instead.")
                    : new AirbyteException(Kind.NOT_FOUND, airbyte + " could not " + verb
                            + " because it does not know a value Onramp sent (" + words + "). " + context.call().notFoundHint());
            case "409-state-conflict", "try-again-later", "connection/locked" -> new AirbyteException(Kind.CONFLICT,
                    airbyte + " could not " + verb + " just now (" + words + "). Try again in a minute.");
            case "unexpected-problem" -> connectorFailed(context, problem).orElseGet(() -> serverError(verb, words));
            case "service-unavailable" -> new AirbyteException(Kind.SERVER_ERROR, airbyte + " is unavailable right now ("
                    + words + "). Try again in a few minutes" + (cloud ? "; status.airbyte.com tells when it is back." : "."));
            case "implementation/not-implemented-in-oss" -> selfManaged(verb);
            case "request-timeout-exceeded" -> new AirbyteException(Kind.TIMEOUT, airbyte + " gave up trying to " + verb
                    + " because it took too long. Try again in a minute.");
            case "embedded/endpoint-moved" -> new AirbyteException(Kind.BAD_RESPONSE, airbyte
                    + " says this part of its API has moved (" + words + "). Update Onramp.");
            default -> problem.key().startsWith("billing/")
                    ? new AirbyteException(Kind.REJECTED, airbyte + " refused to " + verb
                            + " because of the organization's billing (" + words + "). Check the subscription in Airbyte.")
                    : null;
        };
        return Optional.ofNullable(mapped);
    }

    private AirbyteException byStatus(Context context, int status, String detail, boolean json) {
        PublicApiCall call = context.call();
        return switch (status) {
            case 401 -> rejectedCredentials();
            case 403 -> forbidden(call.verb(), detail);
            case 404 -> json
                    ? new AirbyteException(Kind.NOT_FOUND, airbyte + " could not " + call.verb()
                            + " because it does not know what Onramp asked for (" + detail + "). " + call.notFoundHint())
                    : badResponse();
            case 408 -> new AirbyteException(Kind.TIMEOUT, airbyte + " gave up trying to " + call.verb()
                    + " because it took too long. Try again in a minute.");
            case 409 -> new AirbyteException(Kind.CONFLICT, airbyte + " could not " + call.verb() + " just now ("
                    + detail + "). Try again in a minute.");
            // Airbyte OSS answers 501 to what only Cloud implements, initiateOAuth first of all.
            case 501 -> selfManaged(call.verb());
            default -> {
                if (status >= 500) {
                    yield serverError(call.verb(), "HTTP " + status + ": " + detail);
                }
                if (status >= 400 && status != 405) {
                    yield new AirbyteException(Kind.REJECTED, airbyte + " refused to " + call.verb() + ": " + detail + ".");
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
        return Optional.of(new AirbyteException(Kind.REJECTED, airbyte + " could not read from the source: " + said + "."));
    }

    private AirbyteException selfManaged(String verb) {
        return new AirbyteException(Kind.UNSUPPORTED, "This Airbyte is self-managed; choose Self-managed in Settings"
                + " (it cannot " + verb + " through its public API, which only Airbyte Cloud implements in full).");
    }

    private AirbyteException forbidden(String verb, String words) {
        return new AirbyteException(Kind.UNAUTHORIZED, airbyte + " does not let this application " + verb + " (" + words
                + "). Check that the workspace picked in Settings belongs to the application's organization.");
    }

    private AirbyteException serverError(String verb, String words) {
        return new AirbyteException(Kind.SERVER_ERROR, airbyte + " failed to " + verb + " (" + words + "). Try again; if it"
                + " keeps failing, " + (cloud ? "check status.airbyte.com or ask Airbyte's support." : "look at Airbyte's server logs."));
    }

    private AirbyteException resourceNotFound(Context context, Problem problem, String words) {
        String type = problem.data().path("resourceType").asText("").toLowerCase(Locale.ROOT);
        PublicApiCall call = context.call();
        if (type.contains("definition") || type.contains("connector")) {
            return new AirbyteException(Kind.NOT_FOUND, "This Airbyte does not have " + connector(context)
                    + ": check that Settings point at the Airbyte you mean (now " + airbyte + ").");
        }
        if (type.contains("workspace")) {
            return new AirbyteException(Kind.NOT_FOUND, airbyte
                    + " has no workspace that this application can use under that id. Pick a workspace in Settings.");
        }
        if (type.contains("source")) {
            return new AirbyteException(Kind.NOT_FOUND, call == PublicApiCall.DELETE_SOURCE
                    ? "The source is already gone from " + airbyte + "."
                    : "The source no longer exists in " + airbyte + ": connect the account again.");
        }
        return new AirbyteException(Kind.NOT_FOUND, airbyte + " could not " + call.verb()
                + " because it does not know what Onramp asked for (" + words + "). " + call.notFoundHint());
    }

    private static String connector(Context context) {
        return context.connectorName().map(name -> "the " + name + " connector").orElse("that connector");
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
