package dev.onramp.airbyte;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Airbyte a business's sources go to, as its settings say: the built-in simulator, a
 * self-managed Airbyte (Config API), or Airbyte Cloud (public API). {@link AirbyteGateways} turns
 * one into a gateway. The {@code toString} of every variant hides its secrets.
 */
public sealed interface AirbyteTarget {

    /** The built-in Airbyte simulator: the offline demo. */
    record Demo() implements AirbyteTarget {}

    /**
     * A self-managed Airbyte at {@code url}, given as {@code http://host:8000} or with its
     * {@code /api} suffix, open or protected by a {@link Login}: basic auth, or an application's
     * client credentials exchanged for a bearer token (as {@code abctl} installs it).
     */
    record SelfManaged(URI url, Optional<Login> login) implements AirbyteTarget {
        public SelfManaged {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(login, "login");
        }

        public SelfManaged(URI url) {
            this(url, Optional.empty());
        }

        /** The Config API base: the URL with {@code /api} appended unless it already ends so. */
        public URI apiBase() {
            String text = url.toString().replaceAll("/+$", "");
            return URI.create(text.endsWith("/api") ? text : text + "/api");
        }
    }

    /**
     * Airbyte Cloud's public API at {@code apiBase} (normally {@link #AIRBYTE_CLOUD}), reached with an
     * application's client id and secret; {@code workspaceId} is the workspace picked in Settings
     * and {@code relayUrl} the https relay page the operator hosts (see the README).
     */
    record Cloud(URI apiBase, String clientId, String clientSecret, Optional<String> workspaceId, Optional<URI> relayUrl)
            implements AirbyteTarget {
        /** Airbyte Cloud's public API. */
        public static final URI AIRBYTE_CLOUD = URI.create("https://api.airbyte.com/v1");

        public Cloud {
            Objects.requireNonNull(apiBase, "apiBase");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(relayUrl, "relayUrl");
        }

        /** Airbyte Cloud itself. */
        public Cloud(String clientId, String clientSecret, Optional<String> workspaceId, Optional<URI> relayUrl) {
            this(AIRBYTE_CLOUD, clientId, clientSecret, workspaceId, relayUrl);
        }

        @Override
        public String toString() {
            return "Cloud[apiBase=" + apiBase + ", clientId=" + clientId + ", clientSecret=[hidden], workspaceId="
                    + workspaceId.orElse("(none)") + ", relayUrl=" + relayUrl.map(URI::toString).orElse("(none)") + "]";
        }
    }

    /** How Onramp signs in to a protected self-managed Airbyte. */
    sealed interface Login permits BasicAuth, ClientCredentials {}

    /** A user name and password for HTTP basic auth. */
    record BasicAuth(String username, String password) implements Login {
        public BasicAuth {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "BasicAuth[username=" + username + ", password=[hidden]]";
        }
    }

    /**
     * An Airbyte application's client id and secret, exchanged at {@code POST /api/v1/applications/token}
     * for a bearer token that every Config API call carries.
     */
    record ClientCredentials(String clientId, String clientSecret) implements Login {
        public ClientCredentials {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
        }

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", clientSecret=[hidden]]";
        }
    }
}
