import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Onramp's benchmarks: packaged start-up and memory against a bare JavaFX window, image and
 * installer sizes, the connect flow's client overhead, hub load, and the loopback receiver under a
 * flood. Prints a table with each figure beside its goal and writes {@code docs/benchmarks.md}.
 *
 * <p>Run {@code bench/run} (or {@code mvn -Ppackage,bench package -DskipTests}): it builds the
 * packaged app first, then runs this with the app's classes on the class path; {@code bench/run
 * --startup} measures start-up, memory and sizes only, and leaves docs/benchmarks.md as it is.
 */
public final class Bench {
    private Bench() {}

    /** With the argument {@code startup}, only the start-up, memory and size figures, printed and not written. */
    public static void main(String[] args) throws Exception {
        Path project = Path.of("").toAbsolutePath();
        boolean startupOnly = List.of(args).contains("startup");
        Machine machine = Machine.describe();
        System.out.println("Benchmarking on " + machine.summary());
        List<Row> rows = new ArrayList<>();
        rows.addAll(new StartupBench(project).run());
        if (!startupOnly) {
            rows.addAll(new FlowBench().run());
        }
        Report report = new Report(machine, rows);
        System.out.println();
        System.out.println(report.table());
        if (startupOnly) {
            return;
        }
        Path written = project.resolve("docs/benchmarks.md");
        Files.writeString(written, report.markdown());
        System.out.println("Wrote " + project.relativize(written));
    }
}
