package dev.onramp.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A public API failure, answered as Airbyte Cloud does: an RFC 9457 problem with the
 * {@code type}, {@code title}, {@code status}, {@code detail} and {@code data} that
 * {@code api-problems.yaml} gives each problem type, sent as {@code application/json}.
 */
final class Problem extends Exception {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ERRORS = "https://reference.airbyte.com/reference/errors";

    private final int status;
    private final transient ObjectNode body;

    private Problem(int status, String type, String title, String detail, ObjectNode data) {
        super(title + ": " + detail, null, false, false);
        this.status = status;
        this.body = NODES.objectNode().put("status", status).put("type", type).put("title", title).put("detail", detail);
        if (data != null) {
            body.set("data", data);
        }
        body.put("documentationUrl", ERRORS);
    }

    static Problem invalidApiKey(String detail) {
        return new Problem(401, ERRORS + "#invalid-api-key", "invalid-api-key", detail, null);
    }

    static Problem invalidRedirectUrl(String redirectUrl) {
        return new Problem(422, ERRORS + "#invalid-redirect-url", "invalid-redirect-url",
                "Redirect URL format not understood. Please verify that it is a valid URI and uses HTTPS.",
                NODES.objectNode().put("redirectUrl", redirectUrl));
    }

    static Problem unprocessable(String message) {
        return new Problem(422, ERRORS + "#unprocessable-entity", "unprocessable-entity",
                "The body of the request was not understood", NODES.objectNode().put("message", message));
    }

    static Problem badRequest(String message) {
        return new Problem(400, ERRORS + "#bad-request", "bad-request",
                "The request could not be understood by the server due to malformed syntax.",
                NODES.objectNode().put("message", message));
    }

    static Problem valueNotFound(String value) {
        return new Problem(400, ERRORS, "value-not-found", "The submitted value could not be found.",
                NODES.objectNode().put("value", value));
    }

    static Problem resourceNotFound(String resourceType, String resourceId) {
        return new Problem(404, ERRORS + "#resource-not-found", "resource-not-found",
                "The requested resource could not be found.",
                NODES.objectNode().put("resourceType", resourceType).put("resourceId", resourceId));
    }

    static Problem oauthCallbackFailure(String message) {
        return new Problem(500, ERRORS + "#oauth-callback-failure", "oauth-callback-failure",
                "Unexpected problem completing OAuth", NODES.objectNode().put("message", message));
    }

    static Problem unexpected(String message) {
        return new Problem(500, ERRORS, "unexpected-problem",
                "An unexpected problem has occurred. If this is an error that needs to be addressed, please submit a pull request or github issue.",
                NODES.objectNode().put("message", message));
    }

    /**
     * What Airbyte Cloud answers when the discover behind {@code GET /v1/streams} failed in the connector,
     * as its public API's {@code SourceService.getSourceSchema} does: an unexpected problem whose message
     * carries the connector's own words after {@code "logs:"}.
     */
    static Problem connectorFailed(String connectorMessage) {
        return unexpected("Something went wrong in the connector. logs:" + connectorMessage);
    }

    static Problem serviceUnavailable() {
        return new Problem(503, ERRORS, "service-unavailable", "The server is currently unable to handle the request.", null);
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body;
    }
}
