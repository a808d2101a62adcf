package dev.onramp.demo;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure the simulator plays instead of (or, for {@link Kind#SLOW}, before; for {@link Kind#LATE} and
 * {@link Kind#DROP}, after doing the call) its normal answer,
 * for the next {@code calls} API calls that match {@code target}: {@code ""} for any call,
 * {@code "/v1/streams"} for one path, {@code "POST /v1/sources"} for one method and path, and a
 * trailing {@code *} for a path prefix ({@code "DELETE /v1/sources/*"}). A {@linkplain Kind#check() check
 * fault} is played only by the calls that test a source, and its target may also be a source id.
 */
public record Fault(Kind kind, Duration duration, int calls, String target) {
    /** What the simulator does. */
    public enum Kind {
        /** 429 with {@code Retry-After: <duration in seconds>}. */
        TOO_MANY_REQUESTS(429),
        /** 429 without {@code Retry-After}, as Airbyte Cloud sometimes sends it. */
        TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER(429),
        /** 500 with Airbyte's error body. */
        SERVER_ERROR(500),
        /** 502 with a proxy's HTML page. */
        BAD_GATEWAY(502),
        /** 503: Airbyte's service-unavailable problem on the public API, a proxy's page on the Config API. */
        SERVICE_UNAVAILABLE(503),
        /** 504 with a proxy's HTML page. */
        GATEWAY_TIMEOUT(504),
        /** Waits {@code duration}, then answers normally. */
        SLOW(200),
        /**
         * Does the call at once (a create makes its source), then waits {@code duration} before answering:
         * a client that gives up meanwhile never hears what was done.
         */
        LATE(200),
        /** Does the call, then closes the connection without an answer, as a connection reset after sending. */
        DROP(0),
        /** 200 with a body cut off in the middle of its JSON. */
        MALFORMED_JSON(200),
        /** 401 as for an expired bearer token; only calls that need a token count. */
        EXPIRED_TOKEN(401),
        /**
         * The source's test fails because the provider refused its sign-in (an expired or revoked token):
         * the Config API's {@code sources/check_connection} answers 200 with status {@code failed}, Cloud's
         * {@code GET /v1/streams?ignoreCache=true} the problem Airbyte Cloud sends for a failed discover.
         */
        CHECK_AUTH(200),
        /** As {@link #CHECK_AUTH}, for another reason: the provider's API failing (HTTP 500). */
        CHECK_FAIL(200);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** True for the faults only a source's test plays (its answer says the source failed). */
        public boolean check() {
            return this == CHECK_AUTH || this == CHECK_FAIL;
        }
    }

    private static final Pattern SPEC = Pattern.compile(
            "(?<kind>[a-z0-9-]+)(?:=(?<duration>[0-9.]+m?s|[0-9]+))?(?::(?<calls>[0-9]+))?(?:@(?<target>.+))?");

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(target, "target");
        if (calls < 1) {
            throw new IllegalArgumentException("A fault must be armed for at least one call, not " + calls);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A fault's duration cannot be negative: " + duration);
        }
    }

    /** 429 asking the client to wait {@code retryAfter} (whole seconds). */
    public static Fault tooManyRequests(Duration retryAfter) {
        return new Fault(Kind.TOO_MANY_REQUESTS, retryAfter, 1, "");
    }

    /** 429 without saying how long to wait. */
    public static Fault tooManyRequests() {
        return new Fault(Kind.TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER, Duration.ZERO, 1, "");
    }

    /** 500, 502, 503 or 504. */
    public static Fault serverError(int status) {
        Kind kind = switch (status) {
            case 500 -> Kind.SERVER_ERROR;
            case 502 -> Kind.BAD_GATEWAY;
            case 503 -> Kind.SERVICE_UNAVAILABLE;
            case 504 -> Kind.GATEWAY_TIMEOUT;
            default -> throw new IllegalArgumentException("The simulator plays 500, 502, 503 or 504, not " + status);
        };
        return new Fault(kind, Duration.ZERO, 1, "");
    }

    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, delay, 1, "");
    }

    /** Does the call, then answers only after {@code delay}. */
    public static Fault late(Duration delay) {
        return new Fault(Kind.LATE, delay, 1, "");
    }

    /** Does the call, then closes the connection without answering. */
    public static Fault dropAnswer() {
        return new Fault(Kind.DROP, Duration.ZERO, 1, "");
    }

    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, Duration.ZERO, 1, "");
    }

    public static Fault expiredToken() {
        return new Fault(Kind.EXPIRED_TOKEN, Duration.ZERO, 1, "");
    }

    /** The next test of a source fails because the provider refused its sign-in. */
    public static Fault checkAuthorization() {
        return new Fault(Kind.CHECK_AUTH, Duration.ZERO, 1, "");
    }

    /** The next test of a source fails for another reason than its sign-in: the provider's API failing. */
    public static Fault checkFailure() {
        return new Fault(Kind.CHECK_FAIL, Duration.ZERO, 1, "");
    }

    /** The same fault for the next {@code count} matching calls. */
    public Fault times(int count) {
        return new Fault(kind, duration, count, target);
    }

    /** The same fault for calls to {@code callTarget} only, or for a check fault the source of that id (see the class comment). */
    public Fault on(String callTarget) {
        return new Fault(kind, duration, calls, callTarget);
    }

    /**
     * Reads {@code KIND[=DURATION][:CALLS][@TARGET]} as {@code demo-server --fault} takes it: kinds
     * {@code 429} (with {@code =SECONDS}, default 1), {@code 429-bare}, {@code 500}, {@code 502},
     * {@code 503}, {@code 504}, {@code slow} (with {@code =2s} or {@code =500ms}, default 5 s; waits, then
     * does the call), {@code late} (likewise, but does the call first, then waits to answer), {@code drop}
     * (does the call, then closes the connection unanswered), {@code malformed},
     * {@code expired-token}, and the check faults {@code check-auth} and {@code check-fail}, whose target
     * may be a source id; e.g. {@code 503:2@/v1/workspaces}, {@code check-auth:3@<source id>}.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static Fault parse(String spec) {
        Matcher m = SPEC.matcher(spec.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + spec + "\" is not a fault: write KIND[=DURATION][:CALLS][@TARGET],"
                    + " e.g. 429=2:3 or slow=5s@/v1/streams");
        }
        String duration = m.group("duration");
        Fault fault = switch (m.group("kind")) {
            case "429" -> tooManyRequests(duration == null ? Duration.ofSeconds(1) : duration(duration));
            case "429-bare" -> tooManyRequests();
            case "500", "502", "503", "504" -> serverError(Integer.parseInt(m.group("kind")));
            case "slow" -> slow(duration == null ? Duration.ofSeconds(5) : duration(duration));
            case "late" -> late(duration == null ? Duration.ofSeconds(5) : duration(duration));
            case "drop" -> dropAnswer();
            case "malformed" -> malformedJson();
            case "expired-token" -> expiredToken();
            case "check-auth" -> checkAuthorization();
            case "check-fail" -> checkFailure();
            default -> throw new IllegalArgumentException("\"" + m.group("kind") + "\" is not a fault the simulator knows:"
                    + " use 429, 429-bare, 500, 502, 503, 504, slow, late, drop, malformed, expired-token,"
                    + " check-auth or check-fail");
        };
        if (m.group("calls") != null) {
            fault = fault.times(Integer.parseInt(m.group("calls")));
        }
        // The target keeps its case: paths such as /v1/sources/initiateOAuth are case-sensitive.
        if (m.group("target") != null) {
            String original = spec.strip();
            fault = fault.on(original.substring(original.indexOf('@') + 1).strip());
        }
        return fault;
    }

    private static Duration duration(String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            }
            return Duration.ofSeconds(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration: write 2, 2s or 500ms", e);
        }
    }

    /** Whether a call to {@code method path} is one this fault is for; a check fault is for no call here. */
    boolean matches(String method, String path) {
        if (kind.check()) {
            return false;
        }
        return matchesPath(method, path);
    }

    /**
     * Whether this check fault is for a test of the source {@code sourceId} by the call {@code method path}:
     * any test when it has no target, those of that source when its target is a source id, and those by
     * that call when its target is a path.
     */
    boolean matchesCheck(String method, String path, String sourceId) {
        if (!kind.check()) {
            return false;
        }
        boolean pathTarget = target.startsWith("/") || target.contains(" ");
        return pathTarget ? matchesPath(method, path) : target.isEmpty() || target.equals(sourceId);
    }

    private boolean matchesPath(String method, String path) {
        if (target.isEmpty()) {
            return true;
        }
        int space = target.indexOf(' ');
        String wantedMethod = space < 0 ? "" : target.substring(0, space);
        String wantedPath = space < 0 ? target : target.substring(space + 1).strip();
        if (!wantedMethod.isEmpty() && !wantedMethod.equalsIgnoreCase(method)) {
            return false;
        }
        return wantedPath.endsWith("*") ? path.startsWith(wantedPath.substring(0, wantedPath.length() - 1)) : path.equals(wantedPath);
    }
}
