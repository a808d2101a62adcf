package dev.onramp.connect.summary;

import dev.onramp.business.SettingsService;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.Recommendation;
import dev.onramp.connect.ConnectService;
import dev.onramp.connect.ProviderList;
import dev.onramp.connect.ProviderLists;
import dev.onramp.connect.summary.OnboardingSummary.Airbyte;
import dev.onramp.connect.summary.OnboardingSummary.AirbyteKind;
import dev.onramp.connect.summary.OnboardingSummary.Business;
import dev.onramp.connect.summary.OnboardingSummary.ConnectionEntry;
import dev.onramp.connect.summary.OnboardingSummary.Location;
import dev.onramp.connect.summary.OnboardingSummary.MissingItem;
import dev.onramp.connect.summary.OnboardingSummary.MissingKind;
import dev.onramp.connect.summary.OnboardingSummary.Progress;
import dev.onramp.connect.summary.OnboardingSummary.RecommendedSource;
import dev.onramp.connect.summary.OnboardingSummary.SourceState;
import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteSettings.Cloud;
import dev.onramp.model.AirbyteSettings.Demo;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.model.BusinessType;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a business's {@link OnboardingSummary} from what Onramp has stored: its live connections as
 * they stand for the Airbyte it uses now, its recommended providers as its provider list offers them,
 * and its Airbyte settings without their secrets. It only reads, so it works beside another Onramp;
 * it blocks (the database, perhaps the Airbyte's connector list), so call it off the FX thread.
 */
public final class OnboardingSummaries {
    private final Catalog catalog;
    private final ConnectService connect;
    private final SettingsService settings;
    private final ProviderLists providers;
    private final Clock clock;

    public OnboardingSummaries(Catalog catalog, ConnectService connect, SettingsService settings,
            ProviderLists providers, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.connect = Objects.requireNonNull(connect, "connect");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The summary of {@code tenant}'s onboarding now. */
    public OnboardingSummary build(Tenant tenant) {
        ProviderList offered = providers.forBusiness(tenant.id()).toCompletableFuture().join();
        List<Connection> live = connect.connections(tenant.id()).stream().filter(c -> !c.disconnected()).toList();
        List<Recommendation> recommendations = catalog.recommend(tenant.businessTypeId()).stream()
                .filter(Recommendation::recommended)
                .filter(r -> offered.provider(r.provider().id()).isPresent())
                .toList();

        Map<String, Integer> rank = new HashMap<>();
        List<RecommendedSource> recommended = new ArrayList<>();
        List<MissingItem> missing = new ArrayList<>();
        for (Recommendation r : recommendations) {
            String id = r.provider().id();
            rank.put(id, rank.size());
            List<Connection> its = live.stream().filter(c -> c.providerId().equals(id)).toList();
            SourceState state = its.stream().anyMatch(c -> c.status() == ConnectionStatus.ACTIVE) ? SourceState.CONNECTED
                    : its.isEmpty() ? SourceState.NOT_CONNECTED : SourceState.NEEDS_ATTENTION;
            recommended.add(new RecommendedSource(id, r.provider().name(), r.reason(), state));
            if (state == SourceState.NOT_CONNECTED) {
                missing.add(new MissingItem(MissingKind.NOT_CONNECTED, id, r.provider().name(), Optional.empty(),
                        Optional.empty(), Optional.of(r.reason()).filter(reason -> !reason.isBlank()),
                        ConnectionWords.connect(id)));
            }
        }

        List<Connection> ordered = live.stream().sorted(Comparator
                        .comparing((Connection c) -> rank.getOrDefault(c.providerId(), Integer.MAX_VALUE))
                        .thenComparing(c -> nameOf(tenant, offered, c.providerId()), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Connection::accountLabel, String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<ConnectionEntry> connections = new ArrayList<>();
        for (Connection c : ordered) {
            String name = nameOf(tenant, offered, c.providerId());
            connections.add(entry(c, name));
            if (c.status() != ConnectionStatus.ACTIVE) {
                missing.add(new MissingItem(MissingKind.NEEDS_ATTENTION, c.providerId(), name,
                        Optional.of(c.accountLabel()), Optional.of(c.status().name()), Optional.empty(),
                        ConnectionWords.action(c)));
            }
        }

        int connected = (int) recommended.stream().filter(s -> s.state() == SourceState.CONNECTED).count();
        int attention = (int) recommended.stream().filter(s -> s.state() == SourceState.NEEDS_ATTENTION).count();
        Progress progress = new Progress(recommended.size(), connected, attention,
                recommended.size() - connected - attention);
        return new OnboardingSummary(clock.instant(), business(tenant), airbyte(tenant, live), progress, recommended,
                connections, missing);
    }

    private Business business(Tenant tenant) {
        String type = catalog.businessType(tenant.businessTypeId()).map(BusinessType::name)
                .orElse(tenant.businessTypeId());
        return new Business(tenant.id().toString(), tenant.name(), tenant.businessTypeId(), type);
    }

    /** The Airbyte the business uses now, as its settings (or this run's address) name it, without a secret. */
    private Airbyte airbyte(Tenant tenant, List<Connection> live) {
        AirbyteSettings now = settings.override().<AirbyteSettings>map(SelfManaged::new)
                .orElseGet(() -> settings.settings(tenant.id()));
        // The workspace the business remembers, else the one its connections in this Airbyte were made in.
        Optional<String> workspace = tenant.workspaceId().or(() -> live.stream()
                .filter(c -> c.status() != ConnectionStatus.OTHER_AIRBYTE)
                .flatMap(c -> c.airbyte().flatMap(AirbyteLocation::workspaceId).stream()).findFirst());
        return switch (now) {
            case Demo demo -> new Airbyte(AirbyteKind.DEMO, demo.text(), Optional.empty(), workspace);
            case SelfManaged self -> new Airbyte(AirbyteKind.SELF_MANAGED,
                    Text.of("airbyte.at", withoutUserInfo(self.url())), Optional.of(withoutUserInfo(self.url())), workspace);
            case Cloud cloud -> new Airbyte(AirbyteKind.CLOUD, cloud.text(),
                    Optional.of(withoutUserInfo(cloud.apiBase())), cloud.workspace().or(() -> workspace));
        };
    }

    /** The address without a user name or password someone may have written into it. */
    static String withoutUserInfo(String address) {
        try {
            return address.contains("://") ? withoutUserInfo(new URI(address)) : address;
        } catch (URISyntaxException e) {
            return address.replaceFirst("//[^/@]*@", "//");
        }
    }

    /** The address without a user name or password someone may have written into it. */
    static String withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }

    private ConnectionEntry entry(Connection c, String providerName) {
        Optional<Location> where = c.airbyte().map(location -> {
            AirbyteLocation shown = new AirbyteLocation(withoutUserInfo(location.address()), location.workspaceId());
            return new Location(shown.address(), shown.workspaceId(), shown.describe());
        });
        return new ConnectionEntry(c.id().toString(), c.providerId(), providerName, c.accountLabel(), c.status().name(),
                Messages.english().render(ConnectionWords.status(c.status())), c.sourceId(), c.createdAt(), c.lastChecked(),
                c.lastError().filter(error -> !error.isBlank()), c.streams(), where);
    }

    private String nameOf(Tenant tenant, ProviderList offered, String providerId) {
        return catalog.provider(providerId).or(() -> offered.provider(providerId))
                .or(() -> providers.shownFirst(tenant.id()).provider(providerId))
                .map(Provider::name).orElse(providerId);
    }
}
