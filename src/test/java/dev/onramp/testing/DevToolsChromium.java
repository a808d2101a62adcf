package dev.onramp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Headless Chromium driven over the DevTools protocol, for what {@code --dump-dom} cannot do: read
 * the page while it is open, click on it as a person would, and hear which frames navigated where.
 */
public final class DevToolsChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger LAUNCHES = new AtomicInteger();

    private final Process process;
    private final Path log;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Object sending = new Object();
    private final HttpClient http = HttpClient.newHttpClient();
    private WebSocket socket;
    private String session;

    private DevToolsChromium(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code chromium} headless on about:blank with a fresh profile under {@code workDir},
     * certificate errors ignored (the test hosts are self-signed), plus {@code flags}; connects to
     * its one tab and listens to its page and network events.
     */
    public static DevToolsChromium launch(Path chromium, Path workDir, List<String> flags) {
        int launch = LAUNCHES.incrementAndGet();
        DevToolsChromium browser = null;
        try {
            Path profile = Files.createDirectories(workDir.resolve("devtools-profile-" + launch));
            Path log = workDir.resolve("devtools-chromium-" + launch + ".log");
            List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--user-data-dir=" + profile, "--ignore-certificate-errors", "--remote-debugging-port=0",
                    "--window-size=1000,800"));
            command.addAll(flags);
            command.add("about:blank");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(log.toFile())
                    .start();
            browser = new DevToolsChromium(process, log);
            browser.connect(activePort(profile, process, log));
            return browser;
        } catch (IOException e) {
            if (browser != null) {
                browser.close();
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (browser != null) {
                browser.close();
            }
            throw e;
        }
    }

    /** Chromium writes the port and path of its DevTools endpoint to this file once it listens. */
    private static URI activePort(Path profile, Process process, Path log) throws IOException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + " before it listened: "
                        + Files.readString(log));
            }
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
                }
            }
            pause(50);
        }
        throw new IllegalStateException("Chromium did not open its DevTools endpoint within 30 seconds: "
                + Files.readString(log));
    }

    private void connect(URI endpoint) {
        try {
            socket = http.newWebSocketBuilder()
                    .buildAsync(endpoint, new Listener())
                    .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to Chromium's DevTools", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not connect to Chromium's DevTools at " + endpoint, e);
        }
        JsonNode targets = browserCall("Target.getTargets", Map.of()).path("targetInfos");
        String page = null;
        for (JsonNode target : targets) {
            if (target.path("type").asText().equals("page")) {
                page = target.path("targetId").asText();
            }
        }
        if (page == null) {
            throw new IllegalStateException("Chromium has no tab to drive: " + targets);
        }
        session = browserCall("Target.attachToTarget", Map.of("targetId", page, "flatten", true))
                .path("sessionId").asText();
        call("Page.enable", Map.of());
        call("Network.enable", Map.of());
    }

    /** Sends one command to the tab and returns its result; a protocol error is thrown. */
    public JsonNode call(String method, Map<String, ?> params) {
        return send(session, method, params);
    }

    private JsonNode browserCall(String method, Map<String, ?> params) {
        return send(null, method, params);
    }

    private JsonNode send(String sessionId, String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (sending) {
                // A WebSocket takes one message at a time.
                socket.sendText(message.toString(), true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            JsonNode reply = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer from Chromium: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Opens {@code address} in the tab, as typing it into the address bar would. */
    public void open(URI address) {
        JsonNode result = call("Page.navigate", Map.of("url", address.toString()));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("Chromium could not open " + address + ": " + result.get("errorText"));
        }
    }

    /** The value of a JavaScript expression in the tab's top-level document; a promise is awaited. */
    public JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("The page threw on " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /**
     * Waits until {@code expression} is true in the top-level document; evaluations that fail while
     * a navigation replaces the document are tried again.
     */
    public void awaitTrue(String expression, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "never evaluated";
        while (System.nanoTime() < deadline) {
            try {
                JsonNode value = evaluate(expression);
                if (value.asBoolean(false)) {
                    return;
                }
                last = value.toString();
            } catch (IllegalStateException betweenDocuments) {
                last = betweenDocuments.getMessage();
            }
            pause(50);
        }
        throw new AssertionError("Not true within " + timeout + ": " + expression + " (last: " + last
                + "; page: " + describePage() + ")");
    }

    /**
     * Clicks the middle of the element with this id with the left mouse button, as input from the
     * person (a trusted event with user activation), not a script's {@code click()}.
     */
    public void click(String elementId) {
        JsonNode box = evaluate("(() => { const e = document.getElementById(" + JSON.valueToTree(elementId)
                + "); if (!e) return null; const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height}; })()");
        if (box.isNull() || box.path("w").asDouble() <= 0 || box.path("h").asDouble() <= 0) {
            throw new AssertionError("There is no visible #" + elementId + " to click on " + describePage());
        }
        double x = box.path("x").asDouble();
        double y = box.path("y").asDouble();
        call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        call("Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", x, "y", y, "button", "left", "clickCount", 1));
        call("Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", x, "y", y, "button", "left", "clickCount", 1));
    }

    /** The tab's frames: the top-level frame ({@code frame}) and any {@code childFrames} in it. */
    public JsonNode frameTree() {
        return call("Page.getFrameTree", Map.of()).path("frameTree");
    }

    /** The parameters of every event of this kind so far, oldest first. */
    public List<JsonNode> events(String method) {
        return events.stream().filter(event -> event.path("method").asText().equals(method))
                .map(event -> event.path("params")).toList();
    }

    /** Waits for an event of this kind whose parameters match, and returns them. */
    public JsonNode awaitEvent(String method, Predicate<JsonNode> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> found = events(method).stream().filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            pause(20);
        }
        throw new AssertionError("No " + method + " event as expected within " + timeout + "; there were "
                + events(method));
    }

    /** Where the top-level document is and what it says, for failure messages. */
    public String describePage() {
        try {
            return evaluate("location.href + ' → ' + (document.body ? document.body.innerText : '(no body)')").asText();
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Closes the browser, and makes sure its processes are gone. */
    @Override
    public void close() {
        if (socket != null) {
            try {
                browserCall("Browser.close", Map.of());
            } catch (RuntimeException alreadyGone) {
                // Ended below all the same.
            }
            socket.abort();
        }
        http.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Chromium's own messages (stderr), for failure messages. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Chromium", e);
        }
    }

    /** Collects each message's fragments, then hands it to the waiting call or the event list. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> waiting = pending.get(message.get("id").asInt());
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    } else {
                        events.add(message);
                    }
                } catch (IOException e) {
                    events.add(JSON.createObjectNode().put("method", "unreadable").put("text", text));
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
