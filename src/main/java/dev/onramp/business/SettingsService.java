package dev.onramp.business;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.SignIn;
import dev.onramp.catalog.Catalog;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteSettings.Basic;
import dev.onramp.model.AirbyteSettings.ClientCredentials;
import dev.onramp.model.AirbyteSettings.Cloud;
import dev.onramp.model.AirbyteSettings.Demo;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.model.AirbyteWorkspace;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.Database;
import dev.onramp.store.SettingsRepository;
import dev.onramp.store.TenantRepository;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Shows, checks, tests and saves which Airbyte each business uses. Credentials go to the vault;
 * the audit trail says what changed, never a secret.
 */
public final class SettingsService {
    /** The connector whose consent link tells a Cloud from a self-managed Airbyte: one Cloud brokers, needing no input. */
    private static final String PROBE_PROVIDER = "hubspot";

    private final Database db;
    private final SettingsRepository settings;
    private final TenantRepository tenants;
    private final AuditLog audit;
    private final AirbyteSelection selection;
    private final Catalog catalog;
    private final String actor;

    public SettingsService(Database db, SettingsRepository settings, TenantRepository tenants, AuditLog audit,
            AirbyteSelection selection, Catalog catalog, String actor) {
        this.catalog = catalog;
        this.db = db;
        this.settings = settings;
        this.tenants = tenants;
        this.audit = audit;
        this.selection = selection;
        this.actor = actor;
    }

    /** The settings the business saved; demo mode when it saved none. */
    public AirbyteSettings settings(TenantId tenant) {
        return selection.saved(tenant);
    }

    /** A short description of the Airbyte the business's connections go to now, e.g. "Airbyte at http://…", in English. */
    public String describe(TenantId tenant) {
        return selection.effective(tenant).description();
    }

    /** A short description of the Airbyte the business's connections go to now, e.g. "Airbyte at http://…". */
    public Text describeText(TenantId tenant) {
        return selection.effective(tenant).text();
    }

    /** True when the business's connections go to the built-in simulator. */
    public boolean demo(TenantId tenant) {
        return selection.effective(tenant) instanceof Demo;
    }

    /** The Airbyte address given for this run that stands in for every business's settings, if any. */
    public Optional<URI> override() {
        return selection.override();
    }

    /**
     * Checks and saves the business's settings. Its workspace is forgotten (or, for Cloud, set to the
     * chosen one), since workspaces belong to one Airbyte.
     *
     * @throws InvalidInputException when a value is missing or wrong, saying which
     */
    public void save(TenantId tenant, AirbyteSettings target) {
        check(target);
        db.inTransaction(tx -> {
            settings.save(tx, tenant, target);
            if (target instanceof Cloud cloud) {
                tenants.setWorkspace(tx, tenant, cloud.workspaceId());
            } else {
                tenants.clearWorkspace(tx, tenant);
            }
            audit.append(tx, tenant, actor, "settings.changed", "tenant/" + tenant, auditDetails(target));
            return null;
        });
    }

    /**
     * Tests {@code target} as {@link #test} does and saves it once that Airbyte answers; when it
     * cannot be reached or refuses Onramp, saves nothing and returns why (in the window's, the process's
     * display, language), so that the person can decide to {@link #save} anyway. The built-in simulator
     * is saved without a test. Blocks.
     *
     * @throws InvalidInputException when a value is missing or wrong
     */
    public Optional<String> saveIfItAnswers(TenantId tenant, AirbyteSettings target) {
        if (!(target instanceof AirbyteSettings.Demo)) {
            try {
                test(target);
            } catch (AirbyteException e) {
                return Optional.of(Messages.display().render(e.text()));
            }
        }
        save(tenant, target);
        return Optional.empty();
    }

    /**
     * Asks the Airbyte that {@code target} names for its workspaces: proof that Onramp can reach it
     * and sign in. Blocks; call it off the FX thread.
     *
     * @throws InvalidInputException when a value is missing or wrong
     * @throws dev.onramp.airbyte.AirbyteException when Airbyte cannot be reached or refuses, saying why
     */
    public List<AirbyteWorkspace> test(AirbyteSettings target) {
        check(target);
        AirbyteGateway gateway = selection.gatewayFor(target);
        List<AirbyteWorkspace> found = gateway.listWorkspaces().stream()
                .map(workspace -> new AirbyteWorkspace(workspace.id(), workspace.name()))
                .toList();
        if (gateway.signIn() instanceof SignIn.Relay relay && target instanceof Cloud cloud) {
            requireBrokeredSignIns(relay, cloud, found);
        }
        return found;
    }

    /**
     * A self-managed Airbyte also answers the public API's workspace list, but not initiateOAuth
     * (501): asking it for one consent link (never opened) finds that out before any connect.
     * Other refusals are left to the OAuth readiness check, which names them per connector.
     */
    private void requireBrokeredSignIns(SignIn.Relay relay, Cloud cloud, List<AirbyteWorkspace> found) {
        String workspace = !cloud.workspaceId().isBlank() ? cloud.workspaceId()
                : found.stream().map(AirbyteWorkspace::id).findFirst().orElse("");
        Optional<Provider> probe = catalog.providers().stream()
                .filter(provider -> provider.connectsByOAuth() && provider.id().equals(PROBE_PROVIDER)).findFirst();
        if (workspace.isEmpty() || probe.isEmpty()) {
            return;
        }
        try {
            relay.initiateOAuth(probe.get(), workspace, cloud.relayUrl(), JsonNodeFactory.instance.objectNode());
        } catch (AirbyteException e) {
            if (e.kind() == AirbyteException.Kind.UNSUPPORTED) {
                throw e;
            }
        }
    }

    private static void check(AirbyteSettings target) {
        switch (target) {
            case Demo demo -> { }
            case SelfManaged selfManaged -> {
                WebAddress.parse(selfManaged.url().toString(), WebAddress.SELF_MANAGED_AIRBYTE);
                selfManaged.login().ifPresent(login -> {
                    switch (login) {
                        case Basic basic -> {
                            required(basic.username(), Text.of("business.settings.userName"));
                            required(basic.password(), Text.of("business.settings.password", basic.username().strip()));
                        }
                        case ClientCredentials client -> {
                            required(client.clientId(), Text.of("business.settings.clientId"));
                            required(client.clientSecret(), Text.of("business.settings.clientSecret"));
                        }
                    }
                });
            }
            case Cloud cloud -> {
                required(cloud.clientId(), Text.of("business.settings.cloudClientId"));
                required(cloud.clientSecret(), Text.of("business.settings.cloudClientSecret"));
                required(cloud.workspaceId(), Text.of("business.settings.cloudWorkspace"));
                WebAddress relay = WebAddress.parse(cloud.relayUrl().toString(), WebAddress.RELAY_PAGE);
                if (!relay.secure()) {
                    throw new InvalidInputException(Text.of("business.settings.relayNotHttps", relay.uri().toString()));
                }
            }
        }
    }

    private static void required(String value, Text problem) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(problem);
        }
    }

    /** What changed, for the audit trail: kinds and addresses, no identifier or secret of a login. */
    private static String auditDetails(AirbyteSettings target) {
        return switch (target) {
            case Demo demo -> "target=demo";
            case SelfManaged selfManaged -> "target=self-managed url=" + selfManaged.url() + " login="
                    + selfManaged.login().map(login -> switch (login) {
                        case Basic basic -> "basic";
                        case ClientCredentials client -> "client-credentials";
                    }).orElse("none");
            case Cloud cloud -> "target=cloud workspace=" + cloud.workspaceId() + " relay=" + cloud.relayUrl();
        };
    }
}
