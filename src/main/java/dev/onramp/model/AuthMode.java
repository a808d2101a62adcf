package dev.onramp.model;

/** How a provider's account is authorized: through Airbyte's OAuth broker or typed credentials. */
public enum AuthMode {
    OAUTH,
    CREDENTIALS
}
