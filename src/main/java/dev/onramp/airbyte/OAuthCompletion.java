package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What Airbyte answered to a completed OAuth: the coordinate of the secret in which it keeps the
 * provider's tokens, or, from an Airbyte that cannot keep them, the tokens themselves. Neither
 * shows its value in {@code toString()}, so neither reaches a log by accident.
 */
public sealed interface OAuthCompletion {
    /** The tokens stay in Airbyte; a source is created from this coordinate ({@code SourceCreate.secretId}). */
    record SecretCoordinate(String secretId) implements OAuthCompletion {
        public SecretCoordinate {
            Objects.requireNonNull(secretId, "secretId");
        }

        @Override
        public String toString() {
            return "SecretCoordinate[hidden]";
        }
    }

    /** The auth payload with the raw tokens, keyed as the connector's OAuth output specification names them. */
    record Tokens(ObjectNode authPayload) implements OAuthCompletion {
        public Tokens {
            Objects.requireNonNull(authPayload, "authPayload");
        }

        @Override
        public String toString() {
            List<String> keys = new ArrayList<>();
            authPayload.fieldNames().forEachRemaining(keys::add);
            return "Tokens" + keys;
        }
    }
}
