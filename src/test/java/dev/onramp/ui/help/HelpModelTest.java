package dev.onramp.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.ui.common.HeldExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The Help menu's model without a toolkit: gathering in the background, copying, and saying how it went. */
class HelpModelTest {
    private final HeldExecutor background = new HeldExecutor();
    private final List<String> clipboard = new ArrayList<>();

    private HelpModel model(Supplier<String> diagnostics) {
        return new HelpModel(diagnostics, background, Runnable::run, clipboard::add);
    }

    @Test
    void copy_gathersInTheBackgroundAndShowsItIsBusy() {
        HelpModel model = model(() -> "✓ Airbyte: fine");

        model.copyDiagnostics();

        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Gathering diagnostics…");
        assertThat(clipboard).isEmpty();
    }

    @Test
    void gathered_goesToTheClipboardAndSaysSo() {
        HelpModel model = model(() -> "✓ Airbyte: fine");

        model.copyDiagnostics();
        background.runAll();

        assertThat(clipboard).containsExactly("✓ Airbyte: fine");
        assertThat(model.statusProperty().get()).isEqualTo("Copied: the diagnostics are on the clipboard.");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void failure_saysWhyAndLeavesTheClipboardAlone() {
        HelpModel model = model(() -> {
            throw new IllegalStateException("The database is closed.");
        });

        model.copyDiagnostics();
        background.runAll();

        assertThat(clipboard).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Onramp could not gather the diagnostics: The database is closed.");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void secondCopyWhileGathering_isIgnored() {
        AtomicInteger gathered = new AtomicInteger();
        HelpModel model = model(() -> "run " + gathered.incrementAndGet());

        model.copyDiagnostics();
        model.copyDiagnostics();
        background.runAll();

        assertThat(clipboard).containsExactly("run 1");
    }

    @Test
    void aGuideThatDidNotOpen_isSaidBesideTheMenu_untilItOpens() {
        HelpModel model = model(() -> "");
        String why = "No browser opened: open /data/help/onramp-guide-en.html in a browser.";

        model.showDocumentationOpened(java.util.Optional.of(why));
        assertThat(model.statusProperty().get()).isEqualTo(why);

        model.showDocumentationOpened(java.util.Optional.empty());
        assertThat(model.statusProperty().get()).isEmpty();
    }

    @Test
    void aGuideThatOpened_leavesWhatTheLineSaysAboutTheDiagnostics() {
        HelpModel model = model(() -> "✓ Airbyte: fine");
        model.showDocumentationOpened(java.util.Optional.of("No browser opened: open it in a browser."));
        model.copyDiagnostics();
        background.runAll();

        model.showDocumentationOpened(java.util.Optional.empty());

        assertThat(model.statusProperty().get()).isEqualTo("Copied: the diagnostics are on the clipboard.");
    }

    @Test
    void withoutAKeyStoreNotice_theNoticeIsEmpty() {
        assertThat(model(() -> "").keyStoreNoticeProperty().get()).isEmpty();
    }

    @Test
    void keyStoreNotice_isHeldForTheWindow() {
        HelpModel model = new HelpModel(() -> "", background, Runnable::run, clipboard::add,
                java.util.Optional.of("The key is in a file: no keyring answered."));

        assertThat(model.keyStoreNoticeProperty().get()).isEqualTo("The key is in a file: no keyring answered.");
    }
}
