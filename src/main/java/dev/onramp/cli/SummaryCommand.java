package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.connect.summary.OnboardingSummaries;
import dev.onramp.connect.summary.OnboardingSummary;
import dev.onramp.connect.summary.SummaryFiles;
import dev.onramp.connect.summary.SummaryFormat;
import dev.onramp.connect.summary.SummaryWriteException;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.text.Text;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code onramp summary}: a business's onboarding summary as text, JSON or PDF; it only reads. */
@Command(name = "summary", mixinStandardHelpOptions = true)
final class SummaryCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Option(names = "--tenant", paramLabel = "NAME")
    String tenantName;

    @Option(names = "--format", paramLabel = "text|json|pdf", converter = FormatConverter.class)
    SummaryFormat format = SummaryFormat.TEXT;

    @Option(names = "--out", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = root.env().out();
        PrintWriter err = root.env().err();
        if (format == SummaryFormat.PDF && file == null) {
            err.println("onramp: " + root.messages().get("cli.summary.pdfNeedsOut"));
            err.flush();
            return OnrampCommand.WRONG_USAGE;
        }
        try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(5))) {
            Tenant tenant = Tenants.pick(app, tenantName, root.messages());
            OnboardingSummary summary = new OnboardingSummaries(app.catalog(), app.connect(), app.settings(),
                    app.providerLists(), Clock.systemUTC()).build(tenant);
            byte[] bytes = format.render(summary, ZoneId.systemDefault(), root.messages());
            if (file == null) {
                out.print(new String(bytes, StandardCharsets.UTF_8));
            } else {
                SummaryFiles.write(file, bytes);
                out.println(root.messages().get("cli.summary.wrote", tenant.name(), file.toString(),
                        summary.progress().words()));
            }
            out.flush();
            return 0;
        } catch (InvalidInputException | SummaryWriteException e) {
            err.println("onramp: " + root.messages().message(e));
            err.flush();
            return OnrampCommand.FAILED;
        }
    }

    /** Reads {@code text}, {@code json} and {@code pdf} in any letter case. */
    static final class FormatConverter implements ITypeConverter<SummaryFormat> {
        @Override
        public SummaryFormat convert(String value) {
            try {
                return SummaryFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageErrors.Refused(Text.of("cli.summary.unknownFormat", value));
            }
        }
    }
}
