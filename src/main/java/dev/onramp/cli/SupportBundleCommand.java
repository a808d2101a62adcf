package dev.onramp.cli;

import dev.onramp.AppContext;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code onramp support-bundle}: writes a zip of logs, versions, settings, recent flows and the doctor's report. */
@Command(name = "support-bundle", mixinStandardHelpOptions = true)
final class SupportBundleCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @ParentCommand
    OnrampCommand root;

    @Option(names = "--out", paramLabel = "FILE.zip")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = root.env().out();
        Path zip = out != null ? out : Path.of("onramp-support-" + STAMP.format(Clock.systemUTC().instant()) + ".zip");
        try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(5))) {
            Path written = app.diagnostics().writeSupportBundle(zip);
            stdout.println(root.messages().get("cli.supportBundle.wrote", written.toString()));
            stdout.println(root.messages().get("cli.supportBundle.masked"));
            stdout.flush();
            return 0;
        } catch (UncheckedIOException e) {
            root.env().err().println("onramp: " + root.messages().message(e));
            root.env().err().flush();
            return OnrampCommand.FAILED;
        }
    }
}
