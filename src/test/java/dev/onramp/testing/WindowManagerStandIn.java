package dev.onramp.testing;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Does what a window manager's close button does on a display with no window manager: finds a
 * shown window by its title ({@code xdotool}) and sends it {@code WM_DELETE_WINDOW} through Xlib.
 */
// Calling Xlib is the native access this class is for; the test JVMs enable it.
@SuppressWarnings("restricted")
public final class WindowManagerStandIn {
    /** {@code ClientMessage} in X.h. */
    private static final int CLIENT_MESSAGE = 33;
    /** {@code sizeof(XEvent)} on 64-bit Linux: a union padded to 24 longs. */
    private static final long EVENT_SIZE = 24 * Long.BYTES;

    private final String display;

    private WindowManagerStandIn(String display) {
        this.display = display;
    }

    /** For windows on {@code display}; skips the test where xdotool is missing, fails it on CI. */
    public static WindowManagerStandIn on(PrivateDisplay display) {
        RequiredTool.require("xdotool", "xdotool");
        return new WindowManagerStandIn(display.name());
    }

    /** Waits for a shown window titled exactly {@code title} (no regex characters) and asks it to close. */
    public void close(String title, Duration timeout) throws IOException, InterruptedException {
        long window = shownWindow(title, timeout);
        try {
            sendDeleteWindow(window);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Xlib failed", e);
        }
    }

    private void sendDeleteWindow(long window) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            SymbolLookup x11 = SymbolLookup.libraryLookup("libX11.so.6", arena);
            MethodHandle open = linker.downcallHandle(x11.findOrThrow("XOpenDisplay"),
                    FunctionDescriptor.of(ADDRESS, ADDRESS));
            MethodHandle atom = linker.downcallHandle(x11.findOrThrow("XInternAtom"),
                    FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_INT));
            MethodHandle send = linker.downcallHandle(x11.findOrThrow("XSendEvent"),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS));
            MethodHandle flush = linker.downcallHandle(x11.findOrThrow("XFlush"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
            MethodHandle shut = linker.downcallHandle(x11.findOrThrow("XCloseDisplay"),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS));

            MemorySegment connection = (MemorySegment) open.invokeExact(arena.allocateFrom(display));
            assertThat(connection.address()).as("an Xlib connection to " + display).isNotZero();
            try {
                long protocols = (long) atom.invokeExact(connection, arena.allocateFrom("WM_PROTOCOLS"), 0);
                long delete = (long) atom.invokeExact(connection, arena.allocateFrom("WM_DELETE_WINDOW"), 0);
                // XClientMessageEvent: type, serial, send_event, display, window, message_type, format, data.l[5].
                MemorySegment event = arena.allocate(EVENT_SIZE, Long.BYTES);
                event.set(JAVA_INT, 0, CLIENT_MESSAGE);
                event.set(JAVA_LONG, 32, window);
                event.set(JAVA_LONG, 40, protocols);
                event.set(JAVA_INT, 48, 32);
                event.set(JAVA_LONG, 56, delete);
                int sent = (int) send.invokeExact(connection, window, 0, 0L, event);
                assertThat(sent).as("XSendEvent's answer").isNotZero();
                flush.invoke(connection);
            } finally {
                shut.invoke(connection);
            }
        }
    }

    private long shownWindow(String title, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> found = search(title);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No window titled " + title + " was shown within " + timeout);
    }

    private Optional<Long> search(String title) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("xdotool", "search", "--onlyvisible", "--name",
                "^" + title + "$").redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", display);
        Process xdotool = builder.start();
        String out = new String(xdotool.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        xdotool.waitFor(10, TimeUnit.SECONDS);
        List<String> ids = out.lines().filter(line -> !line.isBlank()).toList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(ids.getFirst().strip()));
    }
}
