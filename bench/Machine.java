import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine a benchmark ran on, described well enough to compare figures across runs. */
record Machine(String os, String cpu, int cores, String memory, String load, String java, String date) {

    static Machine describe() {
        String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME=").map(v -> v.replace("\"", ""))
                .orElse(System.getProperty("os.name")) + ", kernel " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")";
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").map(v -> v.replaceFirst("^\\s*:\\s*", ""))
                .orElse("unknown CPU");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal:")
                .map(v -> String.format(Locale.ROOT, "%.1f GB", Long.parseLong(v.replaceAll("\\D", "")) / 1e6))
                .orElse("unknown");
        String load = read(Path.of("/proc/loadavg")).map(text -> {
            String[] parts = text.split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        }).orElse("unknown");
        return new Machine(os, cpu, Runtime.getRuntime().availableProcessors(), memory, load,
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
    }

    String summary() {
        return cores + " cores (" + cpu + "), " + memory + ", load average " + load;
    }

    List<String> lines() {
        return List.of(
                "- **When:** " + date,
                "- **OS:** " + os,
                "- **CPU:** " + cpu + ", " + cores + " cores as the JVM sees them",
                "- **Memory:** " + memory,
                "- **Load average (1/5/15 min) at the start:** " + load,
                "- **JDK running the benchmark:** " + java);
    }

    private static Optional<String> firstValue(Path file, String prefix) {
        return read(file).flatMap(text -> text.lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .findFirst());
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
