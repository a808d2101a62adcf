import java.util.ArrayList;
import java.util.List;

/** The benchmark's results as a plain-text table for the console and as docs/benchmarks.md. */
record Report(Machine machine, List<Row> rows) {

    String table() {
        int what = width(rows.stream().map(Row::what).toList(), "Figure");
        int figure = width(rows.stream().map(Row::figureText).toList(), "Measured");
        int goal = width(rows.stream().map(Row::goalText).toList(), "Goal");
        String format = "%-" + what + "s  %" + figure + "s  %-" + goal + "s  %s%n";
        StringBuilder text = new StringBuilder(String.format(format, "Figure", "Measured", "Goal", ""));
        text.append("-".repeat(what + figure + goal + 12)).append(System.lineSeparator());
        for (Row row : rows) {
            text.append(String.format(format, row.what(), row.figureText(), row.goalText(), row.verdict()));
        }
        return text.toString();
    }

    String markdown() {
        List<String> lines = new ArrayList<>(List.of(
                "# Benchmarks",
                "",
                "Written by `bench/run` (which runs `bench/Bench.java` after building the packaged app); rerun",
                "it to refresh this page (`bench/run --startup` prints the start-up, memory and size figures",
                "only). Start-up figures are medians of 5 cold starts (a new process each time; the files stay",
                "in the OS cache) of the packaged launcher under Xvfb, from starting the process to the layout",
                "pass that draws the first frame of the interactive hub, or of the bare window. The app and the",
                "bare window take turns, so that both see the same load, and each ratio comes from the same",
                "run. Memory is the resident set size 3 s after the hub is ready (the bare window: 3 s after",
                "its frame), median of 3. MB are 10^6 bytes.",
                "",
                "**What is on screen at the hub's first frame:** the header (Onramp, which Airbyte is in use,",
                "the business chooser, New business…, Settings…), the Help menu, the demo banner and a tile",
                "for every provider of the bundled catalog (name, category, summary, \"Checking…\"), with",
                "\"Opening your data…\" and a spinner in the header; New business…, Settings… and Connect are",
                "not offered yet. To draw it Onramp reads its bundled catalog (on the other core while JavaFX",
                "starts; its window's own command line is read without picocli, and logging is set up only",
                "after the frame) and builds the hub. Right after that frame it opens the database (H2, Flyway, the Tink key set) and",
                "starts the Airbyte simulator (demo mode) in the background; then the businesses, the",
                "recommendations and each tile's connection state and Connect button fill in: that is \"Hub",
                "ready\", reported from the same starts. The bare window is one label and does none of this.",
                "",
                "**Started the same way:** each is a jpackage app-image with the same jlinked runtime, the",
                "same launcher JVM options (`installer/app-image.args`: native access, the serial collector,",
                "`-Xms32m`, the client compiler only) and an AOT cache trained on a scripted run without method",
                "profiles: the bare window's on its start, Onramp's on its start, the hub ready and one demo",
                "connect (HubSpot, the simulator's consent page answered by the training run itself, as",
                "issue 5 asks); only the main class and the classes they load differ. The in-process figures",
                "(connect, hub load, loopback) run on the app's own classes in the benchmark's JVM.",
                "",
                "## Machine",
                ""));
        lines.addAll(machine.lines());
        lines.addAll(List.of(
                "",
                "A shared machine gives noisy figures: compare ratios measured in one run rather than",
                "absolute times across runs.",
                "",
                "## Results",
                "",
                "| Figure | Measured | Goal | | How |",
                "|---|---:|---|---|---|"));
        for (Row row : rows) {
            lines.add("| " + row.what() + " | " + row.figureText() + " | " + row.goalText() + " | " + row.verdict()
                    + " | " + row.note() + " |");
        }
        lines.addAll(List.of(
                "",
                "Where the missed goals stand, with what was tried and the floors measured (a bare JavaFX",
                "window's own runtime and cache exceed 70 MB): [ADR 0015](adr/0015-hub-first-start-and-a-small-desktop-jvm.md).",
                ""));
        return String.join("\n", lines);
    }

    private static int width(List<String> values, String header) {
        return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
    }
}
