package dev.onramp.ui.theme;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/** WCAG 2 contrast between the colours the nodes were given by CSS: a text's fill against what is drawn behind it. */
final class Contrast {
    private Contrast() {}

    /** The WCAG contrast ratio of two opaque colours, 1 to 21. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * The opaque colour behind {@code node}: the scene's fill, then every background fill of its parents from the
     * root down (and its own when {@code withOwn}), each laid over what is under it by its opacity.
     */
    static Color behind(Node node, boolean withOwn) {
        List<Region> chain = new ArrayList<>();
        for (Node at = withOwn ? node : node.getParent(); at != null; at = at.getParent()) {
            if (at instanceof Region region) {
                chain.addFirst(region);
            }
        }
        Paint sceneFill = node.getScene().getFill();
        Color colour = sceneFill instanceof Color c ? opaque(c, Color.WHITE) : Color.WHITE;
        for (Region region : chain) {
            if (region.getBackground() == null) {
                continue;
            }
            for (BackgroundFill fill : region.getBackground().getFills()) {
                if (fill.getFill() instanceof Color c) {
                    colour = over(c, colour);
                }
            }
        }
        return colour;
    }

    /** The first colour {@code paint} is, laid over {@code under} when it is see-through. */
    static Color opaque(Paint paint, Color under) {
        if (!(paint instanceof Color colour)) {
            throw new AssertionError("Not a plain colour: " + paint);
        }
        return over(colour, under);
    }

    /** The parents of {@code node} as a path of style classes, to say which node a failure is about. */
    static String describe(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node at = node; at != null && !(at instanceof Parent && at.getParent() == null); at = at.getParent()) {
            path.insert(0, "/" + (at.getId() != null ? "#" + at.getId() : at.getStyleClass()));
        }
        return path.toString();
    }

    private static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a));
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
