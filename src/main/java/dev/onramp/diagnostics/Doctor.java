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

    private static final String SUPPORT = "Send a support bundle (onramp support-bundle) to support.";

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
        checks.add(guarded("Airbyte", this::airbyte));
        checks.add(guarded("Clock", this::clockSkew));
        checks.add(guarded(BrowserCheck.NAME, browser::run));
        checks.add(guarded("Loopback", this::loopback));
        checks.add(guarded("Key store", this::keyStore));
        checks.add(guarded("Database", this::database));
        checks.add(guarded("Audit log", this::auditTrail));
        checks.add(guarded("Connections", this::connections));
        return new DoctorReport(checks);
    }

    /** The report when Onramp could not even start: the reason, and the checks that need no database or Airbyte. */
    public static DoctorReport withoutApp(String whyNot, BrowserCheck browser) {
        return new DoctorReport(List.of(
                Check.failed("Start", whyNot, "Follow the advice in the message, then run onramp doctor again."),
                guarded(BrowserCheck.NAME, browser::run),
                guarded("Loopback", () -> loopback(RedirectSettings.DEFAULT))));
    }

    /**
     * A sentence for the window when the key is in a file because the system's key store did not answer;
     * empty when it is in the key store. Does not block.
     */
    public Optional<String> keyStoreNotice() {
        return kek.fallbackReason().map(reason -> "The key that protects saved secrets is in a file only you can"
                + " read, not in the system's key store. " + reason);
    }

    /** Once, when this run made a new key file because the system's key store did not answer: one sentence. */
    public Optional<String> newKeyFileNotice() {
        return kek.firstUseNotice();
    }

    private Check airbyte() {
        try {
            List<Workspace> workspaces = gateway.listWorkspaces();
            if (workspaces.isEmpty()) {
                return Check.failed("Airbyte", gateway.baseUrl() + " answers but has no workspace.",
                        "Create a workspace in Airbyte's web app, then run onramp doctor again.");
            }
            return Check.passed("Airbyte", gateway.baseUrl() + " answers and accepts Onramp's requests ("
                    + count(workspaces.size(), "workspace") + ": " + workspaces.stream().map(Workspace::name)
                    .collect(Collectors.joining(", ")) + ").");
        } catch (AirbyteException e) {
            return Check.failed("Airbyte", e.getMessage(), airbyteFix(e.kind()));
        }
    }

    private Check clockSkew() {
        Instant before = clock.instant();
        Optional<Instant> server;
        try {
            server = gateway.serverTime();
        } catch (AirbyteException e) {
            return Check.failed("Clock", "not compared: Airbyte did not answer.",
                    "Make Airbyte answer first (see the Airbyte line), then run onramp doctor again.");
        }
        if (server.isEmpty()) {
            return Check.passed("Clock", "not compared: Airbyte's answer carries no Date header.");
        }
        Instant after = clock.instant();
        Instant here = before.plus(Duration.between(before, after).dividedBy(2));
        // The Date header counts whole seconds, so up to a second of difference is no skew at all.
        Duration skew = Duration.between(server.get(), here);
        if (skew.abs().compareTo(MAX_SKEW) > 0) {
            return Check.failed("Clock", "this computer's clock is " + describe(skew.abs()) + (skew.isNegative()
                    ? " behind" : " ahead of") + " Airbyte's.",
                    "Turn on automatic date and time (network time) in the system settings of this computer"
                            + " or of Airbyte's server, then run onramp doctor again.");
        }
        return Check.passed("Clock", "within " + describe(skew.abs().plusSeconds(1)) + " of Airbyte's.");
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
            String taken = !settings.anyPort() && uri.getPort() != settings.firstPort()
                    ? " Port " + settings.firstPort() + (uri.getPort() - settings.firstPort() > 1 ? " and the next are"
                            : " is") + " in use, so a sign-in now would take this one."
                    : "";
            return Check.passed("Loopback", "Onramp can listen for the sign-in redirect at " + uri + "." + taken);
        } catch (RedirectPortsBusyException e) {
            return Check.failed("Loopback", e.getMessage(), "Close the program that holds a redirect port, or choose"
                    + " any free port: onramp settings redirect --all-businesses --port any.");
        } catch (UncheckedIOException e) {
            return Check.failed("Loopback", e.getMessage(),
                    "Allow Onramp to accept connections from this computer (127.0.0.1) in the firewall or"
                            + " security software.");
        }
    }

    private Check keyStore() {
        try {
            kek.keyEncryptionKey();
        } catch (StoreException e) {
            return Check.failed("Key store", e.getMessage(), SUPPORT);
        }
        String note = kek instanceof FileKekStore
                ? " Note: no system key store is in use, so the key is only as safe as this user's files." + kek
                        .fallbackReason().map(reason -> " Why: " + reason + " Once the system's key store answers,"
                                + " Onramp moves the key into it at the next start.").orElse("")
                : "";
        return Check.passed("Key store", kek.description() + "; the key opens." + note);
    }

    private Check database() {
        try {
            Map<String, Long> rows = db.rowCounts();
            return Check.passed("Database", db.file() + " reads cleanly (" + rows.entrySet().stream()
                    .map(table -> table.getKey() + " " + table.getValue())
                    .collect(Collectors.joining(", ")) + " rows).");
        } catch (StoreException e) {
            return Check.failed("Database", e.getMessage(), "Close Onramp, keep a copy of " + db.file()
                    + " and send a support bundle (onramp support-bundle) to support.");
        }
    }

    /**
     * Lists the stored connections whose last check (or connect) did not leave them connected, from
     * what is stored: it asks no Airbyte, {@code onramp check} does.
     */
    private Check connections() {
        List<String> notConnected = new ArrayList<>();
        int all = 0;
        for (Tenant tenant : tenants.list()) {
            for (Connection connection : connections.list(tenant.id())) {
                if (connection.status() == ConnectionStatus.DISCONNECTED) {
                    continue;
                }
                all++;
                if (connection.status() != ConnectionStatus.ACTIVE) {
                    notConnected.add(tenant.name() + "'s " + connection.providerId() + " ("
                            + connection.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
                }
            }
        }
        if (notConnected.isEmpty()) {
            return Check.passed("Connections", all == 0 ? "none stored yet."
                    : all + (all == 1 ? " connection is" : " connections are") + " connected as last checked.");
        }
        return Check.failed("Connections", notConnected.size() + " of " + all + " not connected as last checked: "
                + String.join(", ", notConnected) + ".", "Run onramp check for Airbyte's reasons, then reconnect or"
                + " connect again each one it names.");
    }

    /** Verifies the audit trail's HMAC chain, its signed checkpoints and the database's rules that protect it. */
    private Check auditTrail() {
        try {
            return switch (audit.verify()) {
                case AuditVerification.Intact intact -> Check.passed("Audit log", intact.message());
                case AuditVerification.Broken broken -> Check.failed("Audit log", broken.message(),
                        "Keep this data folder as it is for an investigation, run onramp audit export, and contact support.");
                case AuditVerification.Unprotected unprotected -> Check.failed("Audit log",
                        "The database no longer refuses changes to the audit trail's " + count(unprotected.entries(),
                                "entry", "entries") + ": " + String.join("; ", unprotected.missing()) + ".",
                        "Keep this data folder as it is, run onramp audit export, and send a support bundle"
                                + " (onramp support-bundle) to support, who can restore the protection.");
            };
        } catch (StoreException e) {
            return Check.failed("Audit log", e.getMessage(), SUPPORT);
        }
    }

    /**
     * A doctor must report every check, so a check that breaks in a way nobody foresaw becomes its own
     * failed line instead of ending the whole report.
     */
    private static Check guarded(String name, Supplier<Check> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return Check.failed(name, "the check itself failed: " + e, SUPPORT);
        }
    }

    private static String airbyteFix(AirbyteException.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> "Start Airbyte, or give its address with --airbyte-url (without it Onramp uses its"
                    + " built-in simulator).";
            case TIMEOUT -> "Check that Airbyte is not overloaded and that no proxy or VPN slows the connection.";
            case UNAUTHORIZED -> "Give Onramp access to this Airbyte (check its access settings), then run onramp"
                    + " doctor again.";
            case NOT_FOUND, BAD_RESPONSE, REJECTED -> "Check that --airbyte-url points at Airbyte 1.0 or later, e.g."
                    + " http://localhost:8000.";
            case SERVER_ERROR -> "Look at Airbyte's server logs and restart the failing service.";
            case RATE_LIMITED, CONFLICT -> "Wait a minute, then run onramp doctor again.";
            case UNSUPPORTED -> "Nothing to fix: this Airbyte does not offer that check.";
            case NO_OAUTH_APP, OAUTH_DISABLED -> "Ask the Airbyte's operator to set up OAuth for the connector.";
        };
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 120 ? seconds + " s" : duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }

    private static String count(long n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
