package dev.onramp.oauth;

import java.util.Map;
import java.util.Optional;

/** The query parameters of the one accepted redirect to the loopback receiver. */
public record CallbackResult(Map<String, String> params) {
    public CallbackResult {
        params = Map.copyOf(params);
    }

    /** The provider's {@code error} (e.g. access_denied) when the person declined or it failed. */
    public Optional<String> error() {
        return Optional.ofNullable(params.get("error"));
    }
}
