package dev.onramp.model;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
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

    /** A short description for the window's header and the command line, without secrets. */
    Text text();

    /** {@link #text()} in English, as logs, records and JSON say it. */
    default String description() {
        return Messages.english().render(text());
    }

    /**
     * Whether this Airbyte describes its connectors itself: a self-managed one and the built-in simulator
     * do; Airbyte Cloud's public API does not, and Onramp uses the specifications bundled with it there.
     */
    default boolean servesSpecifications() {
        return false;
    }

    /** The built-in Airbyte simulator: nothing leaves the computer. */
    record Demo() implements AirbyteSettings {
        @Override
        public Text text() {
            return Text.of("model.settings.demo");
        }

        @Override
        public boolean servesSpecifications() {
            return true;
        }
    }

    /**
     * A self-managed Airbyte whose Config API lives at {@code url}, protected or not by a login. The
     * address may be given as {@code http://host:8000} or with its {@code /api} suffix; {@code url}
     * is always the API base ({@code http://host:8000/api}).
     */
    record SelfManaged(URI url, Optional<Login> login) implements AirbyteSettings {
        public SelfManaged {
            url = apiBase(Objects.requireNonNull(url, "url"));
            Objects.requireNonNull(login, "login");
        }

        /** An open self-managed Airbyte. */
        public SelfManaged(URI url) {
            this(url, Optional.empty());
        }

        /** The Config API base for an address: {@code /api} appended unless it already ends so. */
        public static URI apiBase(URI address) {
            String text = address.toString().replaceAll("/+$", "");
            return URI.create(text.isEmpty() || text.endsWith("/api") ? text : text + "/api");
        }

        @Override
        public Text text() {
            return Text.of("airbyte.at", url.toString());
        }

        @Override
        public boolean servesSpecifications() {
            return true;
        }
    }

    /**
     * Airbyte Cloud's public API at {@code apiBase} (normally {@link #AIRBYTE_CLOUD}): an application's
     * client id and secret, the workspace to use and the https relay page. A workspace or relay not
     * chosen yet is blank; {@link #workspace()} and {@link #relay()} say so as absence.
     */
    record Cloud(URI apiBase, String clientId, String clientSecret, String workspaceId, URI relayUrl)
            implements AirbyteSettings {
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
        public Cloud(String clientId, String clientSecret, String workspaceId, URI relayUrl) {
            this(AIRBYTE_CLOUD, clientId, clientSecret, workspaceId, relayUrl);
        }

        /** The workspace picked, if one was. */
        public Optional<String> workspace() {
            return Optional.of(workspaceId).filter(id -> !id.isBlank());
        }

        /** The relay page's address, if one was given. */
        public Optional<URI> relay() {
            return Optional.of(relayUrl).filter(url -> !url.toString().isBlank());
        }

        @Override
        public Text text() {
            return Text.of("model.settings.cloud", workspaceId);
        }

        @Override
        public String toString() {
            return "Cloud[apiBase=" + apiBase + ", clientId=" + clientId + ", clientSecret=" + MASK + ", workspaceId="
                    + workspaceId + ", relayUrl=" + relayUrl + "]";
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
        public String secret() {
            return clientSecret;
        }

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", clientSecret=" + MASK + "]";
        }
    }
}
