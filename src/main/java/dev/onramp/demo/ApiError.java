package dev.onramp.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A Config API failure, answered with the status and body shapes {@code config.yaml} defines. */
final class ApiError extends Exception {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One entry of {@code validationErrors}; never carries the refused value, which may be a secret. */
    record Violation(String propertyPath, String message) {}

    private final int status;
    private final transient ObjectNode body;

    private ApiError(int status, String message, ObjectNode body) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    /** 404 with a {@code NotFoundKnownExceptionInfo}, worded like Airbyte's own. */
    static ApiError notFound(String configType, String id) {
        String message = "Could not find configuration for " + configType + ": " + id + ".";
        ObjectNode body = NODES.objectNode()
                .put("id", id)
                .put("message", message)
                .put("exceptionClassName", "io.airbyte.commons.server.errors.IdNotFoundKnownException");
        body.putArray("exceptionStack");
        body.putArray("rootCauseExceptionStack");
        return new ApiError(404, message, body);
    }

    /** 422 with an {@code InvalidInputExceptionInfo}. */
    static ApiError invalid(String message, List<Violation> violations) {
        ObjectNode body = NODES.objectNode()
                .put("message", message)
                .put("exceptionClassName", "io.airbyte.validation.json.JsonValidationException");
        body.putArray("exceptionStack");
        var errors = body.putArray("validationErrors");
        violations.forEach(v -> errors.addObject().put("propertyPath", v.propertyPath()).put("message", v.message()));
        return new ApiError(422, message, body);
    }

    static ApiError invalid(String propertyPath, String message) {
        return invalid(message, List.of(new Violation(propertyPath, message)));
    }

    /** Any other status (400, 405, 415, 500) with a {@code KnownExceptionInfo}. */
    static ApiError known(int status, String message) {
        ObjectNode body = NODES.objectNode()
                .put("message", message)
                .put("exceptionClassName", "io.airbyte.commons.server.errors.BadRequestException");
        body.putArray("exceptionStack");
        return new ApiError(status, message, body);
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body;
    }
}
