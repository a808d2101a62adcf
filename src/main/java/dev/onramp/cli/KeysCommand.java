package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.store.KeyRotation.RotationReport;
import dev.onramp.store.KeyRotation.UnreadableSecret;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code onramp keys rotate}: manages the key that encrypts the stored secrets. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        subcommands = {KeysCommand.Rotate.class})
final class KeysCommand {
    @ParentCommand
    OnrampCommand root;

    /** Adds a primary key and re-encrypts every secret under it, or finishes a rotation an earlier run began. */
    @Command(name = "rotate", mixinStandardHelpOptions = true)
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "100")
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
                if (!report.complete()) {
                    unfinished(report.unreadable(), keys.root.env().err());
                    return OnrampCommand.FAILED;
                }
                return 0;
            }
        }

        /** Names each connection whose secret could not be read, with the command that removes it. */
        private static void unfinished(List<UnreadableSecret> unreadable, PrintWriter err) {
            int count = unreadable.size();
            err.printf("onramp: The key rotation is not finished: the secret%s of %s could not be decrypted (%s"
                    + " altered or moved from another row) and %s left under the old key:%n",
                    count == 1 ? "" : "s", count == 1 ? "one connection" : count + " connections",
                    count == 1 ? "it was" : "they were", count == 1 ? "was" : "were");
            for (UnreadableSecret secret : unreadable) {
                err.printf("  %s: remove it from Onramp with: %s%n", capitalized(secret.description()), secret.removal());
            }
            err.printf("Removing needs no secret, and the source stays in Airbyte. Then run onramp keys rotate again,"
                    + " which finishes this rotation; connect the account anew afterwards if it is still needed.%n");
            err.flush();
        }

        private static String capitalized(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        private static String secrets(long count) {
            return count + (count == 1 ? " secret" : " secrets");
        }
    }
}
