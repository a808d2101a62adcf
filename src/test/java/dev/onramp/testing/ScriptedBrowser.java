package dev.onramp.testing;

import dev.onramp.oauth.BrowserLauncher;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stand-in for the person at the browser: opens the consent page, presses Allow or Deny in its
 * form, and follows the redirects to the app's loopback receiver, all in the background
 * so that {@link #open} returns at once like a real browser launch.
 */
public final class ScriptedBrowser implements BrowserLauncher {
    /** The button the person presses. */
    public enum Decision {
        ALLOW,
        DENY
    }

    /**
     * One finished visit: where the provider redirected to, and the status and page the redirect
     * target (the app) answered with.
     */
    public record Visit(URI consentUrl, URI redirectTarget, int finalStatus, String finalBody) {}

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUTTON = Pattern.compile("<button\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    private static final int MAX_REDIRECTS = 5;

    private final Decision decision;
    private final Duration stepTimeout;
    private final UnaryOperator<URI> pageScripts;
    private final HttpClient http;
    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Visit> firstVisit = new CompletableFuture<>();

    public ScriptedBrowser(Decision decision) {
        this(decision, Duration.ofSeconds(10));
    }

    /** {@code stepTimeout} bounds each HTTP request the browser makes. */
    public ScriptedBrowser(Decision decision, Duration stepTimeout) {
        this(decision, stepTimeout, UnaryOperator.identity());
    }

    /**
     * {@code pageScripts} stands in for the script of a page a redirect lands on: given the page's
     * address, it returns where the script sends the browser next (or the same address to stay).
     */
    public ScriptedBrowser(Decision decision, Duration stepTimeout, UnaryOperator<URI> pageScripts) {
        this.decision = decision;
        this.stepTimeout = stepTimeout;
        this.pageScripts = pageScripts;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(stepTimeout)
                .build();
    }

    /** Starts the visit in the background and returns true, as a browser that opened would. */
    @Override
    public boolean open(URI url) {
        opened.add(url);
        CompletableFuture<Visit> visit = visit(url);
        if (opened.size() == 1) {
            visit.whenComplete((done, failure) -> {
                if (failure != null) {
                    firstVisit.completeExceptionally(unwrap(failure));
                } else {
                    firstVisit.complete(done);
                }
            });
        }
        return true;
    }

    /** The visit the first {@link #open} started; fails with the step that went wrong. */
    public CompletableFuture<Visit> firstVisit() {
        return firstVisit;
    }

    /** Waits for the first visit to finish, failing the test when it failed or took too long. */
    public Visit awaitVisit(Duration timeout) {
        try {
            return firstVisit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("The scripted browser failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError(opened.isEmpty()
                    ? "Nobody opened the scripted browser within " + timeout
                    : "The scripted browser's visit did not finish within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the scripted browser", e);
        }
    }

    public List<URI> openedUrls() {
        return List.copyOf(opened);
    }

    private CompletableFuture<Visit> visit(URI consentUrl) {
        return send(HttpRequest.newBuilder(consentUrl).GET())
                .thenCompose(page -> {
                    expectStatus(page, 200, "The consent page");
                    ConsentForm form = ConsentForm.parse(page.body(), consentUrl, decision);
                    return send(HttpRequest.newBuilder(form.action())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form.encoded())));
                })
                .thenCompose(decided -> {
                    if (!isRedirect(decided)) {
                        throw new IllegalStateException("Pressing " + decision + " answered HTTP " + decided.statusCode()
                                + " instead of a redirect: " + snippet(decided.body()));
                    }
                    return follow(consentUrl, decided, 1);
                });
    }

    /** Follows redirects (and page scripts) to the page that stays, the app's answer. */
    private CompletableFuture<Visit> follow(URI consentUrl, HttpResponse<String> redirect, int hops) {
        URI location = redirect.uri().resolve(redirect.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("The redirect after " + decision + " has no Location")));
        URI target = pageScripts.apply(location);
        return send(HttpRequest.newBuilder(target).GET()).thenCompose(landing -> isRedirect(landing) && hops < MAX_REDIRECTS
                ? follow(consentUrl, landing, hops + 1)
                : CompletableFuture.completedFuture(new Visit(consentUrl, target, landing.statusCode(), landing.body())));
    }

    private static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() == 302 || response.statusCode() == 303;
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
        return http.sendAsync(request.timeout(stepTimeout).build(), BodyHandlers.ofString());
    }

    private static void expectStatus(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered HTTP " + response.statusCode() + ": " + snippet(response.body()));
        }
    }

    private static String snippet(String body) {
        String text = body.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The consent page's one form, with the fields a browser would send for the chosen button. */
    private record ConsentForm(URI action, Map<String, String> fields) {
        static ConsentForm parse(String html, URI page, Decision decision) {
            Matcher form = FORM.matcher(html);
            if (!form.find()) {
                throw new IllegalStateException("The consent page has no form: " + snippet(html));
            }
            Map<String, String> formAttributes = attributes(form.group(1));
            if (!formAttributes.getOrDefault("method", "get").equalsIgnoreCase("post")) {
                throw new IllegalStateException("The consent form does not POST");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                Map<String, String> attributes = attributes(input.group(1));
                if (attributes.containsKey("name")) {
                    fields.put(attributes.get("name"), attributes.getOrDefault("value", ""));
                }
            }
            List<Map<String, String>> buttons = new ArrayList<>();
            Matcher button = BUTTON.matcher(form.group(2));
            while (button.find()) {
                buttons.add(attributes(button.group(1)));
            }
            String wanted = decision.name().toLowerCase(Locale.ROOT);
            Map<String, String> pressed = buttons.stream()
                    .filter(b -> wanted.equalsIgnoreCase(b.get("value")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The consent form has no " + decision + " button"));
            if (pressed.containsKey("name")) {
                fields.put(pressed.get("name"), pressed.get("value"));
            }
            return new ConsentForm(page.resolve(formAttributes.getOrDefault("action", "")), fields);
        }

        String encoded() {
            return fields.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
        }

        private static Map<String, String> attributes(String tag) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(tag);
            while (attribute.find()) {
                String value = attribute.group(2) != null ? attribute.group(2) : attribute.group(3);
                attributes.put(attribute.group(1).toLowerCase(Locale.ROOT), unescape(value));
            }
            return attributes;
        }

        private static String unescape(String text) {
            return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&");
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
