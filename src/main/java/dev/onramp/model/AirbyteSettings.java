package dev.onramp.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Airbyte a business's connections go to: the built-in simulator, a self-managed Airbyte, or
 * Airbyte Cloud. Secrets in it are never part of {@code toString()}, so a settings value can be logged.
 */
public sealed interface AirbyteSettings {
    /** What is shown instead of a secret. */
    String MASK = "••••••";

    /** The built-in Airbyte simulator: nothing leaves the computer. */
    record Demo() implements AirbyteSettings {}

    /**
     * A self-managed Airbyte reached at {@code url} (the API base, e.g. {@code http://localhost:8000/api}),
     * protected or not by a login.
     */
    record SelfManaged(URI url, Optional<Login> login) implements AirbyteSettings {
        public SelfManaged {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(login, "login");
        }
    }

    /** Airbyte Cloud: an application's client id and secret, the workspace to use and the https relay page. */
    record Cloud(String clientId, String clientSecret, String workspaceId, URI relayUrl) implements AirbyteSettings {
        public Cloud {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(relayUrl, "relayUrl");
        }

        @Override
        public String toString() {
            return "Cloud[clientId=" + clientId + ", clientSecret=" + MASK + ", workspaceId=" + workspaceId
                    + ", relayUrl=" + relayUrl + "]";
        }
    }

    /** How Onramp signs in to a protected self-managed Airbyte. */
    sealed interface Login {
        /** The login's secret part (password or client secret). */
        String secret();
    }

    /** HTTP basic authentication, as a self-managed Airbyte behind a proxy or with its own login asks for. */
    record Basic(String username, String password) implements Login {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String secret() {
            return password;
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=" + MASK + "]";
        }
    }

    /** An Airbyte application's client id and secret, exchanged for a bearer token. */
    record ClientCredentials(String clientId, String clientSecret) implements Login {
        public ClientCredentials {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
        }

        @Override
        public String secret() {
            return clientSecret;
        }

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", clientSecret=" + MASK + "]";
        }
    }
}
