package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.diagnostics.BrowserCheck;
import dev.onramp.diagnostics.Doctor;
import dev.onramp.diagnostics.DoctorReport;
import dev.onramp.store.StoreException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code onramp doctor}: checks Onramp's surroundings, one ✓/✗ line each, and exits 1 when any fails. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks Airbyte, the clock, the browser, the loopback port, the key, the database and"
                + " the audit log; prints how to fix what fails.")
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Override
    public Integer call() {
        PrintWriter out = root.env().out();
        DoctorReport report;
        try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(5))) {
            report = app.diagnostics().doctor();
        } catch (StoreException | UncheckedIOException e) {
            report = Doctor.withoutApp(e.getMessage(), BrowserCheck.ofThisSystem());
        }
        report.checks().forEach(check -> out.println(check.line()));
        out.flush();
        return report.allPassed() ? 0 : OnrampCommand.FAILED;
    }
}
