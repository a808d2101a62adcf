package dev.onramp.airbyte;

import dev.onramp.text.Messages;
import dev.onramp.text.Said;
import dev.onramp.text.Text;

/**
 * A failed Airbyte call, with its kind and a sentence a person can act on: {@link #text()} for the
 * window and the command line to say in the person's language, its English rendering as the message
 * (for logs). Made with a sentence, {@code text()} is that sentence verbatim.
 */
public class AirbyteException extends RuntimeException implements Said {
    /** What went wrong, coarse enough to decide what to do next. */
    public enum Kind {
        /** No answer: connection refused, DNS, network down. */
        UNREACHABLE,
        /** The call took longer than its timeout. */
        TIMEOUT,
        /** Airbyte said the credentials are wrong or missing (401/403). */
        UNAUTHORIZED,
        /** Airbyte does not know the thing asked for (404). */
        NOT_FOUND,
        /**
         * Airbyte refused the input (400/422, or request_succeeded=false), or Onramp refused to send it
         * (a configuration that does not fit the connector's specification, no https relay).
         */
        REJECTED,
        /** Airbyte is busy with the thing asked for, or it changed meanwhile (409): try again later. */
        CONFLICT,
        /** Airbyte kept answering 429 Too Many Requests after every retry Onramp allows itself. */
        RATE_LIMITED,
        /** This Airbyte cannot do what was asked (no such API on this flavour or licence). */
        UNSUPPORTED,
        /** Airbyte failed on its side (5xx). */
        SERVER_ERROR,
        /**
         * Airbyte has no OAuth app (client id and secret) for the connector, so it cannot make a consent
         * link: its operator must register one (500 "Undefined parameter 'client_id'").
         */
        NO_OAUTH_APP,
        /** Airbyte has OAuth switched off for the connector (404 from {@code get_consent_url}). */
        OAUTH_DISABLED,
        /** The answer could not be read (not JSON, wrong shape). */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final transient Text text;

    public AirbyteException(Kind kind, Text text, Throwable cause) {
        super(Messages.english().render(text), cause);
        this.kind = kind;
        this.text = text;
    }

    public AirbyteException(Kind kind, Text text) {
        this(kind, text, null);
    }

    public AirbyteException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.text = Text.verbatim(message);
    }

    public AirbyteException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public Text text() {
        return text;
    }

    /**
     * Whether Airbyte may have done, or may still be doing, what it was asked without Onramp hearing
     * of it: the call timed out, or its connection broke after it was sent. False when the call never
     * left (no connection could be made) and for every answer Airbyte, or a proxy in front of it, gave.
     */
    public boolean answerMayBeLost() {
        boolean neverSent = getCause() instanceof java.net.ConnectException
                || getCause() instanceof java.net.http.HttpConnectTimeoutException;
        return !neverSent && switch (kind) {
            case TIMEOUT, UNREACHABLE -> true;
            default -> false;
        };
    }
}
