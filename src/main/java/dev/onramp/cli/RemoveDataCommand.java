package dev.onramp.cli;

import dev.onramp.store.DataRemoval;
import dev.onramp.store.DataRemoval.Plan;
import dev.onramp.store.DataRemoval.Removal;
import dev.onramp.text.Messages;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code onramp remove-data}: removes the data folder and its key in the system's key store, once confirmed. */
@Command(name = "remove-data", mixinStandardHelpOptions = true)
final class RemoveDataCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Option(names = "--yes")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter out = root.env().out();
        Messages messages = root.messages();
        DataRemoval removal = DataRemoval.forThisSystem(root.dataDir());
        Plan plan = removal.plan();
        if (plan.nothingToRemove()) {
            out.println(messages.get("cli.removeData.nothing", plan.folder().toString()));
            out.flush();
            return 0;
        }
        describe(plan, out, messages);
        if (!yes) {
            Optional<String> answer = root.env().lines().ask(messages.get("cli.removeData.ask"));
            if (answer.isEmpty()) {
                PrintWriter err = root.env().err();
                err.println("onramp: " + messages.get("cli.removeData.noTerminal"));
                err.flush();
                return OnrampCommand.FAILED;
            }
            if (!Answers.typedYes(messages, answer.get())) {
                out.println(messages.get("cli.removeData.notRemoved"));
                out.flush();
                return OnrampCommand.CANCELLED;
            }
        }
        Removal removed = removal.remove();
        out.println(messages.get("cli.removeData.removed", removed.folder().toString(), size(removed.bytes(), messages)));
        out.println(messages.render(removed.keyText()));
        out.println(messages.get("cli.removeData.onlyRecord"));
        out.flush();
        return 0;
    }

    private static void describe(Plan plan, PrintWriter out, Messages messages) {
        out.println(messages.get("cli.removeData.plan"));
        if (plan.folderPresent()) {
            out.println("  " + messages.get("cli.removeData.folder", plan.folder().toString(),
                    size(plan.bytes(), messages) + contents(plan, messages)));
        }
        plan.unfinished().ifPresent(tombstone -> out.println("  " + messages.get("cli.removeData.unfinished",
                tombstone.toString())));
        out.println("  " + messages.render(plan.keyText()));
        out.flush();
    }

    private static String contents(Plan plan, Messages messages) {
        OptionalLong businesses = plan.businesses();
        OptionalLong connections = plan.connections();
        return (businesses.isEmpty() ? "" : messages.get("cli.removeData.businesses", businesses.getAsLong()))
                + (connections.isEmpty() ? "" : messages.get("cli.removeData.connections", connections.getAsLong()));
    }

    /** Bytes in the decimal units file managers show, e.g. "2.4 MB", in English. */
    static String size(long bytes) {
        return size(bytes, Messages.english());
    }

    /** Bytes in the decimal units file managers show, with the language's decimal mark, e.g. "2,4 MB" in German. */
    static String size(long bytes, Messages messages) {
        if (bytes < 1000) {
            return messages.get("cli.removeData.bytes", bytes);
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(messages.locale(), "%.1f %s", value, units[unit]);
    }
}
