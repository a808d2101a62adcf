package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.store.AuditFormat;
import dev.onramp.store.AuditVerification;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code onramp audit verify|export}: checks the audit trail for tampering, or writes it to a file. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand {
    @ParentCommand
    OnrampCommand root;

    private AppContext openApp() {
        return root.openApp(url -> false, Duration.ofMinutes(5));
    }

    /**
     * {@code onramp audit verify}: exit 0 when the trail is intact, else one line naming the first bad entry
     * or the database's protection that is missing, in the run's language (the core's reason stays English).
     */
    @Command(name = "verify", mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;

        @Override
        public Integer call() {
            PrintWriter out = audit.root.env().out();
            PrintWriter err = audit.root.env().err();
            Messages messages = audit.root.messages();
            try (AppContext app = audit.openApp()) {
                return switch (app.audit().verify()) {
                    case AuditVerification.Intact intact -> {
                        out.println(intact.entries() == 0 ? messages.get("cli.audit.verify.intactAndEmpty")
                                : messages.get("cli.audit.verify.intact", intact.entries(), intact.lastCheckpoint()));
                        out.flush();
                        yield 0;
                    }
                    case AuditVerification.Broken broken -> failed(err,
                            messages.get("cli.audit.verify.broken", broken.firstBadSeq(), broken.reasonText()));
                    case AuditVerification.Unprotected unprotected -> failed(err,
                            messages.get("cli.audit.verify.unprotected", unprotected.missingJoined()));
                };
            }
        }
    }

    private static int failed(PrintWriter err, String sentence) {
        err.println("onramp: " + sentence);
        err.flush();
        return OnrampCommand.FAILED;
    }

    /** {@code onramp audit export}: the trail of one business, or of all, as JSON lines or CSV. */
    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;

        @Option(names = "--format", required = true, paramLabel = "jsonl|csv", converter = FormatConverter.class)
        AuditFormat format;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path file;

        @Option(names = "--tenant", paramLabel = "NAME")
        String tenantName;

        @Override
        public Integer call() {
            PrintWriter out = audit.root.env().out();
            PrintWriter err = audit.root.env().err();
            Messages messages = audit.root.messages();
            try (AppContext app = audit.openApp(); Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                if (tenantName == null) {
                    int written = app.audit().exportAll(format, writer);
                    out.println(messages.get("cli.audit.export.wroteAll", written, file.toString()));
                } else {
                    Tenant tenant = app.tenants().byName(tenantName).orElseThrow(() -> new InvalidInputException(
                            messages.get("cli.audit.export.noBusiness", tenantName.strip())));
                    int written = app.audit().exportTenant(tenant.id(), format, writer);
                    out.println(messages.get("cli.audit.export.wrote", written, tenant.name(), file.toString()));
                }
                out.flush();
                return 0;
            } catch (InvalidInputException e) {
                err.println("onramp: " + audit.root.messages().message(e));
                return OnrampCommand.FAILED;
            } catch (IOException e) {
                err.println("onramp: " + messages.get("cli.audit.export.notWritten", file.toString(), e.getMessage()));
                return OnrampCommand.FAILED;
            }
        }
    }

    /** Reads {@code jsonl} and {@code csv} in any letter case. */
    static final class FormatConverter implements ITypeConverter<AuditFormat> {
        @Override
        public AuditFormat convert(String value) {
            try {
                return AuditFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageErrors.Refused(Text.of("cli.audit.export.unknownFormat", value));
            }
        }
    }
}
