package dev.onramp.connect;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.ConnectorSpec;
import dev.onramp.business.AirbyteSelection;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.catalog.SpecWords;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormElement;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormProblem;
import dev.onramp.connect.form.FormValues;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowId;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.TenantRepository;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Connects providers that take typed credentials (Stripe's secret key, Shopify's API password, …):
 * gives the form generated from the connector's specification, checks the values against it, then
 * runs the journaled flow that creates, tests, lists and stores the source. It also gives a
 * typed-credential connection new credentials in place ({@link #prepareUpdate}, {@link #update}): the
 * same Airbyte source, under its id, tested before Onramp keeps them.
 */
public final class CredentialsService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;
    private final ProviderLookup providers;
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
        this(catalog, ProviderLookup.of(catalog), specs, selection, db, tenants, connections, journal, audit, flows,
                clock, actor);
    }

    /**
     * As the other constructor, with each business's provider found through {@code providers}
     * (normally {@link ProviderLists}, so that a connector only the business's Airbyte lists has its form).
     */
    public CredentialsService(Catalog catalog, ProviderLookup providers, ConnectorSpecs specs,
            AirbyteSelection selection, Database db, TenantRepository tenants, ConnectionRepository connections,
            FlowJournal journal, AuditLog audit, ConnectService flows, Clock clock, String actor) {
        this.catalog = catalog;
        this.providers = providers;
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
     * As {@link #offersCredentials(String)}, for a provider the business's Airbyte may be the only one
     * to list: such a connector takes typed credentials until its specification there shows a sign-in.
     * May block the first time the business's list is needed; call it off the FX thread.
     */
    public boolean offersCredentials(TenantId tenantId, String providerId) {
        if (catalog.provider(providerId).isPresent()) {
            return offersCredentials(providerId);
        }
        return providers.provider(tenantId, providerId).map(provider -> !provider.connectsByOAuth()).orElse(false);
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
     * The provider's credentials form, in the process's display language (the window's), as
     * {@link #form(TenantId, String, Locale)}.
     */
    public ConnectorForm form(TenantId tenantId, String providerId) {
        return form(tenantId, providerId, Locale.getDefault(Locale.Category.DISPLAY));
    }

    /**
     * The provider's credentials form: from the business's Airbyte when it describes its connectors
     * (self-managed, the built-in simulator), from the specifications bundled with Onramp otherwise (Cloud);
     * its titles and help in {@code language} where Onramp has words for the connector's specification, in
     * the specification's English otherwise. Blocks; call it off the FX thread.
     *
     * @throws InvalidInputException when the provider is unknown
     * @throws dev.onramp.airbyte.AirbyteException when Airbyte cannot describe the connector
     */
    public ConnectorForm form(TenantId tenantId, String providerId, Locale language) {
        Provider known = provider(tenantId, providerId);
        AirbyteSettings airbyte = selection.effective(tenantId);
        JsonNode spec;
        Provider provider = known;
        if (airbyte.servesSpecifications()) {
            ConnectorSpec described = specificationFrom(selection.gatewayFor(airbyte), tenantId, known);
            provider = providers.described(tenantId, known, described);
            spec = described.connectionSpecification();
        } else {
            spec = specs.specification(providerId).orElseThrow(() -> new InvalidInputException(
                    Text.of("connect.credentials.noSpecification", known.name())));
        }
        SpecWords words = specs.words(providerId, language);
        return provider.connectsByOAuth() ? SpecForms.withoutOAuth(spec, provider.oauth().orElseThrow(), words)
                : SpecForms.read(spec, words);
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
        Provider provider = provider(tenantId, providerId);
        List<FormProblem> problems = form.problems(values);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(formProblems(problems));
        }
        account.label().ifPresent(AccountLabels::checked);
        return flows.start(new CredentialsRun(FlowId.random(), tenantId, provider, form, values, account, listener,
                stores, () -> selection.gatewayFor(tenantId)));
    }

    /**
     * Why connecting {@code providerId} with these values may connect an account the business
     * already has (the same Stripe account id, Shopify shop …), as a question to put to the person,
     * in the window's (the process's display) language; empty when it would not, or when the values
     * identify no account. Blocks.
     */
    public Optional<String> alreadyConnected(TenantId tenantId, String providerId, ConnectorForm form,
            FormValues values) {
        return sameAccountConnected(tenantId, providerId, form, values)
                .map(connected -> Messages.display().render(Text.of("connect.duplicate.ask", connected)));
    }

    /**
     * That connecting {@code providerId} with these values would connect an account the business
     * already has ("Acme's Stripe account acct_1 is already connected"); empty when it would not, or
     * when the values identify no account. Blocks.
     */
    public Optional<Text> sameAccountConnected(TenantId tenantId, String providerId, ConnectorForm form,
            FormValues values) {
        Provider provider = provider(tenantId, providerId);
        JsonNode configuration = form.configuration(values);
        return stores.tenants().find(tenantId).flatMap(tenant -> new AccountLabels(stores)
                .sameAccount(tenantId, providerId, configuration)
                .map(existing -> AccountLabels.alreadyConnected(tenant.name(), provider, existing, configuration)));
    }

    /**
     * The business's connection to {@code providerId}, ready for new credentials: its form filled with
     * the values it holds, secrets left empty. With several connections to the provider, {@code account}
     * picks one by its account label (as {@code connections} lists it). The form is in the process's
     * display language (the window's). Blocks: the form may come from the business's Airbyte.
     *
     * @throws UpdateRefusedException (audited) when the business has no such connection, the account
     *     names none (or none is named among several), or the connection signs in through the
     *     provider's consent page, which Reconnect renews
     */
    public CredentialsUpdate prepareUpdate(TenantId tenantId, String providerId, Optional<String> account) {
        return prepareUpdate(tenantId, providerId, account, Locale.getDefault(Locale.Category.DISPLAY));
    }

    /**
     * As {@link #prepareUpdate(TenantId, String, Optional)}, the form's titles and help in {@code language}
     * where Onramp has them.
     */
    public CredentialsUpdate prepareUpdate(TenantId tenantId, String providerId, Optional<String> account,
            Locale language) {
        Provider provider = provider(tenantId, providerId);
        Tenant tenant = tenant(tenantId);
        List<Connection> candidates = stores.connections().list(tenantId).stream()
                .filter(c -> c.providerId().equals(provider.id()) && c.status() != ConnectionStatus.DISCONNECTED)
                .toList();
        if (candidates.isEmpty()) {
            throw refuse(tenantId, "provider/" + provider.id(), provider, UpdateRefusedException.Reason.NOT_CONNECTED,
                    Text.of("connect.update.notConnected", tenant.name(), provider.name(), provider.id()));
        }
        String labels = candidates.stream().map(Connection::accountLabel).distinct().collect(Collectors.joining(", "));
        List<Connection> picked = account.map(String::strip)
                .map(label -> {
                    List<Connection> exact = candidates.stream().filter(c -> c.accountLabel().equals(label)).toList();
                    return exact.isEmpty() ? candidates.stream()
                            .filter(c -> c.accountLabel().equalsIgnoreCase(label)).toList() : exact;
                })
                .orElse(candidates);
        if (picked.isEmpty()) {
            throw refuse(tenantId, "provider/" + provider.id(), provider, UpdateRefusedException.Reason.NO_SUCH_ACCOUNT,
                    Text.of("connect.update.noSuchAccount", tenant.name(), provider.name(), account.orElseThrow().strip(),
                            labels));
        }
        if (picked.size() > 1) {
            throw refuse(tenantId, "provider/" + provider.id(), provider, UpdateRefusedException.Reason.SEVERAL_ACCOUNTS,
                    account.map(label -> Text.of("connect.update.severalForAccount", tenant.name(), picked.size(),
                                    provider.name(), label.strip(), labels))
                            .orElse(Text.of("connect.update.several", tenant.name(), picked.size(), provider.name(),
                                    labels)));
        }
        return prepare(tenant, provider, picked.getFirst(), language);
    }

    /**
     * The business's connection {@code connectionId}, ready for new credentials, as
     * {@link #prepareUpdate(TenantId, String, Optional)}. Blocks; call it off the FX thread.
     *
     * @throws UpdateRefusedException (audited) when the business no longer has that connection or it
     *     signs in through the provider's consent page
     */
    public CredentialsUpdate prepareUpdate(TenantId tenantId, ConnectionId connectionId) {
        return prepareUpdate(tenantId, connectionId, Locale.getDefault(Locale.Category.DISPLAY));
    }

    /**
     * As {@link #prepareUpdate(TenantId, ConnectionId)}, the form's titles and help in {@code language}
     * where Onramp has them.
     */
    public CredentialsUpdate prepareUpdate(TenantId tenantId, ConnectionId connectionId, Locale language) {
        Tenant tenant = tenant(tenantId);
        Connection connection = stores.connections().find(tenantId, connectionId)
                .filter(c -> c.status() != ConnectionStatus.DISCONNECTED)
                .orElseThrow(() -> refuse(tenantId, "connection/" + connectionId, null,
                        UpdateRefusedException.Reason.NOT_CONNECTED, Text.of("connect.connectionGone")));
        return prepare(tenant, provider(tenantId, connection.providerId()), connection, language);
    }

    private CredentialsUpdate prepare(Tenant tenant, Provider provider, Connection connection, Locale language) {
        ObjectNode stored = storedConfiguration(connection).orElseThrow(() -> refuse(tenant.id(),
                "connection/" + connection.id(), provider, UpdateRefusedException.Reason.CANNOT_UPDATE,
                Text.of("connect.update.unreadable", tenant.name(), provider.name())));
        if (signsIn(provider, stored)) {
            throw refuse(tenant.id(), "connection/" + connection.id(), provider, UpdateRefusedException.Reason.SIGNS_IN,
                    Text.of("connect.update.signsIn", tenant.name(), provider.name(), provider.id()));
        }
        ConnectorForm form = form(tenant.id(), provider.id(), language);
        FormValues held = form.valuesOf(stored);
        Set<String> secretPaths = secretPaths(form);
        Map<String, String> current = new LinkedHashMap<>(held.byPath());
        current.keySet().removeAll(secretPaths);
        Set<String> kept = secretPaths.stream().filter(path -> !held.text(path).isBlank()).collect(Collectors.toSet());
        return new CredentialsUpdate(connection, provider.name(), form, new FormValues(current), kept);
    }

    /**
     * Checks {@code typed} (a secret left empty keeps its stored value) and, when the values pass,
     * starts the flow that gives the connection's Airbyte source the whole new configuration under
     * the same id, tests it, lists its streams and stores it. Nothing is sent to Airbyte when a value
     * is refused; a refused key leaves both the stored connection and the source's working
     * configuration as they were. It replaces a flow still running for the same business and provider.
     *
     * @throws UpdateRefusedException (audited) listing every refused value, in form order
     */
    public ConnectFlow update(TenantId tenantId, CredentialsUpdate update, FormValues typed, ConnectListener listener) {
        Connection connection = update.connection();
        if (!connection.tenantId().equals(tenantId)) {
            throw new IllegalArgumentException("The connection belongs to another business");
        }
        Provider provider = provider(tenantId, connection.providerId());
        List<FormProblem> problems = update.problems(typed);
        if (!problems.isEmpty()) {
            throw refuse(tenantId, "connection/" + connection.id(), provider, UpdateRefusedException.Reason.CANNOT_UPDATE,
                    formProblems(problems));
        }
        ObjectNode stored = storedConfiguration(connection).orElseThrow(() -> refuse(tenantId,
                "connection/" + connection.id(), provider, UpdateRefusedException.Reason.CANNOT_UPDATE,
                Text.of("connect.update.unreadableThis", provider.name())));
        FormValues held = update.form().valuesOf(stored);
        FormValues values = typed;
        for (String path : update.keptSecrets()) {
            if (update.keeps(path, typed) && !held.text(path).isBlank()) {
                values = values.with(path, held.text(path));
            }
        }
        List<FormProblem> left = update.form().problems(values);
        if (!left.isEmpty()) {
            throw refuse(tenantId, "connection/" + connection.id(), provider, UpdateRefusedException.Reason.CANNOT_UPDATE,
                    formProblems(left));
        }
        return flows.start(new CredentialsUpdateRun(FlowId.random(), connection, provider, update.form(), typed, values,
                stored, listener, stores, () -> selection.gatewayFor(tenantId)));
    }

    /**
     * The business's connections whose credentials can be updated: typed into the credentials form
     * (not signed in through a consent page), with a source in Airbyte (not disconnected or missing),
     * and settings Onramp can read. Blocks; call it off the FX thread.
     */
    public Set<ConnectionId> updatableConnections(TenantId tenantId) {
        Set<ConnectionId> updatable = new HashSet<>();
        for (Connection connection : stores.connections().list(tenantId)) {
            Optional<Provider> provider = providers.provider(tenantId, connection.providerId());
            if (provider.isEmpty() || connection.status() == ConnectionStatus.DISCONNECTED
                    || connection.status() == ConnectionStatus.MISSING) {
                continue;
            }
            if (storedConfiguration(connection).filter(stored -> !signsIn(provider.get(), stored)).isPresent()) {
                updatable.add(connection.id());
            }
        }
        return Set.copyOf(updatable);
    }

    /**
     * Records that an update of the credentials of the business's {@code providerId} connection was
     * refused before it reached this service (a command line's wrong options), so that every refused
     * update has its audit entry; {@code why} is the sentence the person was shown, with no secret in it.
     */
    public void recordRefusedUpdate(TenantId tenantId, String providerId, String why) {
        audit(tenantId, "provider/" + providerId, "provider=" + providerId + ": " + why);
    }

    /**
     * Whether a stored configuration was made by a sign-in rather than typed into the credentials form.
     * A provider without an Airbyte sign-in only ever gets typed configurations. For one with a sign-in,
     * its value at the sign-in's predicate tells (HubSpot's {@code credentials.credentials_title},
     * Shopify's {@code credentials.auth_method}): a connect or reconnect through the consent page always
     * writes the OAuth value there, and Airbyte reads a missing value as OAuth too, so either means the
     * source holds OAuth tokens or a secret coordinate, which Reconnect renews; any other value is one
     * of the other options, which only the credentials form writes. A provider with a sign-in but no
     * predicate has no credentials form at all.
     */
    static boolean signsIn(Provider provider, JsonNode stored) {
        if (!provider.connectsByOAuth()) {
            return false;
        }
        OAuthFacts oauth = provider.oauth().orElseThrow();
        if (!oauth.hasPredicate()) {
            return true;
        }
        JsonNode predicate = stored;
        for (String key : oauth.predicateKey()) {
            predicate = predicate.path(key);
        }
        return !predicate.isValueNode() || predicate.asText().isBlank()
                || predicate.asText().equals(oauth.predicateValue());
    }

    /** The connection's stored configuration; empty when there is none Onramp can read as a JSON object. */
    private Optional<ObjectNode> storedConfiguration(Connection connection) {
        Optional<byte[]> stored = stores.connections().secretConfig(connection.tenantId(), connection.id());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return JSON.readTree(new String(stored.get(), StandardCharsets.UTF_8)) instanceof ObjectNode object
                    ? Optional.of(object) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Set<String> secretPaths(ConnectorForm form) {
        return form.allElements().stream()
                .filter(element -> element instanceof FormField field && field.secret())
                .map(FormElement::path)
                .collect(Collectors.toSet());
    }

    /** The form's refusals, one after the other. */
    private static Text formProblems(List<FormProblem> problems) {
        return Text.joined(" ", problems.stream().map(FormProblem::text).toList());
    }

    /** Audits a refused update (in English) and returns the exception that says why. */
    private UpdateRefusedException refuse(TenantId tenantId, String resource, Provider provider,
            UpdateRefusedException.Reason reason, Text message) {
        audit(tenantId, resource, (provider == null ? "" : "provider=" + provider.id() + " ") + "reason=" + reason
                + ": " + Messages.english().render(message));
        return new UpdateRefusedException(reason, message);
    }

    private void audit(TenantId tenantId, String resource, String details) {
        stores.db().inTransaction(tx -> {
            stores.audit().append(tx, tenantId, stores.actor(), "connection.credentials-update.refused", resource,
                    details);
            return null;
        });
    }

    private Tenant tenant(TenantId tenantId) {
        return stores.tenants().find(tenantId)
                .orElseThrow(() -> new InvalidInputException(Text.of("connect.noBusiness")));
    }

    private Provider provider(TenantId tenantId, String providerId) {
        return providers.provider(tenantId, providerId).orElseThrow(() -> new InvalidInputException(
                Text.of("connect.unknownProvider", providerId)));
    }

    /** The connector's specification as the business's Airbyte describes it, in the business's workspace there. */
    private ConnectorSpec specificationFrom(AirbyteGateway gateway, TenantId tenantId, Provider provider) {
        Tenant tenant = stores.tenants().find(tenantId)
                .orElseThrow(() -> new InvalidInputException(Text.of("connect.noBusiness")));
        return gateway.getSpecification(provider.definitionId(), stores.workspaceOf(tenant, gateway));
    }
}
