package dev.onramp;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Where the built-in simulator of the Onramp that owns a data folder listens, kept in the folder so
 * that a command reading that folder beside it asks the same simulator (docs/adr/0029).
 */
final class SimulatorAddress {
    static final String FILE_NAME = "onramp-simulator.address";

    private final Path file;

    SimulatorAddress(Path simulatorFolder) {
        this.file = simulatorFolder.resolve(FILE_NAME);
    }

    /**
     * Writes {@code apiBase} at once (a reader never sees half of it) and returns what removes it again;
     * a file that cannot be written (a full disk) is logged and left out.
     */
    AutoCloseable publish(URI apiBase) {
        try {
            Files.createDirectories(file.getParent());
            Path next = Files.createTempFile(file.getParent(), "onramp-simulator-address-", ".tmp");
            Files.writeString(next, apiBase.toString(), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Onramp works on; a command run beside it then runs a simulator of its own on the same sources.
            LoggerFactory.getLogger(SimulatorAddress.class).warn("Onramp could not note where its built-in simulator"
                    + " listens in {}: {}", file, e.toString());
            return () -> { };
        }
        return () -> Files.deleteIfExists(file);
    }

    /** The address the owner published, if it runs the simulator now. */
    Optional<URI> read() {
        try {
            return Optional.of(URI.create(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
