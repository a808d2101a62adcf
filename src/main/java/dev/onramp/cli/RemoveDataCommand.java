package dev.onramp.cli;

import dev.onramp.store.DataRemoval;
import dev.onramp.store.DataRemoval.Plan;
import dev.onramp.store.DataRemoval.Removal;
import java.io.PrintWriter;
import java.util.Locale;
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
        DataRemoval removal = DataRemoval.forThisSystem(root.dataDir());
        Plan plan = removal.plan();
        if (plan.nothingToRemove()) {
            out.println("There is no Onramp data in " + plan.folder() + ": nothing to remove.");
            out.flush();
            return 0;
        }
        describe(plan, out);
        if (!yes) {
            Optional<String> answer = root.env().lines().ask("Type yes to remove it: ");
            if (answer.isEmpty()) {
                PrintWriter err = root.env().err();
                err.println("onramp: Nothing was removed, as there is no terminal to confirm on; run again with --yes"
                        + " to remove it.");
                err.flush();
                return OnrampCommand.FAILED;
            }
            if (!answer.get().strip().equalsIgnoreCase("yes")) {
                out.println("Nothing was removed.");
                out.flush();
                return OnrampCommand.CANCELLED;
            }
        }
        Removal removed = removal.remove();
        out.println("Removed " + removed.folder() + " (" + size(removed.bytes()) + ").");
        out.println(removed.key());
        out.println("This is the only record of the removal: the audit log was in the folder.");
        out.flush();
        return 0;
    }

    private static void describe(Plan plan, PrintWriter out) {
        out.println("This removes, for good:");
        if (plan.folderPresent()) {
            out.println("  the data folder " + plan.folder() + " (" + size(plan.bytes()) + contents(plan) + ")");
        }
        plan.unfinished().ifPresent(tombstone -> out.println("  " + tombstone + ", left by a removal that did not"
                + " finish"));
        out.println("  " + plan.key());
        out.flush();
    }

    private static String contents(Plan plan) {
        return count(plan.businesses(), "business", "businesses") + count(plan.connections(), "connection",
                "connections");
    }

    private static String count(OptionalLong count, String one, String many) {
        if (count.isEmpty()) {
            return "";
        }
        return ", " + count.getAsLong() + " " + (count.getAsLong() == 1 ? one : many);
    }

    /** Bytes in the decimal units file managers show, e.g. "2.4 MB". */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
