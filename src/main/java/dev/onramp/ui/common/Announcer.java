package dev.onramp.ui.common;

import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.stage.Window;
import javafx.util.Subscription;

/**
 * Says a window's status changes to screen readers: a label the eye does not see (no room, no paint, no mouse)
 * but the accessibility tree does, whose text becomes each sentence announced, with a change event raised for it.
 * JavaFX has no live region; this is the nearest it comes (ADR 0032). One per window, with the id {@value #ID}.
 */
public final class Announcer {
    /** The id of the announcer's label in its window. */
    public static final String ID = "announcer";

    private final Label label = new Label();

    private Announcer() {
        label.setId(ID);
        label.getStyleClass().add(ID);
        label.setAccessibleRole(AccessibleRole.TEXT);
        // Visible to the accessibility tree (an invisible node is left out of it), yet unseen: no room in the
        // layout, a single pixel, fully transparent, and never in the mouse's or the keyboard's way.
        label.setManaged(false);
        label.resizeRelocate(0, 0, 1, 1);
        label.setOpacity(0);
        label.setMouseTransparent(true);
        label.setFocusTraversable(false);
        label.getProperties().put(Announcer.class, this);
    }

    /** Puts a new announcer into {@code root}, the root of its window, and returns it; on the FX thread. */
    public static Announcer in(Pane root) {
        Announcer announcer = new Announcer();
        root.getChildren().add(announcer.label);
        return announcer;
    }

    /**
     * The announcer of {@code window} (the one its scene holds), for a dialog that closes and tells its owner how it
     * ended; when the window has none, one that reaches no screen reader. On the FX thread.
     */
    public static Announcer of(Window window) {
        return java.util.Optional.ofNullable(window).map(Window::getScene).map(Scene::getRoot)
                .map(root -> root.lookup("#" + ID))
                .map(node -> node.getProperties().get(Announcer.class))
                .filter(Announcer.class::isInstance).map(Announcer.class::cast)
                .orElseGet(Announcer::new);
    }

    /**
     * Announces {@code sentence}: the label's text becomes it and the platform's accessibility bridge hears that its
     * text changed, also when the same sentence is said again. A blank sentence says nothing.
     */
    public void announce(String sentence) {
        if (sentence == null || sentence.isBlank()) {
            return;
        }
        label.setText(sentence);
        label.setAccessibleText(sentence);
        label.notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
    }

    /** Announces each new value of {@code sentence} (a blank one says nothing); unsubscribing stops it. */
    public Subscription follow(ObservableValue<String> sentence) {
        Objects.requireNonNull(sentence, "sentence");
        return sentence.subscribe((was, is) -> announce(is));
    }

    /** What was announced last; empty before anything was. */
    public String said() {
        String said = label.getAccessibleText();
        return said == null ? "" : said;
    }

    /** The label screen readers read; in its window's scene graph once {@link #in} put it there. */
    public Node node() {
        return label;
    }
}
