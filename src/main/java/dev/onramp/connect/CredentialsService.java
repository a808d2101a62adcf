package dev.onramp.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormProblem;
import dev.onramp.connect.form.FormValues;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.model.FlowId;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.TenantRepository;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Connects providers that take typed credentials (Stripe's secret key, Shopify's API password, …):
 * gives the form generated from the connector's specification, checks the values against it, then
 * runs the journaled flow that creates, tests, lists and stores the source.
 */
public final class CredentialsService {
    private final Catalog catalog;
    private final ConnectorSpecs specs;
    private final AirbyteTargets targets;
    private final Database db;
    private final TenantRepository tenants;
    private final CredentialsRun.Stores stores;
    private final Executor executor;

    public CredentialsService(Catalog catalog, ConnectorSpecs specs, AirbyteTargets targets, Database db,
            TenantRepository tenants, ConnectionRepository connections, FlowJournal journal, AuditLog audit,
            Executor executor, Clock clock, String actor) {
        this.catalog = catalog;
        this.specs = specs;
        this.targets = targets;
        this.db = db;
        this.tenants = tenants;
        this.stores = new CredentialsRun.Stores(db, tenants, connections, journal, audit, clock, actor);
        this.executor = executor;
    }

    /**
     * Whether the provider can be connected by typing credentials: those without Airbyte OAuth, and
     * OAuth ones whose specification has another way in (Shopify's API password).
     */
    public boolean offersCredentials(String providerId) {
        return catalog.provider(providerId)
                .map(provider -> !provider.connectsByOAuth() || !alternativesToOAuth(providerId).isEmpty())
                .orElse(false);
    }

    /**
     * For a provider that signs in through Airbyte's OAuth, the titles of the options a person can
     * type instead (e.g. "API Password"); empty for the others.
     */
    public List<String> alternativesToOAuth(String providerId) {
        return catalog.provider(providerId).filter(Provider::connectsByOAuth)
                .flatMap(provider -> specs.specification(providerId)
                        .map(spec -> SpecForms.alternativesToOAuth(spec, provider.oauth().orElseThrow())))
                .orElse(List.of());
    }

    /**
     * The provider's credentials form: from the business's Airbyte when it describes its connectors
     * (self-managed), from the specifications bundled with Onramp otherwise (Cloud, demo). Blocks;
     * call it off the FX thread.
     *
     * @throws InvalidInputException when the provider is unknown
     * @throws dev.onramp.airbyte.AirbyteException when Airbyte cannot describe the connector
     */
    public ConnectorForm form(TenantId tenantId, String providerId) {
        Provider provider = provider(providerId);
        TenantAirbyte airbyte = targets.forTenant(tenantId);
        JsonNode spec = airbyte.servesSpecifications()
                ? airbyte.gateway().getSpecification(provider.definitionId(), workspaceOf(tenantId, airbyte.gateway()))
                        .connectionSpecification()
                : specs.specification(providerId).orElseThrow(() -> new InvalidInputException(
                        "Onramp has no specification for " + provider.name() + "; it cannot be connected here."));
        return provider.connectsByOAuth() ? SpecForms.withoutOAuth(spec, provider.oauth().orElseThrow())
                : SpecForms.read(spec);
    }

    /**
     * Checks {@code values} against {@code form} and, when they pass, starts the flow on the service's
     * executor: create the source, test it, list its streams and store it with its configuration
     * encrypted. Nothing is sent to Airbyte when a value is refused.
     *
     * @throws InvalidInputException listing every refused value, in form order
     */
    public ConnectFlow connect(TenantId tenantId, String providerId, ConnectorForm form, FormValues values,
            ConnectListener listener) {
        Provider provider = provider(providerId);
        List<FormProblem> problems = form.problems(values);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(FormProblem::message).collect(Collectors.joining(" ")));
        }
        CredentialsRun run = new CredentialsRun(FlowId.random(), tenantId, provider, form, values, listener, stores,
                () -> targets.gatewayFor(tenantId), gateway -> workspaceOf(tenantId, gateway));
        CompletableFuture.runAsync(run::execute, executor);
        return run;
    }

    private Provider provider(String providerId) {
        return catalog.provider(providerId).orElseThrow(() -> new InvalidInputException(
                "Onramp does not know a provider called \"" + providerId + "\"."));
    }

    /** The business's workspace in its Airbyte: the one it has, else the first there is (remembered). */
    private String workspaceOf(TenantId tenantId, AirbyteGateway gateway) {
        Tenant tenant = tenants.find(tenantId)
                .orElseThrow(() -> new InvalidInputException("Onramp does not know that business any more."));
        if (tenant.workspaceId().isPresent()) {
            return tenant.workspaceId().get();
        }
        String workspace = gateway.listWorkspaces().stream().findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "This Airbyte has no workspace yet. Create one in Airbyte, then connect again."))
                .id();
        db.inTransaction(tx -> {
            tenants.setWorkspace(tx, tenantId, workspace);
            return null;
        });
        return workspace;
    }
}
