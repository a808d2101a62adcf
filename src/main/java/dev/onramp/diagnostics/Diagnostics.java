package dev.onramp.diagnostics;

import dev.onramp.model.FlowRecord;
import dev.onramp.store.FlowJournal;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * What support asks for, gathered in one place: the doctor's report, a summary for the clipboard,
 * the support bundle and the audit trail's activity. Every method blocks, so call them in the background.
 */
public final class Diagnostics {
    /** How many of the latest connect flows a bundle lists. */
    static final int FLOWS = 50;
    /** Log files beyond this total (newest first) stay out of the bundle, so it can still be mailed. */
    static final long MAX_LOG_BYTES = 20L * 1024 * 1024;

    private final Doctor doctor;
    private final Settings settings;
    private final FlowJournal journal;
    private final Clock clock;
    private final ActivityService activity;

    public Diagnostics(Doctor doctor, Settings settings, FlowJournal journal, Clock clock, ActivityService activity) {
        this.activity = Objects.requireNonNull(activity, "activity");
        this.doctor = Objects.requireNonNull(doctor, "doctor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The audit trail for the Help menu's Activity list: pages, the chain check and exports. */
    public ActivityService activity() {
        return activity;
    }

    public DoctorReport doctor() {
        return doctor.run();
    }

    /** Why the key is in a file rather than the system's key store, for the window; empty when it is not. */
    public Optional<Text> keyStoreNotice() {
        return doctor.keyStoreNotice();
    }

    /** Once, when this run made a new key file because the system's key store did not answer: one sentence. */
    public Optional<Text> newKeyFileNotice() {
        return doctor.newKeyFileNotice();
    }

    /** The data folder this Onramp keeps its database, keys and logs in. */
    public Path dataFolder() {
        return settings.dataDir();
    }

    /** The doctor's report (in English, for support staff) with the versions and settings, secrets masked: what "Copy diagnostics" copies. */
    public String summary() {
        return SecretRedactor.redact("Onramp diagnostics, " + clock.instant() + "\n\n" + Versions.current().text()
                + settings.text() + "\n" + doctor.run().text(Messages.english()));
    }

    /**
     * Writes the support bundle to {@code zip} (replacing it) and returns its absolute path; fails with
     * an {@link UncheckedIOException} whose message says what to do.
     */
    public Path writeSupportBundle(Path zip) {
        Path target = zip.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial); RedactedZip bundle = new RedactedZip(out)) {
                List<Path> logs = logsToInclude();
                bundle.text("README.txt", readme(logs));
                bundle.text("doctor.txt", doctor.run().text(Messages.english())); // English, for support staff
                bundle.text("versions.txt", Versions.current().text());
                bundle.text("system.txt", system());
                bundle.text("settings.txt", settings.text());
                bundle.text("flows.csv", flows());
                for (Path log : logs) {
                    bundle.file("logs/" + log.getFileName(), log);
                }
            }
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Onramp could not write the support bundle " + target + ": " + e
                    + ". Choose a folder this user can write to.", e);
        }
    }

    private String readme(List<Path> logs) throws IOException {
        long left = allLogs().size() - logs.size();
        return "Onramp support bundle, made " + clock.instant() + ".\n"
                + "Tokens, codes, states, client secrets, passwords and API keys are masked as "
                + SecretRedactor.MASK + ".\n\n"
                + "doctor.txt    what onramp doctor found\n"
                + "versions.txt  Onramp, Java, JavaFX and the operating system\n"
                + "system.txt    processors, memory, disk space, locale and time zone\n"
                + "settings.txt  data folder, Airbyte address (without credentials), key store\n"
                + "flows.csv     the latest " + FLOWS + " connect flows\n"
                + "logs/         Onramp's log files, newest first"
                + (left > 0 ? " (" + left + " older file(s) left out to keep the bundle small)" : "") + "\n";
    }

    private String system() {
        Runtime runtime = Runtime.getRuntime();
        return "Processors: " + runtime.availableProcessors()
                + "\nMemory: " + megabytes(runtime.maxMemory()) + " max heap, " + megabytes(runtime.totalMemory())
                + " in use by the JVM"
                + "\nFree space in the data folder: " + freeSpace()
                + "\nLocale: " + Locale.getDefault()
                + "\nTime zone: " + TimeZone.getDefault().getID()
                + "\nFile encoding: " + System.getProperty("file.encoding", "unknown")
                + "\nClock: " + clock.instant() + "\n";
    }

    private String flows() {
        StringBuilder csv = new StringBuilder(
                "updated_at,started_at,state,provider,business_id,flow_id,source_id,reason,kind,connection_id\n");
        for (FlowRecord flow : journal.recent(FLOWS)) {
            csv.append(String.join(",", flow.updatedAt().toString(), flow.startedAt().toString(), flow.state().name(),
                    csvField(flow.providerId()), flow.tenantId().toString(), flow.id().toString(),
                    csvField(flow.sourceId().orElse("")), csvField(flow.reason().orElse("")), flow.kind().name(),
                    flow.connectionId().map(Object::toString).orElse(""))).append('\n');
        }
        return csv.toString();
    }

    private List<Path> logsToInclude() throws IOException {
        List<Path> included = new ArrayList<>();
        long total = 0;
        for (Path log : allLogs()) {
            long size = Files.size(log);
            if (!included.isEmpty() && total + size > MAX_LOG_BYTES) {
                break;
            }
            included.add(log);
            total += size;
        }
        return included;
    }

    /** Onramp's log files, newest first. */
    private List<Path> allLogs() throws IOException {
        if (!Files.isDirectory(settings.logFolder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(settings.logFolder())) {
            return files.filter(file -> isLog(file.getFileName().toString()) && Files.isRegularFile(file))
                    .sorted(Comparator.comparing(Diagnostics::lastModified).reversed())
                    .toList();
        }
    }

    private static boolean isLog(String name) {
        return name.startsWith("onramp") && name.endsWith(".log");
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private String freeSpace() {
        try {
            return megabytes(Files.getFileStore(settings.dataDir()).getUsableSpace());
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String megabytes(long bytes) {
        return bytes / (1024 * 1024) + " MB";
    }

    private static String csvField(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Only the half-written bundle is left behind; the error the caller sees matters more.
        }
    }
}
