package dev.onramp.demo;

/**
 * What a provider says when a source's test fails by a check fault, in the words Airbyte relays from the
 * connector: a refused sign-in for {@code check-auth}, the provider's API failing for {@code check-fail}.
 */
final class CheckMessages {
    private CheckMessages() {}

    /** The connector's message for a failed test of a {@code connector} source under {@code kind}. */
    static String of(Fault.Kind kind, DemoConnector connector) {
        return switch (kind) {
            case CHECK_AUTH -> "HTTP 401 Unauthorized: The access token provided is expired, revoked, malformed, or"
                    + " invalid for other reasons.";
            case CHECK_FAIL -> "Unable to connect to " + connector.name() + "'s API: the provider answered HTTP 500"
                    + " Internal Server Error. Try again later.";
            default -> throw new IllegalArgumentException(kind + " is not a check fault");
        };
    }
}
