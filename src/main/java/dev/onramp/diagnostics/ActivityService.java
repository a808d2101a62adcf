package dev.onramp.diagnostics;

import dev.onramp.model.AuditEvent;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditCriteria;
import dev.onramp.store.AuditFormat;
import dev.onramp.store.AuditLog;
import dev.onramp.store.AuditQuery;
import dev.onramp.store.AuditVerification;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit trail for the window's Activity list: a bounded page of entries at a time, newest first and
 * narrowed by business, action and dates; the chain check {@code onramp audit verify} runs, in words; and
 * the export {@code onramp audit export} writes, to a file that appears whole or not at all. Every
 * method blocks, so call them in the background.
 */
public final class ActivityService {
    /** The most entries one page may hold. */
    public static final int MAX_PAGE = AuditQuery.MAX_PAGE;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private final AuditLog audit;
    private final AuditQuery query;
    private final ZoneId zone;

    /** @param zone the time zone whose days the date filters mean */
    public ActivityService(AuditLog audit, AuditQuery query, ZoneId zone) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.query = Objects.requireNonNull(query, "query");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Which entries to list: of one business or all, of one action or all, written on the days from
     * {@code from} to {@code to}, both included; an empty one does not narrow. A "from" after the "to"
     * is refused with a sentence that says so.
     */
    public record Filter(Optional<TenantId> business, Optional<String> action, Optional<LocalDate> from,
            Optional<LocalDate> to) {
        /** Every entry. */
        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        public Filter {
            Objects.requireNonNull(business, "business");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
                throw new InvalidInputException(Text.of("diagnostics.activity.fromAfterTo", DAY.format(from.get()),
                        DAY.format(to.get())));
            }
        }
    }

    /** A page: the {@code size} entries after the {@code offset} newest; {@code size} is 1 to {@link #MAX_PAGE}. */
    public record PageRequest(long offset, int size) {
        public PageRequest {
            if (size < 1 || size > MAX_PAGE) {
                throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE + " entries, not " + size + ".");
            }
            if (offset < 0) {
                throw new IllegalArgumentException("A page cannot start before the newest entry.");
            }
        }
    }

    /**
     * One entry as a person reads it: {@code business} is the business's name (its id when it has been
     * removed since), {@code words} the action said plainly when Onramp knows how.
     */
    public record Entry(long seq, Instant at, String actor, TenantId businessId, String business, String action,
            Optional<String> words, String resource, String details) {}

    /** The entries of one page, newest first, and how many entries match the filter in all. */
    public record Page(List<Entry> entries, long offset, long total) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /** A business the trail can be narrowed to. */
    public record Business(TenantId id, String name) {}

    /** The result of the chain check: whether the trail is intact, and what that means, as a sentence. */
    public record Verdict(boolean intact, Text text) {
        /** {@link #text()} in the process's display language. */
        public String message() {
            return Messages.display().render(text);
        }
    }

    /** Hears how far the chain check has come; answers false to stop it. */
    @FunctionalInterface
    public interface Progress {
        /** {@code checked} of about {@code total} entries are checked; false stops the check. */
        boolean checked(long checked, long total);
    }

    /** The file formats of an export, as {@code onramp audit export --format} names them. */
    public enum Format {
        /** Comma-separated values with a header row. */
        CSV("csv", AuditFormat.CSV),
        /** One JSON object per line. */
        JSON_LINES("jsonl", AuditFormat.JSONL);

        private final String extension;
        private final AuditFormat stored;

        Format(String extension, AuditFormat stored) {
            this.extension = extension;
            this.stored = stored;
        }

        /** The file name extension, without the dot. */
        public String extension() {
            return extension;
        }
    }

    /** What an export wrote. */
    public record Exported(long entries, Path file) {
        /** One line for the window, e.g. "Wrote 1,204 audit entries to /home/me/audit.csv." */
        public Text text() {
            return Text.of("diagnostics.activity.export.wrote", entries, file.toString());
        }

        /** {@link #text()} in the process's display language. */
        public String message() {
            return Messages.display().render(text());
        }
    }

    /** The action in words beside the raw action, e.g. "Connected (connect.succeeded)"; the raw action alone when Onramp has no words for it. */
    public static String describe(String action) {
        return ActivityWords.of(action).map(words -> words + " (" + action + ")").orElse(action);
    }

    /** The businesses the filter offers, by name. */
    public List<Business> businesses() {
        return query.businessNames().entrySet().stream()
                .map(named -> new Business(named.getKey(), named.getValue()))
                .sorted(Comparator.comparing(Business::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The actions the trail holds, each once. */
    public List<String> actions() {
        return query.actions();
    }

    /** The page {@code request} asks for of the entries matching {@code filter}, newest first, and their count. */
    public Page page(Filter filter, PageRequest request) {
        AuditCriteria criteria = criteria(filter);
        long total = query.count(criteria);
        Map<TenantId, String> names = query.businessNames();
        List<Entry> entries = total <= request.offset() ? List.of()
                : query.newestFirst(criteria, request.offset(), request.size()).stream()
                        .map(event -> entry(event, names)).toList();
        return new Page(entries, request.offset(), total);
    }

    /**
     * Checks the whole trail as {@code onramp audit verify} does, telling {@code progress} as it goes; a
     * {@link java.util.concurrent.CancellationException} when it answered false.
     */
    public Verdict verify(Progress progress) {
        return switch (audit.verify(progress::checked)) {
            case AuditVerification.Intact intact -> new Verdict(true, intact.entries() == 0
                    ? Text.of("diagnostics.activity.verify.intactAndEmpty")
                    : Text.of("diagnostics.activity.verify.intact", intact.entries()));
            case AuditVerification.Broken broken -> new Verdict(false,
                    Text.of("diagnostics.activity.verify.broken", broken.text(), broken.firstBadSeq()));
            case AuditVerification.Unprotected unprotected -> new Verdict(false, unprotected.text());
        };
    }

    /**
     * Writes the entries matching {@code filter}, oldest first, to {@code file} as {@code onramp audit
     * export} does: into a temporary file in the same folder, moved into place once complete, so the file
     * is whole or untouched. Fails with an {@link ActivityExportException}, an {@link UncheckedIOException} whose
     * text says what to do.
     */
    public Exported export(Filter filter, Format format, Path file) {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Path partial;
        try {
            partial = Files.createTempFile(folder, "." + target.getFileName() + "-", ".part");
        } catch (IOException e) {
            throw new ActivityExportException(cannotWrite(folder, e), e);
        }
        try {
            long written;
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                written = query.export(criteria(filter), format.stored, out);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Exported(written, target);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new ActivityExportException(Text.of("diagnostics.activity.export.notWritten", target.toString(),
                    String.valueOf(e.getMessage())), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private static Text cannotWrite(Path folder, IOException e) {
        Object why = e instanceof AccessDeniedException ? Text.of("diagnostics.activity.export.mayNotMakeFiles")
                : Files.isDirectory(folder) ? String.valueOf(e.getMessage())
                        : Text.of("diagnostics.activity.export.noSuchFolder");
        return Text.of("diagnostics.activity.export.cannotWriteFolder", String.valueOf(folder), why);
    }

    private AuditCriteria criteria(Filter filter) {
        return new AuditCriteria(filter.business(), filter.action(),
                filter.from().map(day -> day.atStartOfDay(zone).toInstant()),
                filter.to().map(day -> day.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static Entry entry(AuditEvent event, Map<TenantId, String> names) {
        return new Entry(event.seq(), event.at(), event.actor(), event.tenantId(),
                names.getOrDefault(event.tenantId(), event.tenantId().toString()), event.action(),
                ActivityWords.of(event.action()), event.resource(), event.details() == null ? "" : event.details());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The failure the caller sees matters more than a leftover temporary file.
        }
    }
}
