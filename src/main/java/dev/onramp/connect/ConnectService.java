package dev.onramp.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.SignIn;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowKind;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.RedirectSettings;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.oauth.LoopbackRedirects;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.TenantRepository;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the connect flow (consent, callback, complete OAuth, create, test, discover, store; a
 * {@link ConnectRun}) as a journaled state machine, the same for the GUI and the command line.
 *
 * <p>It also runs the reconnect of an existing connection ({@link #reconnect}, a {@link ReconnectRun})
 * and the typed-credentials flows of {@link CredentialsService}. One flow per business and provider
 * runs at a time, whatever its kind: a new attempt replaces the old one.
 * {@link #close()} cancels every running flow, so no loopback port outlives the app.
 */
public final class ConnectService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectService.class);

    /** The redirect of a service built for one Airbyte (tests, tools): any free port on 127.0.0.1. */
    private static final RedirectSettings ANY_PORT = RedirectSettings.anyPort(RedirectSettings.Host.IPV4);

    private final Catalog catalog;
    private final Function<TenantId, AirbyteGateway> airbyteOf;
    private final FlowStores stores;
    private final SignInParts parts;
    private final ConsentInputs consentInputs;
    private final OAuthReadiness readiness;
    private final ConnectionChecks checks;
    private final AccountLabels labels;
    private final RunningFlows running;

    /** A service whose every business uses the one Airbyte behind {@code airbyte}. */
    public ConnectService(Catalog catalog, AirbyteGateway airbyte, Database db, TenantRepository tenants,
            ConnectionRepository connections, FlowJournal journal, AuditLog audit, BrowserLauncher browser,
            Executor executor, Clock clock, Duration consentTimeout, String actor) {
        this(catalog, tenant -> airbyte, tenant -> ANY_PORT, db, tenants, connections, journal, audit, browser,
                executor, clock, consentTimeout, actor);
    }

    /**
     * A service that asks {@code airbyteOf} for the gateway to the Airbyte each business uses
     * (normally {@link dev.onramp.business.AirbyteSelection#gatewayFor(TenantId)}); it fails with an
     * {@link dev.onramp.airbyte.AirbyteException} saying what to change when the business's settings
     * name an Airbyte this Onramp cannot use. Each business's sign-ins come back on the redirect
     * {@code redirectOf} names (normally {@link dev.onramp.business.RedirectService#effective(TenantId)}).
     */
    public ConnectService(Catalog catalog, Function<TenantId, AirbyteGateway> airbyteOf,
            Function<TenantId, RedirectSettings> redirectOf, Database db, TenantRepository tenants,
            ConnectionRepository connections, FlowJournal journal, AuditLog audit, BrowserLauncher browser,
            Executor executor, Clock clock, Duration consentTimeout, String actor) {
        this(catalog, ProviderLookup.of(catalog), airbyteOf, redirectOf, db, tenants, connections, journal, audit,
                browser, executor, clock, consentTimeout, actor);
    }

    /**
     * As {@link #ConnectService(Catalog, Function, Function, Database, TenantRepository, ConnectionRepository,
     * FlowJournal, AuditLog, BrowserLauncher, Executor, Clock, Duration, String)}, with the flows finding
     * each business's provider through {@code providers} (normally {@link ProviderLists}, so that a
     * connector only the business's Airbyte lists can be connected).
     */
    public ConnectService(Catalog catalog, ProviderLookup providers, Function<TenantId, AirbyteGateway> airbyteOf,
            Function<TenantId, RedirectSettings> redirectOf, Database db, TenantRepository tenants,
            ConnectionRepository connections, FlowJournal journal, AuditLog audit, BrowserLauncher browser,
            Executor executor, Clock clock, Duration consentTimeout, String actor) {
        this.catalog = catalog;
        this.airbyteOf = airbyteOf;
        this.stores = new FlowStores(db, tenants, connections, journal, audit, clock, actor);
        this.labels = new AccountLabels(stores);
        this.parts = new SignInParts(catalog, providers, airbyteOf, browser, consentTimeout, new SecureRandom(),
                new LoopbackRedirects(), redirectOf);
        this.consentInputs = new ConsentInputs(catalog, ConnectorSpecs.bundled(catalog));
        this.readiness = new OAuthReadiness(catalog, consentInputs);
        this.checks = new ConnectionChecks(stores);
        this.running = new RunningFlows(executor);
    }

    /**
     * Opens a web page, such as a connector's documentation linked from its form, in the person's
     * browser the way sign-ins open theirs; it may block for a moment, so call it off the FX thread.
     * False when no browser opened.
     */
    public boolean openLink(URI url) {
        return parts.browser().open(url);
    }

    /**
     * Opens {@code page}, an HTML file Onramp wrote on this computer (the user guide), in the person's browser;
     * it may block for a moment, so call it off the FX thread. False when no browser opened.
     */
    public boolean openPage(Path page) {
        return parts.browser().openPage(page);
    }

    /**
     * Starts connecting {@code providerId} for {@code tenant}; the work runs on the service's executor.
     * A flow still running for the same business and provider is cancelled: its consent link and
     * loopback port are discarded, and only the newest attempt can finish.
     */
    public ConnectFlow connect(TenantId tenant, String providerId, ConnectListener listener) {
        return startConnect(tenant, providerId, FormValues.empty(), listener);
    }

    /**
     * Like {@link #connect(TenantId, String, ConnectListener)}, with the values of the fields the
     * provider needs before its consent page ({@link #consentInputs(String)}, e.g. Zendesk's
     * subdomain); fields left out take their defaults.
     *
     * @throws InvalidInputException naming the fields that are missing or refused, before anything starts
     */
    public ConnectFlow connect(TenantId tenant, String providerId, FormValues inputs, ConnectListener listener) {
        return connect(tenant, providerId, inputs, AccountChoice.DEFAULT, listener);
    }

    /**
     * Like {@link #connect(TenantId, String, FormValues, ConnectListener)}, with what the person said
     * about the account: its label, and whether connecting one the business already has is meant.
     *
     * @throws InvalidInputException naming the fields that are missing or refused, or the label that
     *     is not one, before anything starts
     */
    public ConnectFlow connect(TenantId tenant, String providerId, FormValues inputs, AccountChoice account,
            ConnectListener listener) {
        catalog.provider(providerId).ifPresent(provider -> consentInputs.given(provider, inputs));
        account.label().ifPresent(AccountLabels::checked);
        return running.start(new ConnectRun(FlowId.random(), tenant, providerId, inputs, account, listener, stores, parts,
                consentInputs));
    }

    /**
     * Gives one of the business's live connections another label (the {@code account} of
     * {@code connections}), unique among the business's live connections of its provider, and audits
     * the change. Returns the connection as it is now.
     *
     * @throws InvalidInputException when the label is not one (blank, longer than 60 characters,
     *     control characters), another account of the provider has it, or the connection is gone
     */
    public Connection rename(TenantId tenant, ConnectionId id, String label) {
        String wanted = AccountLabels.checked(label);
        Connection connection = stores.connections().find(tenant, id).filter(c -> !c.disconnected())
                .orElseThrow(() -> new InvalidInputException(Text.of("connect.connectionRemoved")));
        String name = catalog.provider(connection.providerId()).map(Provider::name).orElse(connection.providerId());
        boolean taken = labels.live(tenant, connection.providerId()).stream()
                .anyMatch(other -> !other.id().equals(id) && other.accountLabel().equalsIgnoreCase(wanted));
        if (taken) {
            throw new InvalidInputException(Text.of("connect.label.taken", name, wanted));
        }
        boolean renamed = stores.db().inTransaction(tx -> {
            boolean done = stores.connections().relabel(tx, tenant, id, wanted);
            if (done) {
                stores.audit().append(tx, tenant, stores.actor(), "connection.renamed", "connection/" + id,
                        "provider=" + connection.providerId() + " from=" + connection.accountLabel() + " to=" + wanted);
            }
            return done;
        });
        if (!renamed) {
            throw new InvalidInputException(Text.of("connect.rename.disconnectedMeanwhile"));
        }
        return stores.connections().find(tenant, id).orElseThrow();
    }

    /**
     * Why connecting {@code providerId} with these consent inputs may connect an account the
     * business already has (the same Zendesk subdomain, Shopify shop …), as a question to put to
     * the person, in the window's (the process's display) language; empty when it would not, or when
     * the inputs identify no account. Blocks.
     */
    public Optional<String> alreadyConnected(TenantId tenant, String providerId, FormValues inputs) {
        return sameAccountConnected(tenant, providerId, inputs)
                .map(connected -> Messages.display().render(Text.of("connect.duplicate.ask", connected)));
    }

    /**
     * That connecting {@code providerId} with these consent inputs would connect an account the
     * business already has ("Acme's Zendesk Support account acme is already connected"); empty when
     * it would not, or when the inputs identify no account. Blocks.
     */
    public Optional<Text> sameAccountConnected(TenantId tenant, String providerId, FormValues inputs) {
        Optional<Provider> provider = catalog.provider(providerId);
        Optional<Tenant> business = stores.tenants().find(tenant);
        if (provider.isEmpty() || business.isEmpty() || !provider.get().connectsByOAuth()) {
            return Optional.empty();
        }
        ObjectNode configuration = consentInputs.given(provider.get(), inputs).configuration();
        return labels.sameAccount(tenant, providerId, configuration).map(existing ->
                AccountLabels.alreadyConnected(business.get().name(), provider.get(), existing, configuration));
    }

    /**
     * For each OAuth connector of the catalog, whether the business's Airbyte can start its sign-in:
     * Airbyte is asked for each consent link, which is never opened, and {@code each} hears of every
     * connector as soon as it is known. Blocks; call it off the FX thread.
     *
     * @throws InvalidInputException when the business is gone or its Airbyte has no workspace
     * @throws AirbyteException when the business's settings name an Airbyte this Onramp cannot use, or it
     *     cannot be asked for the business's workspace
     */
    public List<SignInReadiness> signInReadiness(TenantId tenant, Consumer<SignInReadiness> each) {
        Tenant known = stores.tenants().find(tenant)
                .orElseThrow(() -> new InvalidInputException(Text.of("connect.noBusiness")));
        return readiness.check(known, airbyteOf.apply(tenant), parts.redirectOf().apply(tenant), stores, each);
    }

    /**
     * The form of the fields {@code providerId} needs before its consent page (Zendesk's subdomain,
     * Amazon's region, …), in the process's display language (the window's); it has no elements when the
     * provider needs nothing first.
     */
    public ConnectorForm consentInputs(String providerId) {
        return consentInputs.form(providerId);
    }

    /** As {@link #consentInputs(String)}, its titles and help in {@code language} where Onramp has them. */
    public ConnectorForm consentInputs(String providerId, Locale language) {
        return consentInputs.form(providerId, language);
    }

    private ConnectFlow startConnect(TenantId tenant, String providerId, FormValues inputs, ConnectListener listener) {
        return running.start(new ConnectRun(FlowId.random(), tenant, providerId, inputs, AccountChoice.DEFAULT, listener,
                stores, parts, consentInputs));
    }

    /**
     * Starts signing an existing connection in again (its provider's tokens expired or were
     * revoked): the same consent as {@link #connect}, then Airbyte's source gets the new sign-in,
     * keeps its id, and is tested and its streams listed again. It is the business's one flow for
     * that provider, like a connect: either replaces the other.
     *
     * @throws InvalidInputException when the business has no such connection
     */
    public ConnectFlow reconnect(TenantId tenant, ConnectionId connectionId, ConnectListener listener) {
        Connection connection = stores.connections().find(tenant, connectionId).orElseThrow(() ->
                new InvalidInputException(Text.of("connect.connectionGone")));
        return running.start(new ReconnectRun(FlowId.random(), connection, listener, stores, parts));
    }

    /**
     * Runs {@code run} as the one flow of its business and provider, on this service's executor: it
     * replaces a connect, reconnect or credentials flow still running for them, and {@link #close()}
     * cancels it.
     */
    ConnectFlow start(FlowRun run) {
        return running.start(run);
    }

    /**
     * Cancels every running flow and waits a few seconds for each to undo what it created and
     * record its end; what is still unfinished then is ended by the next start's recovery.
     */
    @Override
    public void close() {
        running.close();
    }

    /**
     * Tests each of the business's connections again (but disconnected ones) in the Airbyte it uses,
     * at most four at a time, and records each status, when it was checked and why a check did not
     * pass; {@code each} hears of every connection as soon as its check ends. Blocks; call it off the
     * FX thread.
     *
     * @throws AirbyteException when the business's settings name an Airbyte this Onramp cannot use
     */
    public List<ConnectionHealth> checkConnections(TenantId tenant, Consumer<ConnectionHealth> each) {
        return checks.check(tenant, airbyteOf.apply(tenant), each);
    }

    /**
     * Tests one of the business's connections again, as {@link #checkConnections} tests each. Blocks;
     * call it off the FX thread.
     *
     * @throws InvalidInputException when the business has no such connection, or it is disconnected
     * @throws AirbyteException when the business's settings name an Airbyte this Onramp cannot use
     */
    public ConnectionHealth checkConnection(TenantId tenant, ConnectionId connection) {
        return checks.checkOne(tenant, airbyteOf.apply(tenant), connection);
    }

    /**
     * The tenant's stored connections, newest first, as they stand for the Airbyte the business uses
     * now: one made in another Airbyte (or workspace) reads as {@link ConnectionStatus#OTHER_AIRBYTE}
     * whatever its last check found there, so that none reads as connected where it was not confirmed;
     * the disconnected ones included.
     */
    public List<Connection> connections(TenantId tenant) {
        List<Connection> stored = stores.connections().list(tenant);
        if (stored.stream().noneMatch(c -> c.airbyte().isPresent() && c.status() != ConnectionStatus.DISCONNECTED)) {
            return stored;
        }
        Optional<AirbyteLocation> now;
        try {
            now = stores.tenants().find(tenant).map(found -> stores.locationNow(found, airbyteOf.apply(tenant)));
        } catch (RuntimeException e) {
            // Settings this Onramp cannot use: the checks say so; the stored statuses are all there is.
            LOG.debug("The Airbyte of business {} cannot be opened: {}", tenant, e.getMessage());
            return stored;
        }
        return stored.stream().map(c -> now.flatMap(here -> c.airbyte().filter(made -> made.differsFrom(here)
                        && c.status() != ConnectionStatus.DISCONNECTED && c.status() != ConnectionStatus.OTHER_AIRBYTE)
                .map(made -> c.as(ConnectionStatus.OTHER_AIRBYTE, // kept in English, like the stored reasons
                        Optional.of(Messages.english().render(ConnectionChecks.elsewhere(made, here))))))
                .orElse(c)).toList();
    }

    /**
     * Ends every flow an earlier run left unfinished (a crash, a kill, a clean-up Airbyte refused):
     * what it created in Airbyte is deleted, so that nothing is forgotten there, and its end gets
     * its one audit entry. A flow whose clean-up fails again stays for the next start. Returns how
     * many flows were ended.
     */
    public int recoverUnfinished() {
        // Disconnects are finished by the DisconnectService's own recovery.
        List<FlowRecord> unfinished = stores.journal().unfinished(FlowKind.CONNECT);
        int ended = 0;
        for (FlowRecord flow : unfinished) {
            try {
                // An AUTHORIZED sign-in flow, or a STARTED credentials flow, may have asked Airbyte to
                // create a source without hearing its id. A flow on an existing connection (a reconnect)
                // creates none.
                AirbyteGateway airbyte = airbyteOf.apply(flow.tenantId());
                boolean createMayHaveRun = flow.connectionId().isEmpty()
                        && (flow.state() == FlowState.AUTHORIZED || flow.state() == FlowState.STARTED);
                String undone = SourceUndo.undo(airbyte, flow.id(), flow.sourceId(), createMayHaveRun,
                        workspacesOf(flow.tenantId(), airbyte));
                String details = "provider=" + flow.providerId() + " interrupted in " + flow.state() + undone
                        + flow.reason().map(reason -> ": " + reason).orElse("");
                stores.db().inTransaction(tx -> {
                    stores.journal().advance(tx, flow.tenantId(), flow.id(), FlowState.FAILED, Optional.empty(),
                            Optional.of(flow.reason().orElse(
                                    "Interrupted before it finished; Onramp undid what it had started.")));
                    stores.audit().append(tx, flow.tenantId(), stores.actor(), "connect.recovered", "flow/" + flow.id(),
                            details);
                    return null;
                });
                ended++;
            } catch (AirbyteException e) {
                LOG.warn("Could not clean up interrupted flow {} yet: {}", flow.id(), e.getMessage());
            }
        }
        return ended;
    }

    /**
     * Where an interrupted flow of {@code tenant} may have created its source: the workspace an
     * Airbyte Cloud sign-in names in the settings (a sign-in's source is made there) and the
     * business's own (where a credentials connect makes it).
     */
    private List<String> workspacesOf(TenantId tenant, AirbyteGateway airbyte) {
        List<String> workspaces = new ArrayList<>();
        if (airbyte.signIn() instanceof SignIn.Relay relay) {
            relay.workspaceId().ifPresent(workspaces::add);
        }
        stores.tenants().find(tenant).flatMap(Tenant::workspaceId).ifPresent(workspaces::add);
        return workspaces;
    }
}
