package dev.onramp.oauth;

import dev.onramp.text.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Names the program listening on a local TCP port, where the operating system tells (Linux's /proc). */
final class PortHolders {
    private static final Path PROC = Path.of("/proc");
    private static final String LISTEN = "0A";

    private PortHolders() {}

    /** The port and who holds it, e.g. {@code 8080 (held by "chromium" (process 4242))}; empty when the system does not say. */
    static Optional<Text> describe(int port) {
        try {
            Set<String> inodes = listeningInodes(port);
            if (inodes.isEmpty()) {
                return Optional.empty();
            }
            return holder(inodes).map(pid -> pid == ProcessHandle.current().pid()
                    ? Text.of("oauth.redirect.heldByThisOnramp", port)
                    : Text.of("oauth.redirect.heldBy", port, command(pid), pid));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The socket inodes of /proc/net/tcp and tcp6 lines that listen on {@code port}. */
    private static Set<String> listeningInodes(int port) throws IOException {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("net/tcp", "net/tcp6")) {
            Path file = PROC.resolve(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length > 9 && fields[1].endsWith(hexPort) && LISTEN.equals(fields[3])) {
                    inodes.add(fields[9]);
                }
            }
        }
        return inodes;
    }

    private static Optional<Long> holder(Set<String> inodes) throws IOException {
        try (Stream<Path> processes = Files.list(PROC)) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> ownsOneOf(p, inodes))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst();
        }
    }

    private static boolean ownsOneOf(Path process, Set<String> inodes) {
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String command(long pid) {
        try {
            return Files.readString(PROC.resolve(pid + "/comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
