package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.business.WebAddress;
import dev.onramp.model.InvalidInputException;
import dev.onramp.business.SettingsService;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteSettings.Basic;
import dev.onramp.model.AirbyteSettings.ClientCredentials;
import dev.onramp.model.AirbyteSettings.Cloud;
import dev.onramp.model.AirbyteSettings.Demo;
import dev.onramp.model.AirbyteSettings.Login;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.model.Tenant;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code onramp settings set}: changes which Airbyte a business uses. Values not given are kept from
 * the current settings; secrets come from a prompt without echo or an environment variable.
 */
@Command(name = "set", mixinStandardHelpOptions = true)
final class SettingsSetCommand implements Callable<Integer> {
    private static final String PASSWORD = "password";
    private static final String CLIENT_SECRET = "client_secret";

    @ParentCommand
    SettingsCommand settings;

    @Option(names = "--target", paramLabel = "KIND")
    String target;

    @Option(names = "--url", paramLabel = "URL")
    String url;

    @Option(names = "--username", paramLabel = "NAME")
    String username;

    @Option(names = "--client-id", paramLabel = "ID")
    String clientId;

    @Option(names = "--no-login")
    boolean noLogin;

    @Option(names = "--secret", paramLabel = "NAME[=ENV_NAME]")
    String secret;

    @Option(names = "--workspace", paramLabel = "ID")
    String workspace;

    @Option(names = "--relay-url", paramLabel = "URL")
    String relayUrl;

    @Override
    public Integer call() {
        try (AppContext app = settings.openApp()) {
            Tenant tenant = Tenants.pick(app, settings.tenantName, settings.root.messages());
            AirbyteSettings current = app.settings().settings(tenant.id());
            AirbyteSettings updated = switch (kind(current)) {
                case "demo" -> new Demo();
                case "self-managed" -> selfManaged(current);
                case "cloud" -> cloud(current);
                default -> throw new InvalidInputException("--target takes demo, self-managed or cloud, not \""
                        + target + "\".");
            };
            app.settings().save(tenant.id(), updated);
            settings.root.env().out().println("Saved.");
            SettingsCommand.print(app, tenant, settings.root.env().out());
            return 0;
        } catch (InvalidInputException e) {
            settings.root.env().err().println("onramp: " + e.getMessage());
            return OnrampCommand.FAILED;
        }
    }

    private String kind(AirbyteSettings current) {
        if (target != null) {
            return target.strip().toLowerCase(Locale.ROOT);
        }
        return switch (current) {
            case Demo demo -> "demo";
            case SelfManaged selfManaged -> "self-managed";
            case Cloud cloud -> "cloud";
        };
    }

    private SelfManaged selfManaged(AirbyteSettings current) {
        Optional<SelfManaged> before = current instanceof SelfManaged selfManaged ? Optional.of(selfManaged)
                : Optional.empty();
        URI api = url != null
                ? WebAddress.parse(url, "address of the self-managed Airbyte").uri()
                : before.map(SelfManaged::url).orElseThrow(() -> new InvalidInputException(
                        "Give the self-managed Airbyte's address with --url, e.g. --url http://localhost:8000."));
        Optional<Login> loginBefore = before.flatMap(SelfManaged::login);
        Optional<Login> login;
        if (noLogin) {
            login = Optional.empty();
        } else if (username != null) {
            String kept = loginBefore.filter(l -> l instanceof Basic basic && basic.username().equals(username))
                    .map(Login::secret).orElse(null);
            login = Optional.of(new Basic(username, secret(PASSWORD, "password of " + username, kept)));
        } else if (clientId != null) {
            login = Optional.of(new ClientCredentials(clientId, secret(CLIENT_SECRET, "client secret",
                    loginBefore.filter(l -> l instanceof ClientCredentials c && c.clientId().equals(clientId))
                            .map(Login::secret).orElse(null))));
        } else if (secret != null) {
            login = Optional.of(switch (loginBefore.orElseThrow(() -> new InvalidInputException(
                    "Say whose secret it is with --username or --client-id.")))  {
                case Basic basic -> new Basic(basic.username(), secret(PASSWORD, "password of " + basic.username(), null));
                case ClientCredentials client -> new ClientCredentials(client.clientId(),
                        secret(CLIENT_SECRET, "client secret", null));
            });
        } else {
            login = loginBefore;
        }
        return new SelfManaged(api, login);
    }

    private Cloud cloud(AirbyteSettings current) {
        Optional<Cloud> before = current instanceof Cloud cloud ? Optional.of(cloud) : Optional.empty();
        String id = clientId != null ? clientId : before.map(Cloud::clientId).orElse("");
        String kept = before.filter(cloud -> cloud.clientId().equals(id)).map(Cloud::clientSecret).orElse("");
        String relay = relayUrl != null ? relayUrl : before.map(cloud -> cloud.relayUrl().toString()).orElse("");
        return new Cloud(before.map(Cloud::apiBase).orElse(Cloud.AIRBYTE_CLOUD), id,
                secret(CLIENT_SECRET, "client secret", kept),
                workspace != null ? workspace : before.map(Cloud::workspaceId).orElse(""),
                relay.isBlank() ? URI.create("") : WebAddress.parse(relay, "relay page's address").uri());
    }

    /** The secret from {@code --secret}, or {@code kept} when none is given and there is one to keep. */
    private String secret(String name, String title, String kept) {
        if (secret == null) {
            if (kept != null) {
                return kept;
            }
            throw new InvalidInputException("Give the " + title + " with --secret " + name
                    + " (asked without echo) or --secret " + name + "=ENV_NAME.");
        }
        SecretOption option = SecretOption.parse(secret);
        if (!option.name().equals(name)) {
            throw new InvalidInputException("Here the secret is the " + title + ": give it with --secret " + name
                    + ", not --secret " + option.name() + ".");
        }
        return option.read(settings.root.env(), title);
    }
}
