package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.store.KeyRotation.RotationReport;
import dev.onramp.store.KeyRotation.UnreadableSecret;
import dev.onramp.text.Messages;
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
            Messages messages = keys.root.messages();
            try (AppContext app = keys.root.openApp(url -> false, Duration.ofMinutes(5))) {
                // The start stays an ISO-8601 instant in every language, as it was printed before.
                app.keyRotation().unfinished().ifPresent(earlier -> out.println(messages.get(
                        "cli.keys.rotate.continuing", earlier.startedAt().toString(), earlier.reencrypted())));
                out.flush();
                RotationReport report = app.keyRotation().rotate(batchSize, progress -> {
                    out.println(progress.finished()
                            ? messages.get("cli.keys.rotate.progressFinished", progress.reencrypted())
                            : messages.get("cli.keys.rotate.progress", progress.reencrypted()));
                    out.flush();
                });
                out.println(messages.get("cli.keys.rotate.done", Integer.toUnsignedString(report.primaryKeyId()),
                        report.reencryptedNow(), report.reencryptedInAll(), report.keyCount() - 1));
                out.flush();
                if (!report.complete()) {
                    unfinished(report.unreadable(), keys.root.env().err(), messages);
                    return OnrampCommand.FAILED;
                }
                return 0;
            }
        }

        /** Names each connection whose secret could not be read, with the command that removes it. */
        private static void unfinished(List<UnreadableSecret> unreadable, PrintWriter err, Messages messages) {
            err.println("onramp: " + messages.get("cli.keys.rotate.unfinished", unreadable.size()));
            for (UnreadableSecret secret : unreadable) {
                String connection = secret.account()
                        .map(label -> messages.get("cli.keys.rotate.connectionWithAccount", secret.provider(), label,
                                secret.business()))
                        .orElseGet(() -> messages.get("cli.keys.rotate.connection", secret.provider(),
                                secret.business()));
                err.println("  " + messages.get("cli.keys.rotate.removeIt", connection, secret.removal()));
            }
            err.println(messages.get("cli.keys.rotate.thenAgain"));
            err.flush();
        }
    }
}
