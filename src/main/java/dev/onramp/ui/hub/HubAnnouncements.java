package dev.onramp.ui.hub;

import dev.onramp.ui.common.Announcer;
import javafx.scene.layout.Pane;

/**
 * What the hub's window says to screen readers: its progress line each time it settles on a new count ("3 of 5
 * recommended sources connected"), a check that finds a tile needs attention, and (through {@link Announcer#of})
 * how a dialog over it ended when it closed without saying so itself.
 */
final class HubAnnouncements {
    private final Announcer announcer;
    private String lastLine = "";

    private HubAnnouncements(Announcer announcer) {
        this.announcer = announcer;
    }

    /** Puts the hub's announcer into {@code root} and has it follow {@code model}; on the FX thread. */
    static void install(Pane root, HubModel model) {
        HubAnnouncements hub = new HubAnnouncements(Announcer.in(root));
        model.progress().textProperty().subscribe(hub::progress);
        model.announceTo(hub.announcer::announce);
    }

    /** Says the progress line once it has a count, and again only when the count says something else. */
    private void progress(String line) {
        if (line == null || line.isBlank() || line.equals(OnboardingProgress.checkingText()) || line.equals(lastLine)) {
            return;
        }
        lastLine = line;
        announcer.announce(line);
    }
}
