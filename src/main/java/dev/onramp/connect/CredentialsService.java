package dev.onramp.connect;

import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.business.AirbyteSelection;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormProblem;
import dev.onramp.connect.form.FormValues;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.FlowId;
import dev.onramp.model.InvalidInputException;
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
import java.util.stream.Collectors;

/**
 * Connects providers that take typed credentials (Stripe's secret key, Shopify's API password, …):
 * gives the form generated from the connector's specification, checks the values against it, then
 * runs the journaled flow that creates, tests, lists and stores the source.
 */
public final class CredentialsService {
    private final Catalog catalog;
    private final ConnectorSpecs specs;
    private final AirbyteSelection selection;
    private final FlowStores stores;
    private final ConnectService flows;

    /**
     * A service whose flows run among {@code flows}' (on its executor): one flow per business and
     * provider whatever its kind, all cancelled when {@code flows} closes.
     */
    public CredentialsService(Catalog catalog, ConnectorSpecs specs, AirbyteSelection selection, Database db,
            TenantRepository tenants, ConnectionRepository connections, FlowJournal journal, AuditLog audit,
            ConnectService flows, Clock clock, String actor) {
        this.catalog = catalog;
        this.specs = specs;
        this.selection = selection;
        this.stores = new FlowStores(db, tenants, connections, journal, audit, clock, actor);
        this.flows = flows;
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
        AirbyteSettings airbyte = selection.effective(tenantId);
        JsonNode spec = airbyte.servesSpecifications()
                ? specificationFrom(selection.gatewayFor(airbyte), tenantId, provider)
                : specs.specification(providerId).orElseThrow(() -> new InvalidInputException(
                        "Onramp has no specification for " + provider.name() + "; it cannot be connected here."));
        return provider.connectsByOAuth() ? SpecForms.withoutOAuth(spec, provider.oauth().orElseThrow())
                : SpecForms.read(spec);
    }

    /**
     * Checks {@code values} against {@code form} and, when they pass, starts the flow among the
     * connect service's: create the source, test it, list its streams and store it with its
     * configuration encrypted. It replaces a flow still running for the same business and provider
     * (a sign-in or another credentials attempt). Nothing is sent to Airbyte when a value is refused.
     *
     * @throws InvalidInputException listing every refused value, in form order
     */
    public ConnectFlow connect(TenantId tenantId, String providerId, ConnectorForm form, FormValues values,
            ConnectListener listener) {
        return connect(tenantId, providerId, form, values, AccountChoice.DEFAULT, listener);
    }

    /**
     * Like {@link #connect(TenantId, String, ConnectorForm, FormValues, ConnectListener)}, with what
     * the person said about the account: its label, and whether connecting one the business already
     * has (the same account id, shop …) is meant.
     *
     * @throws InvalidInputException listing every refused value, or the label that is not one
     */
    public ConnectFlow connect(TenantId tenantId, String providerId, ConnectorForm form, FormValues values,
            AccountChoice account, ConnectListener listener) {
        Provider provider = provider(providerId);
        List<FormProblem> problems = form.problems(values);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(FormProblem::message).collect(Collectors.joining(" ")));
        }
        account.label().ifPresent(AccountLabels::checked);
        return flows.start(new CredentialsRun(FlowId.random(), tenantId, provider, form, values, account, listener,
                stores, () -> selection.gatewayFor(tenantId)));
    }

    /**
     * Why connecting {@code providerId} with these values may connect an account the business
     * already has (the same Stripe account id, Shopify shop …), as a question to put to the person;
     * empty when it would not, or when the values identify no account. Blocks.
     */
    public Optional<String> alreadyConnected(TenantId tenantId, String providerId, ConnectorForm form,
            FormValues values) {
        Provider provider = provider(providerId);
        JsonNode configuration = form.configuration(values);
        return stores.tenants().find(tenantId).flatMap(tenant -> new AccountLabels(stores)
                .sameAccount(tenantId, providerId, configuration)
                .map(existing -> AccountLabels.duplicateWarning(tenant.name(), provider, existing, configuration)));
    }

    private Provider provider(String providerId) {
        return catalog.provider(providerId).orElseThrow(() -> new InvalidInputException(
                "Onramp does not know a provider called \"" + providerId + "\"."));
    }

    /** The connector's specification as the business's Airbyte describes it, in the business's workspace there. */
    private JsonNode specificationFrom(AirbyteGateway gateway, TenantId tenantId, Provider provider) {
        Tenant tenant = stores.tenants().find(tenantId)
                .orElseThrow(() -> new InvalidInputException("Onramp does not know that business any more."));
        return gateway.getSpecification(provider.definitionId(), stores.workspaceOf(tenant, gateway))
                .connectionSpecification();
    }
}
