package dev.onramp.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditQuery;
import dev.onramp.testing.MutableClock;
import dev.onramp.testing.StoreFixture;
import dev.onramp.text.Messages;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Activity list's service over a real store: pages newest first with names and words, filters by
 * business, action and local days, the chain check in words (intact, and an entry changed behind
 * Onramp's back), and exports that appear whole or not at all.
 */
class ActivityServiceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 23:30 on 7 December 2026 in Berlin; the next entry is written at 00:30 on the 8th. */
    private static final Instant START = Instant.parse("2026-12-07T22:30:00Z");

    @TempDir
    Path dir;

    private Path dataDir;
    private StoreFixture store;
    private ActivityService activity;
    private Tenant acme;
    private Tenant globex;

    @BeforeEach
    void fourEntriesAnHourApart() {
        dataDir = dir.resolve("data");
        open();
        acme = store.addTenant("Acme", "online-shop");
        globex = store.addTenant("Globex", "online-shop");
        MutableClock clock = new MutableClock(START);
        store.close();
        store = StoreFixture.open(dataDir, clock);
        activity = service();
        append(acme.id(), "connect.succeeded", "provider=hubspot");
        clock.advance(Duration.ofHours(1));
        append(globex.id(), "connect.succeeded", "provider=stripe");
        clock.advance(Duration.ofHours(1));
        append(acme.id(), "connection.disconnected", "provider=hubspot");
        clock.advance(Duration.ofHours(1));
        append(acme.id(), "something.new", "detail");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void page_listsEntriesNewestFirst_withTheBusinessNameAndTheActionInWords() {
        ActivityService.Page first = activity.page(ActivityService.Filter.ALL, new ActivityService.PageRequest(0, 3));
        ActivityService.Page second = activity.page(ActivityService.Filter.ALL, new ActivityService.PageRequest(3, 3));

        assertThat(first.total()).isEqualTo(4);
        assertThat(first.entries()).extracting(ActivityService.Entry::seq).containsExactly(4L, 3L, 2L);
        assertThat(second.entries()).extracting(ActivityService.Entry::seq).containsExactly(1L);
        ActivityService.Entry disconnected = first.entries().get(1);
        assertThat(disconnected.business()).isEqualTo("Acme");
        assertThat(disconnected.words()).contains("Disconnected");
        assertThat(disconnected.action()).isEqualTo("connection.disconnected");
        assertThat(disconnected.details()).isEqualTo("provider=hubspot");
        assertThat(first.entries().getFirst().words()).isEmpty();
        assertThat(activity.actions()).containsExactly("connect.succeeded", "connection.disconnected", "something.new");
        assertThat(activity.businesses()).extracting(ActivityService.Business::name).containsExactly("Acme", "Globex");
    }

    @Test
    void filters_narrowToABusinessAnActionAndLocalDays() {
        assertThat(seqs(filter(acme.id(), null, null, null))).containsExactly(4L, 3L, 1L);
        assertThat(seqs(filter(null, "connect.succeeded", null, null))).containsExactly(2L, 1L);
        assertThat(seqs(filter(acme.id(), "connect.succeeded", null, null))).containsExactly(1L);
        LocalDate seventh = LocalDate.of(2026, 12, 7);
        LocalDate eighth = seventh.plusDays(1);
        // Entry 1 is written at 23:30 on the 7th in Berlin, the others after midnight.
        assertThat(seqs(filter(null, null, seventh, seventh))).containsExactly(1L);
        assertThat(seqs(filter(null, null, eighth, null))).containsExactly(4L, 3L, 2L);
        assertThat(seqs(filter(null, null, null, eighth))).containsExactly(4L, 3L, 2L, 1L);
        assertThat(activity.page(filter(globex.id(), null, eighth, eighth), new ActivityService.PageRequest(0, 10))
                .total()).isEqualTo(1);
    }

    @Test
    void fromAfterTo_isRefusedWithASentenceThatSaysSo() {
        assertThatThrownBy(() -> filter(null, null, LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 8)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The \"from\" date (9 Dec 2026) is after the \"to\" date (8 Dec 2026): choose a \"from\" on"
                        + " or before the \"to\".");
    }

    @Test
    void aPage_isNeverLargerThanTheMostOnePageMayHold() {
        assertThatThrownBy(() -> new ActivityService.PageRequest(0, ActivityService.MAX_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ActivityService.MAX_PAGE).isEqualTo(AuditQuery.MAX_PAGE);
    }

    @Test
    void verify_ofAnUntouchedTrail_saysItIsIntactInWords() {
        List<Long> heard = new java.util.concurrent.CopyOnWriteArrayList<>();

        ActivityService.Verdict verdict = activity.verify((checked, total) -> heard.add(checked));

        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.message()).isEqualTo("The audit trail is intact: 4 entries, unbroken.");
        assertThat(heard).containsExactly(4L);
    }

    @Test
    void verify_afterAnEntryWasChangedBehindOnrampsBack_namesItAndSaysWhatToDo() throws Exception {
        store.close();
        try (Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("onramp"), "onramp", "");
                Statement sql = jdbc.createStatement()) {
            sql.execute("DROP TRIGGER audit_log_append_only");
            sql.execute("UPDATE audit_log SET details = 'provider=nothing' WHERE seq = 2");
        }
        open();

        ActivityService.Verdict verdict = activity.verify((checked, total) -> true);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.message()).isEqualTo("The audit log was tampered with at entry 2: entry 2 was changed after"
                + " it was written: its MAC does not match. This means that entries from 2 on cannot be relied on to be"
                + " what Onramp wrote: keep this data folder as it is, export the audit trail, and send a support bundle"
                + " (onramp support-bundle) to support.");
    }

    @Test
    void verify_afterAnEntryWasChanged_saysItInGermanAndFrench() throws Exception {
        store.close();
        try (Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("onramp"), "onramp", "");
                Statement sql = jdbc.createStatement()) {
            sql.execute("DROP TRIGGER audit_log_append_only");
            sql.execute("UPDATE audit_log SET details = 'provider=nothing' WHERE seq = 2");
        }
        open();

        ActivityService.Verdict verdict = activity.verify((checked, total) -> true);

        assertThat(Messages.of(Locale.GERMAN).render(verdict.text())).isEqualTo("Das Prüfprotokoll wurde bei Eintrag 2"
                + " manipuliert: Eintrag 2 wurde geändert, nachdem er geschrieben wurde: Sein MAC stimmt nicht überein."
                + " Das bedeutet, dass man sich nicht darauf verlassen kann, dass die Einträge ab 2 das sind, was Onramp"
                + " geschrieben hat: Lassen Sie diesen Datenordner, wie er ist, exportieren Sie das Prüfprotokoll und"
                + " schicken Sie ein Support-Paket (onramp support-bundle) an den Support.");
        assertThat(Messages.of(Locale.FRENCH).render(verdict.text())).startsWith("Le journal d’audit a été falsifié à"
                + " l’entrée 2 : l’entrée 2 a été modifiée après son écriture : son MAC ne correspond pas. Cela signifie");
    }

    @Test
    void export_writesTheFilteredEntriesOldestFirst_andLeavesNoTemporaryFile() throws Exception {
        Path csv = dir.resolve("out/acme.csv");
        Files.createDirectories(csv.getParent());

        ActivityService.Exported exported = activity.export(filter(acme.id(), null, null, null),
                ActivityService.Format.CSV, csv);

        assertThat(exported.entries()).isEqualTo(3);
        assertThat(exported.message()).isEqualTo("Wrote 3 audit entries to " + csv.toAbsolutePath() + ".");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("seq,tenant_id,business,at,actor,action,resource,details");
        assertThat(lines.subList(1, 4)).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("1", "3", "4");
        assertThat(lines.get(1)).contains(",Acme,", "connect.succeeded");
        try (Stream<Path> files = Files.list(csv.getParent())) {
            assertThat(files).containsExactly(csv);
        }

        Path jsonl = dir.resolve("out/all.jsonl");
        assertThat(activity.export(ActivityService.Filter.ALL, ActivityService.Format.JSON_LINES, jsonl).entries())
                .isEqualTo(4);
        assertThat(Files.readAllLines(jsonl)).hasSize(4).first().asString().startsWith("{\"seq\":1,");
    }

    @Test
    void export_toAFolderThatIsNotThere_saysSoInOneSentence_andWritesNothing() {
        Path missing = dir.resolve("no-such-folder/audit.csv");

        assertThatThrownBy(() -> activity.export(ActivityService.Filter.ALL, ActivityService.Format.CSV, missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("Onramp cannot write to the folder " + missing.getParent().toAbsolutePath() + " (it does not"
                        + " exist), so nothing was written: choose a folder you can write to, such as your Documents"
                        + " folder.");
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void export_saysWhatItWroteOrWhyNotInGermanAndFrench() {
        Path csv = dir.resolve("audit.csv");
        Path missing = dir.resolve("no-such-folder/audit.csv");

        ActivityService.Exported exported = activity.export(ActivityService.Filter.ALL, ActivityService.Format.CSV, csv);
        ActivityExportException refused = catchThrowableOfType(ActivityExportException.class,
                () -> activity.export(ActivityService.Filter.ALL, ActivityService.Format.CSV, missing));

        assertThat(Messages.of(Locale.GERMAN).render(exported.text()))
                .isEqualTo("Prüfprotokoll in " + csv.toAbsolutePath() + " geschrieben: 4 Einträge.");
        assertThat(Messages.of(Locale.GERMAN).message(refused)).isEqualTo("Onramp kann nicht in den Ordner "
                + missing.getParent().toAbsolutePath() + " schreiben (er existiert nicht), daher wurde nichts geschrieben:"
                + " Wählen Sie einen Ordner, in den Sie schreiben dürfen, etwa Ihren Ordner „Dokumente“.");
        assertThat(Messages.of(Locale.FRENCH).message(refused)).startsWith("Onramp ne peut pas écrire dans le dossier "
                + missing.getParent().toAbsolutePath() + " (il n’existe pas), donc rien n’a été écrit :");
    }

    @Test
    void export_toAFolderWithoutWriteAccess_saysSoInOneSentence_andWritesNothing() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "this user (root?) may write to any folder");

            assertThatThrownBy(() -> activity.export(ActivityService.Filter.ALL, ActivityService.Format.CSV,
                    locked.resolve("audit.csv")))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("Onramp cannot write to the folder " + locked.toAbsolutePath()
                            + " (this user may not make files there)");
            try (Stream<Path> files = Files.list(locked)) {
                assertThat(files).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void export_whoseFileCannotBeMovedIntoPlace_leavesTheFolderAsItWas() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out"));
        Path taken = Files.createDirectory(folder.resolve("audit.csv"));
        Files.writeString(taken.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> activity.export(ActivityService.Filter.ALL, ActivityService.Format.CSV, taken))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("Onramp could not write " + taken.toAbsolutePath())
                .hasMessageEndingWith("so nothing was written there: choose another file or folder and export again.");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(taken);
        }
        assertThat(taken.resolve("keep.txt")).hasContent("mine");
    }

    private void open() {
        store = StoreFixture.open(dataDir);
        activity = service();
    }

    private ActivityService service() {
        return new ActivityService(store.audit(), new AuditQuery(store.db()), BERLIN);
    }

    private void append(TenantId tenant, String action, String details) {
        store.db().inTransaction(tx -> {
            store.audit().append(tx, tenant, "user:test", action, "tenant/" + tenant, details);
            return null;
        });
    }

    private List<Long> seqs(ActivityService.Filter filter) {
        return activity.page(filter, new ActivityService.PageRequest(0, 50)).entries().stream()
                .map(ActivityService.Entry::seq).toList();
    }

    private static ActivityService.Filter filter(TenantId business, String action, LocalDate from, LocalDate to) {
        return new ActivityService.Filter(Optional.ofNullable(business), Optional.ofNullable(action),
                Optional.ofNullable(from), Optional.ofNullable(to));
    }
}
