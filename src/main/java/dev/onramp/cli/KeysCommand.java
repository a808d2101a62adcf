package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.store.KeyRotation.RotationReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code onramp keys rotate}: manages the key that encrypts the stored secrets. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manages the key that encrypts the stored secrets.",
        subcommands = {KeysCommand.Rotate.class})
final class KeysCommand {
    @ParentCommand
    OnrampCommand root;

    /** Adds a primary key and re-encrypts every secret under it, or finishes a rotation an earlier run began. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Adds a new encryption key, makes it primary and re-encrypts every stored secret under"
                    + " it. A rotation an earlier run did not finish is continued instead.")
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "100",
                description = "Secrets re-encrypted per transaction (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Override
        public Integer call() {
            PrintWriter out = keys.root.env().out();
            try (AppContext app = keys.root.openApp(url -> false, Duration.ofMinutes(5))) {
                app.keyRotation().unfinished().ifPresent(earlier -> out.printf(
                        "Continuing the key rotation started %s (%s re-encrypted before it stopped).%n",
                        earlier.startedAt(), secrets(earlier.reencrypted())));
                out.flush();
                RotationReport report = app.keyRotation().rotate(batchSize, progress -> {
                    out.printf("Re-encrypted %s so far%s%n", secrets(progress.reencrypted()),
                            progress.finished() ? "." : "…");
                    out.flush();
                });
                int older = report.keyCount() - 1;
                out.printf("Key %s is the primary key. Re-encrypted %s in this run, %d in all. Onramp keeps %d older"
                        + " key%s so that backups still open.%n", Integer.toUnsignedString(report.primaryKeyId()),
                        secrets(report.reencryptedNow()), report.reencryptedInAll(), older, older == 1 ? "" : "s");
                out.flush();
                return 0;
            }
        }

        private static String secrets(long count) {
            return count + (count == 1 ? " secret" : " secrets");
        }
    }
}
