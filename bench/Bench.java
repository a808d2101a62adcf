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
 * packaged app first, then runs this with the app's classes on the class path.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Machine machine = Machine.describe();
        System.out.println("Benchmarking on " + machine.summary());
        List<Row> rows = new ArrayList<>();
        rows.addAll(new StartupBench(project).run());
        rows.addAll(new FlowBench().run());
        Report report = new Report(machine, rows);
        System.out.println();
        System.out.println(report.table());
        Path written = project.resolve("docs/benchmarks.md");
        Files.writeString(written, report.markdown());
        System.out.println("Wrote " + project.relativize(written));
    }
}
