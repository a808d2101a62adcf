package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.business.SettingsService;
import dev.onramp.business.WebAddress;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteSettings.Basic;
import dev.onramp.model.AirbyteSettings.ClientCredentials;
import dev.onramp.model.AirbyteSettings.Cloud;
import dev.onramp.model.AirbyteSettings.Demo;
import dev.onramp.model.AirbyteSettings.Login;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
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
        Messages messages = settings.root.messages();
        try (AppContext app = settings.openApp()) {
            Tenant tenant = Tenants.pick(app, settings.tenantName, settings.root.messages());
            AirbyteSettings current = app.settings().settings(tenant.id());
            AirbyteSettings updated = switch (kind(current)) {
                case "demo" -> new Demo();
                case "self-managed" -> selfManaged(current);
                case "cloud" -> cloud(current);
                default -> throw new InvalidInputException(messages.get("cli.settings.set.unknownTarget", target));
            };
            app.settings().save(tenant.id(), updated); // its refusals are the core's sentences, in English for now
            settings.root.env().out().println(messages.get("cli.settings.saved"));
            SettingsCommand.print(app, tenant, settings.root.env().out(), messages);
            return 0;
        } catch (InvalidInputException e) {
            settings.root.env().err().println("onramp: " + Refusal.said(e, messages));
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
                ? WebAddress.parse(url, WebAddress.SELF_MANAGED_AIRBYTE).uri()
                : before.map(SelfManaged::url).orElseThrow(() -> new InvalidInputException(
                        settings.root.messages().get("cli.settings.set.noUrl")));
        Optional<Login> loginBefore = before.flatMap(SelfManaged::login);
        Optional<Login> login;
        if (noLogin) {
            login = Optional.empty();
        } else if (username != null) {
            String kept = loginBefore.filter(l -> l instanceof Basic basic && basic.username().equals(username))
                    .map(Login::secret).orElse(null);
            login = Optional.of(new Basic(username, secret(PASSWORD, passwordOf(username), kept)));
        } else if (clientId != null) {
            login = Optional.of(new ClientCredentials(clientId, secret(CLIENT_SECRET, clientSecret(),
                    loginBefore.filter(l -> l instanceof ClientCredentials c && c.clientId().equals(clientId))
                            .map(Login::secret).orElse(null))));
        } else if (secret != null) {
            login = Optional.of(switch (loginBefore.orElseThrow(() -> new InvalidInputException(
                    settings.root.messages().get("cli.settings.set.whoseSecret"))))  {
                case Basic basic -> new Basic(basic.username(), secret(PASSWORD, passwordOf(basic.username()), null));
                case ClientCredentials client -> new ClientCredentials(client.clientId(),
                        secret(CLIENT_SECRET, clientSecret(), null));
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
                secret(CLIENT_SECRET, clientSecret(), kept),
                workspace != null ? workspace : before.map(Cloud::workspaceId).orElse(""),
                relay.isBlank() ? URI.create("") : WebAddress.parse(relay, WebAddress.RELAY_PAGE).uri());
    }

    private String passwordOf(String user) {
        return settings.root.messages().get("cli.settings.set.passwordOf", user);
    }

    private String clientSecret() {
        return settings.root.messages().get("cli.settings.set.clientSecret");
    }

    /** The secret from {@code --secret}, or {@code kept} when none is given and there is one to keep. */
    private String secret(String name, String title, String kept) {
        Messages messages = settings.root.messages();
        if (secret == null) {
            if (kept != null) {
                return kept;
            }
            throw new InvalidInputException(messages.get("cli.settings.set.giveSecret", title, name));
        }
        SecretOption option = SecretOption.parse(secret);
        if (!option.name().equals(name)) {
            throw new InvalidInputException(messages.get("cli.settings.set.otherSecret", title, name, option.name()));
        }
        return option.read(settings.root.env(), title);
    }
}
