package dev.onramp.ui.common;

import dev.onramp.catalog.Logo;
import dev.onramp.catalog.Monogram;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A provider's logo as a decorative square node: the brand's icon in its colour on a light square (a
 * dark one when the colour is too light for white), or its monogram's letters in white on its colour.
 */
public final class ProviderLogo {
    /** The style class of every provider logo. */
    public static final String STYLE_CLASS = "provider-logo";
    private static final Color LIGHT_SQUARE = Color.WHITE;
    private static final Color DARK_SQUARE = Color.web("#1F2933");
    private static final Color EDGE = Color.web("#D9DEE3");
    /** simple-icons draw on a 24×24 view box. */
    private static final double VIEW_BOX = 24;
    /** The share of the square the icon fills; the rest is margin. */
    private static final double ICON_SHARE = 0.64;

    private ProviderLogo() {}

    /** The logo when there is one, else the monogram, in a square of {@code size} pixels. */
    public static Node of(Optional<Logo> logo, Monogram monogram, double size) {
        return logo.map(l -> brand(l, size)).orElseGet(() -> monogram(monogram, size));
    }

    private static StackPane brand(Logo logo, double size) {
        SVGPath path = new SVGPath();
        path.setContent(logo.svgPath());
        path.setFill(Color.web("#" + logo.colour()));
        // The path keeps its 24×24 coordinates inside a 24×24 box, scaled about the box's centre, so the
        // icon sits where its designers placed it in the view box.
        Pane box = new Pane(path);
        box.setMinSize(VIEW_BOX, VIEW_BOX);
        box.setPrefSize(VIEW_BOX, VIEW_BOX);
        box.setMaxSize(VIEW_BOX, VIEW_BOX);
        double scale = size * ICON_SHARE / VIEW_BOX;
        box.setScaleX(scale);
        box.setScaleY(scale);
        StackPane square = square(size, box);
        CornerRadii corners = corners(size);
        if (logo.light()) {
            square.setBackground(new Background(new BackgroundFill(DARK_SQUARE, corners, Insets.EMPTY)));
        } else {
            square.setBackground(new Background(new BackgroundFill(LIGHT_SQUARE, corners, Insets.EMPTY)));
            square.setBorder(new Border(new BorderStroke(EDGE, BorderStrokeStyle.SOLID, corners, BorderWidths.DEFAULT)));
        }
        return square;
    }

    private static StackPane monogram(Monogram monogram, double size) {
        Text letters = new Text(monogram.letters());
        letters.setFill(Color.WHITE);
        letters.setFont(Font.font(null, FontWeight.BOLD, size * (monogram.letters().length() > 1 ? 0.38 : 0.46)));
        StackPane square = square(size, letters);
        square.setBackground(new Background(new BackgroundFill(Color.web("#" + monogram.colour()), corners(size), Insets.EMPTY)));
        return square;
    }

    private static StackPane square(double size, Node content) {
        StackPane square = new StackPane(content);
        square.getStyleClass().add(STYLE_CLASS);
        square.setMinSize(size, size);
        square.setPrefSize(size, size);
        square.setMaxSize(size, size);
        square.setFocusTraversable(false);
        return square;
    }

    private static CornerRadii corners(double size) {
        return new CornerRadii(size * 0.22);
    }
}
