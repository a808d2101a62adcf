package dev.onramp.diagnostics;

import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.Workspace;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.RedirectSettings;
import dev.onramp.model.Tenant;
import dev.onramp.oauth.LoopbackReceiver;
import dev.onramp.oauth.LoopbackRedirects;
import dev.onramp.oauth.RedirectPortsBusyException;
import dev.onramp.store.AuditLog;
import dev.onramp.store.AuditVerification;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FileKekStore;
import dev.onramp.store.KekStore;
import dev.onramp.store.StoreException;
import dev.onramp.store.TenantRepository;
import dev.onramp.text.Text;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Checks, one line each, what Onramp needs from this computer and its Airbyte: Airbyte's answer and
 * clock, the browser, a loopback port, the key, the database and the audit trail.
 */
public final class Doctor {
    /** More skew than this makes tokens look expired or not yet valid. */
    static final Duration MAX_SKEW = Duration.ofMinutes(1);

    private static final Text SUPPORT = Text.of("diagnostics.support");
    private static final Text AIRBYTE = Text.verbatim("Airbyte");
    private static final Text CLOCK = Text.of("diagnostics.name.clock");
    private static final Text LOOPBACK = Text.of("diagnostics.name.loopback");
    private static final Text KEY_STORE = Text.of("diagnostics.name.keyStore");
    private static final Text DATABASE = Text.of("diagnostics.name.database");
    private static final Text AUDIT_LOG = Text.of("diagnostics.name.auditLog");
    private static final Text CONNECTIONS = Text.of("diagnostics.name.connections");

    private final AirbyteGateway gateway;
    private final Database db;
    private final KekStore kek;
    private final TenantRepository tenants;
    private final AuditLog audit;
    private final BrowserCheck browser;
    private final Clock clock;
    private final Supplier<RedirectSettings> redirect;
    private final ConnectionRepository connections;

    /** {@code redirect} is the sign-in redirect every business uses unless it has its own. */
    public Doctor(AirbyteGateway gateway, Database db, KekStore kek, TenantRepository tenants, AuditLog audit,
            BrowserCheck browser, Clock clock, Supplier<RedirectSettings> redirect, ConnectionRepository connections) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.db = Objects.requireNonNull(db, "db");
        this.kek = Objects.requireNonNull(kek, "kek");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.browser = Objects.requireNonNull(browser, "browser");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redirect = Objects.requireNonNull(redirect, "redirect");
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /** Runs every check; blocks on Airbyte, the database and the browser lookup, so call it in the background. */
    public DoctorReport run() {
        List<Check> checks = new ArrayList<>();
        checks.add(guarded(AIRBYTE, this::airbyte));
        checks.add(guarded(CLOCK, this::clockSkew));
        checks.add(guarded(BrowserCheck.NAME, browser::run));
        checks.add(guarded(LOOPBACK, this::loopback));
        checks.add(guarded(KEY_STORE, this::keyStore));
        checks.add(guarded(DATABASE, this::database));
        checks.add(guarded(AUDIT_LOG, this::auditTrail));
        checks.add(guarded(CONNECTIONS, this::connections));
        return new DoctorReport(checks);
    }

    /** The report when Onramp could not even start: the reason, and the checks that need no database or Airbyte. */
    public static DoctorReport withoutApp(Text whyNot, BrowserCheck browser) {
        return new DoctorReport(List.of(
                Check.failed(Text.of("diagnostics.name.start"), whyNot, Text.of("diagnostics.start.fix")),
                guarded(BrowserCheck.NAME, browser::run),
                guarded(LOOPBACK, () -> loopback(RedirectSettings.DEFAULT))));
    }

    /** {@link #withoutApp(Text, BrowserCheck)} for a reason said in words already. */
    public static DoctorReport withoutApp(String whyNot, BrowserCheck browser) {
        return withoutApp(Text.verbatim(whyNot), browser);
    }

    /**
     * A sentence for the window when the key is in a file because the system's key store did not answer;
     * empty when it is in the key store. Does not block.
     */
    public Optional<Text> keyStoreNotice() {
        return kek.fallbackReasonText().map(reason -> Text.of("diagnostics.keyStoreNotice", reason));
    }

    /** Once, when this run made a new key file because the system's key store did not answer: one sentence. */
    public Optional<Text> newKeyFileNotice() {
        return kek.firstUseNotice();
    }

    private Check airbyte() {
        try {
            List<Workspace> workspaces = gateway.listWorkspaces();
            if (workspaces.isEmpty()) {
                return Check.failed(AIRBYTE, Text.of("diagnostics.airbyte.noWorkspace", gateway.baseUrl().toString()),
                        Text.of("diagnostics.airbyte.noWorkspace.fix"));
            }
            return Check.passed(AIRBYTE, Text.of("diagnostics.airbyte.answers", gateway.baseUrl().toString(),
                    workspaces.size(), workspaces.stream().map(Workspace::name).collect(Collectors.joining(", "))));
        } catch (AirbyteException e) {
            return Check.failed(AIRBYTE, e.text(), airbyteFix(e.kind()));
        }
    }

    private Check clockSkew() {
        Instant before = clock.instant();
        Optional<Instant> server;
        try {
            server = gateway.serverTime();
        } catch (AirbyteException e) {
            return Check.failed(CLOCK, Text.of("diagnostics.clock.notCompared"),
                    Text.of("diagnostics.clock.notCompared.fix"));
        }
        if (server.isEmpty()) {
            return Check.passed(CLOCK, Text.of("diagnostics.clock.noDate"));
        }
        Instant after = clock.instant();
        Instant here = before.plus(Duration.between(before, after).dividedBy(2));
        // The Date header counts whole seconds, so up to a second of difference is no skew at all.
        Duration skew = Duration.between(server.get(), here);
        if (skew.abs().compareTo(MAX_SKEW) > 0) {
            return Check.failed(CLOCK, skew.isNegative() ? Text.of("diagnostics.clock.behind", describe(skew.abs()))
                    : Text.of("diagnostics.clock.ahead", describe(skew.abs())), Text.of("diagnostics.clock.skew.fix"));
        }
        return Check.passed(CLOCK, Text.of("diagnostics.clock.within", describe(skew.abs().plusSeconds(1))));
    }

    private Check loopback() {
        return loopback(redirect.get());
    }

    /**
     * Opens the redirect's first free port as a sign-in would: says which port a sign-in gets, and
     * when every port of the range is taken, which program holds them and the way out.
     */
    private static Check loopback(RedirectSettings settings) {
        try (LoopbackReceiver receiver = new LoopbackRedirects().open(settings, Duration.ofSeconds(10))) {
            URI uri = receiver.redirectUri();
            String first = String.valueOf(settings.firstPort());
            Text listening = settings.anyPort() || uri.getPort() == settings.firstPort()
                    ? Text.of("diagnostics.loopback.listening", uri.toString())
                    : uri.getPort() - settings.firstPort() > 1
                            ? Text.of("diagnostics.loopback.listeningPortsTaken", uri.toString(), first)
                            : Text.of("diagnostics.loopback.listeningPortTaken", uri.toString(), first);
            return Check.passed(LOOPBACK, listening);
        } catch (RedirectPortsBusyException e) {
            return Check.failed(LOOPBACK, e.text(), Text.of("diagnostics.loopback.busy.fix"));
        } catch (UncheckedIOException e) {
            return Check.failed(LOOPBACK, Text.verbatim(e.getMessage()), Text.of("diagnostics.loopback.firewall.fix"));
        }
    }

    private Check keyStore() {
        try {
            kek.keyEncryptionKey();
        } catch (StoreException e) {
            return Check.failed(KEY_STORE, e.text(), SUPPORT);
        }
        Text opens = !(kek instanceof FileKekStore) ? Text.of("diagnostics.keyStore.opens", kek.described())
                : kek.fallbackReasonText().map(reason -> Text.of("diagnostics.keyStore.opensInFileBecause", kek.described(),
                        reason)).orElseGet(() -> Text.of("diagnostics.keyStore.opensInFile", kek.described()));
        return Check.passed(KEY_STORE, opens);
    }

    private Check database() {
        try {
            Map<String, Long> rows = db.rowCounts();
            return Check.passed(DATABASE, Text.of("diagnostics.database.reads", db.file().toString(), rows.entrySet()
                    .stream().map(table -> table.getKey() + " " + table.getValue()).collect(Collectors.joining(", "))));
        } catch (StoreException e) {
            return Check.failed(DATABASE, e.text(), Text.of("diagnostics.database.fix", db.file().toString()));
        }
    }

    /**
     * Lists the stored connections whose last check (or connect) did not leave them connected, from
     * what is stored: it asks no Airbyte, {@code onramp check} does.
     */
    private Check connections() {
        List<Text> notConnected = new ArrayList<>();
        int all = 0;
        for (Tenant tenant : tenants.list()) {
            for (Connection connection : connections.list(tenant.id())) {
                if (connection.status() == ConnectionStatus.DISCONNECTED) {
                    continue;
                }
                all++;
                if (connection.status() != ConnectionStatus.ACTIVE) {
                    notConnected.add(Text.of("diagnostics.connections.entry", tenant.name(), connection.providerId(),
                            connection.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
                }
            }
        }
        if (notConnected.isEmpty()) {
            return Check.passed(CONNECTIONS, all == 0 ? Text.of("diagnostics.connections.none")
                    : Text.of("diagnostics.connections.allConnected", all));
        }
        return Check.failed(CONNECTIONS, Text.of("diagnostics.connections.notConnected", notConnected.size(), all,
                Text.joined(", ", notConnected)), Text.of("diagnostics.connections.fix"));
    }

    /** Verifies the audit trail's HMAC chain, its signed checkpoints and the database's rules that protect it. */
    private Check auditTrail() {
        try {
            return switch (audit.verify()) {
                case AuditVerification.Intact intact -> Check.passed(AUDIT_LOG, intact.text());
                case AuditVerification.Broken broken -> Check.failed(AUDIT_LOG, broken.text(),
                        Text.of("diagnostics.audit.broken.fix"));
                case AuditVerification.Unprotected unprotected -> Check.failed(AUDIT_LOG,
                        Text.of("diagnostics.audit.unprotected", unprotected.entries(), unprotected.missingJoined()),
                        Text.of("diagnostics.audit.unprotected.fix"));
            };
        } catch (StoreException e) {
            return Check.failed(AUDIT_LOG, e.text(), SUPPORT);
        }
    }

    /**
     * A doctor must report every check, so a check that breaks in a way nobody foresaw becomes its own
     * failed line instead of ending the whole report.
     */
    private static Check guarded(Text name, Supplier<Check> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return Check.failed(name, Text.of("diagnostics.checkFailed", e.toString()), SUPPORT);
        }
    }

    private static Text airbyteFix(AirbyteException.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> Text.of("diagnostics.airbyte.fix.unreachable");
            case TIMEOUT -> Text.of("diagnostics.airbyte.fix.timeout");
            case UNAUTHORIZED -> Text.of("diagnostics.airbyte.fix.unauthorized");
            case NOT_FOUND, BAD_RESPONSE, REJECTED -> Text.of("diagnostics.airbyte.fix.address");
            case SERVER_ERROR -> Text.of("diagnostics.airbyte.fix.serverError");
            case RATE_LIMITED, CONFLICT -> Text.of("diagnostics.airbyte.fix.wait");
            case UNSUPPORTED -> Text.of("diagnostics.airbyte.fix.unsupported");
            case NO_OAUTH_APP, OAUTH_DISABLED -> Text.of("diagnostics.airbyte.fix.oauth");
        };
    }

    /** A duration as the clock check says it: seconds below two minutes, else minutes and seconds. */
    static Text describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 120 ? Text.of("diagnostics.duration.seconds", seconds)
                : Text.of("diagnostics.duration.minutes", duration.toMinutes(), duration.toSecondsPart());
    }
}
