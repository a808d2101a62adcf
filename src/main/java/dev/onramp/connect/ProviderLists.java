package dev.onramp.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.ConnectorSpec;
import dev.onramp.airbyte.SourceDefinition;
import dev.onramp.business.AirbyteSelection;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AuthMode;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.TenantRepository;
import dev.onramp.text.Messages;
import dev.onramp.text.Said;
import dev.onramp.text.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider list each business is shown, refreshed in the background from the Airbyte it uses:
 * for a self-managed Airbyte the bundled catalog merged with the connectors that Airbyte lists
 * ({@link LiveProviders}), kept per business and Airbyte for a while; for Airbyte Cloud the
 * bundled catalog without the connectors Cloud cannot create; in demo mode the bundled catalog.
 * It is also the flows' {@link ProviderLookup}, so a connector only that Airbyte lists can be connected.
 */
public final class ProviderLists implements ProviderLookup {
    /** How long a list stays fresh before {@link #forBusiness} asks the Airbyte again. */
    public static final Duration FRESH_FOR = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(ProviderLists.class);

    /** One business's list from one Airbyte. */
    private record Key(TenantId tenant, AirbyteSettings airbyte) {}

    /** A list being made or made, and when it was asked for. */
    private record Entry(CompletableFuture<ProviderList> list, Instant asked) {}

    private final Catalog catalog;
    private final ConnectorSpecs specs;
    private final AirbyteSelection selection;
    private final TenantRepository tenants;
    private final Executor background;
    private final Clock clock;
    private final Duration freshFor;
    private final Map<Key, Entry> lists = new ConcurrentHashMap<>();
    /** The newest list each business got, for lookups that must not wait. */
    private final Map<TenantId, ProviderList> latest = new ConcurrentHashMap<>();
    /** Providers only an Airbyte lists whose specification showed an OAuth sign-in, by business and provider id. */
    private final Map<List<Object>, Provider> described = new ConcurrentHashMap<>();
    private volatile ProviderList cloud;

    /**
     * @param background where the lists are made (they block on HTTP and the database); never the FX thread
     * @param freshFor how long a business's list is kept before it is asked for again
     */
    public ProviderLists(Catalog catalog, ConnectorSpecs specs, AirbyteSelection selection, TenantRepository tenants,
            Executor background, Clock clock, Duration freshFor) {
        this.catalog = catalog;
        this.specs = specs;
        this.selection = selection;
        this.tenants = tenants;
        this.background = background;
        this.clock = clock;
        this.freshFor = freshFor;
    }

    /**
     * The list to show {@code tenant}, made on the background executor and never failing: the list
     * kept for the business and the Airbyte it uses while fresh ({@link #FRESH_FOR}), else a new one.
     * From a self-managed Airbyte it is {@link ProviderList.Origin#LIVE}; when that Airbyte cannot be
     * asked or answers something that is not a connector list, it is the bundled list with one sentence
     * saying why ({@link ProviderList#problem()}), kept like a live one so the failure is said once.
     */
    public CompletionStage<ProviderList> forBusiness(TenantId tenant) {
        return CompletableFuture.supplyAsync(() -> listFor(tenant, false), background);
    }

    /** As {@link #forBusiness}, asking the Airbyte again whatever was kept. */
    public CompletionStage<ProviderList> refresh(TenantId tenant) {
        return CompletableFuture.supplyAsync(() -> listFor(tenant, true), background);
    }

    /**
     * What to show {@code tenant} at once, without waiting: the newest list the business got, else
     * the bundled catalog (before the first refresh, which may narrow it for Airbyte Cloud).
     */
    public ProviderList shownFirst(TenantId tenant) {
        return Optional.ofNullable(latest.get(tenant)).map(list -> withDescribed(tenant, list)).orElseGet(this::bundled);
    }

    /**
     * The bundled catalog's provider, else one only the business's Airbyte lists (its list is made,
     * blocking, when the business has none yet).
     */
    @Override
    public Optional<Provider> provider(TenantId tenant, String providerId) {
        Optional<Provider> bundled = catalog.provider(providerId);
        if (bundled.isPresent()) {
            return bundled;
        }
        Provider learned = described.get(List.of(tenant, providerId));
        if (learned != null) {
            return Optional.of(learned);
        }
        ProviderList list = latest.get(tenant);
        if (list == null) {
            list = listFor(tenant, false);
        }
        return list.provider(providerId);
    }

    /**
     * A provider only the business's Airbyte lists, typed credentials until now, signs in by OAuth
     * once its specification there has an {@code advancedAuth}; from then on the flows and the
     * business's list know it so.
     */
    @Override
    public Provider described(TenantId tenant, Provider provider, ConnectorSpec spec) {
        if (catalog.providerOfDefinition(provider.definitionId()).isPresent() || provider.authMode() == AuthMode.OAUTH
                || spec.advancedAuth().isEmpty()) {
            return provider;
        }
        Provider signsIn = new Provider(provider.id(), provider.name(), provider.category(), provider.definitionId(),
                provider.sourceType(), AuthMode.OAUTH, Optional.of(spec.advancedAuth().get().toFacts()),
                provider.summary(), provider.listing());
        described.put(List.of(tenant, provider.id()), signsIn);
        return signsIn;
    }

    private ProviderList listFor(TenantId tenant, boolean again) {
        AirbyteSettings airbyte = selection.effective(tenant);
        Key key = new Key(tenant, airbyte);
        Instant now = clock.instant();
        CompletableFuture<ProviderList> mine = new CompletableFuture<>();
        Entry entry = lists.compute(key, (k, kept) -> kept != null && !again
                && (!kept.list().isDone() || kept.asked().plus(freshFor).isAfter(now)) ? kept : new Entry(mine, now));
        if (entry.list() == mine) {
            ProviderList made = make(tenant, airbyte);
            latest.put(tenant, made);
            mine.complete(made);
        }
        try {
            return withDescribed(tenant, entry.list().join());
        } catch (CompletionException e) {
            return bundled();
        }
    }

    private ProviderList make(TenantId tenant, AirbyteSettings airbyte) {
        return switch (airbyte) {
            case AirbyteSettings.Demo _ -> bundled();
            case AirbyteSettings.Cloud _ -> forCloud();
            case AirbyteSettings.SelfManaged _ -> fromAirbyte(tenant, airbyte);
        };
    }

    /** The self-managed Airbyte's list merged with the catalog, or the bundled list saying why not. */
    private ProviderList fromAirbyte(TenantId tenant, AirbyteSettings airbyte) {
        try {
            AirbyteGateway gateway = selection.gatewayFor(airbyte);
            Optional<List<SourceDefinition>> definitions = gateway.sourceDefinitions(workspaceOf(tenant, gateway));
            if (definitions.isEmpty()) {
                return bundled();
            }
            if (definitions.get().isEmpty()) {
                return failed(airbyte, Text.of("connect.providers.noConnectors"));
            }
            ProviderList merged = LiveProviders.merge(catalog, definitions.get());
            LOG.info("The provider list of business {} comes from {}: {} connectors", tenant, airbyte.description(),
                    merged.providers().size());
            return merged;
        } catch (AirbyteException | InvalidInputException e) {
            return failed(airbyte, ((Said) e).text());
        } catch (RuntimeException e) {
            LOG.debug("Refreshing the provider list failed", e);
            return failed(airbyte, Text.of("connect.providers.unexpected", e.getClass().getSimpleName()));
        }
    }

    /** The business's workspace in that Airbyte: the one it uses, else the first there is, as a connect would pick. */
    private String workspaceOf(TenantId tenantId, AirbyteGateway gateway) {
        Tenant tenant = tenants.find(tenantId)
                .orElseThrow(() -> new InvalidInputException(Text.of("connect.noBusiness")));
        return tenant.workspaceId().or(gateway::settingsWorkspace)
                .orElseGet(() -> gateway.listWorkspaces().stream().findFirst()
                        .orElseThrow(() -> new InvalidInputException(Text.of("connect.providers.noWorkspace")))
                        .id());
    }

    private ProviderList failed(AirbyteSettings airbyte, Text reason) {
        Text problem = Text.of("connect.providers.notRefreshed", airbyte.text(), Text.clause(reason));
        LOG.warn(Messages.english().render(problem));
        ProviderList bundled = bundled();
        return new ProviderList(bundled.providers(), bundled.categories(), bundled.origin(), Optional.of(problem));
    }

    private ProviderList bundled() {
        return new ProviderList(catalog.providers(), catalog.categories(), ProviderList.Origin.BUNDLED, Optional.empty());
    }

    /**
     * The bundled list without what Airbyte Cloud's public API cannot create: a connector that signs
     * in only by OAuth ({@link Provider#connectsByOAuth()}, and its specification offers no other way in,
     * as {@link CredentialsService#alternativesToOAuth} tells) whose OAuth Cloud does not broker
     * ({@code listing().cloudOAuth()} false). Made once.
     */
    private ProviderList forCloud() {
        ProviderList made = cloud;
        if (made == null) {
            List<Provider> creatable = catalog.providers().stream().filter(this::creatableOnCloud).toList();
            List<String> categories = catalog.categories().stream()
                    .filter(c -> creatable.stream().anyMatch(p -> c.equals(p.category()))).toList();
            made = new ProviderList(creatable, categories, ProviderList.Origin.BUNDLED_FOR_CLOUD, Optional.empty());
            cloud = made;
        }
        return made;
    }

    private boolean creatableOnCloud(Provider provider) {
        return creatableOnCloud(provider, specs.specification(provider.id()));
    }

    /**
     * Whether Airbyte Cloud's public API can create a source of the provider: it takes typed
     * credentials, Cloud brokers its OAuth, or its specification {@code spec} has another way in than
     * OAuth; an OAuth provider without a specification has none.
     */
    static boolean creatableOnCloud(Provider provider, Optional<? extends JsonNode> spec) {
        if (!provider.connectsByOAuth() || provider.listing().cloudOAuth()) {
            return true;
        }
        return spec.map(s -> !SpecForms.alternativesToOAuth(s, provider.oauth().orElseThrow()).isEmpty())
                .orElse(false);
    }

    private ProviderList withDescribed(TenantId tenant, ProviderList list) {
        if (described.isEmpty()) {
            return list;
        }
        List<Provider> providers = list.providers().stream()
                .map(p -> described.getOrDefault(List.of(tenant, p.id()), p)).toList();
        return new ProviderList(providers, list.categories(), list.origin(), list.problemText());
    }
}
