package dev.onramp.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Logo;
import dev.onramp.catalog.Logos;
import dev.onramp.catalog.Monogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Provider logos drawn as square nodes of the asked size: brand icons from the bundled logos, monograms for the rest. */
@ExtendWith(ApplicationExtension.class)
class ProviderLogoTest {
    private static final double SIZE = 48;

    private Node stripe;
    private Node mailchimp;
    private Node klaviyo;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stripe = ProviderLogo.of(Logos.of("stripe"), Logos.monogram("Stripe"), SIZE);
        mailchimp = ProviderLogo.of(Logos.of("mailchimp"), Logos.monogram("Mailchimp"), SIZE);
        klaviyo = ProviderLogo.of(Logos.of("klaviyo"), Logos.monogram("Klaviyo"), SIZE);
        HBox row = new HBox(12, stripe, mailchimp, klaviyo);
        row.setStyle("-fx-padding: 12; -fx-background-color: white");
        stage.setScene(new Scene(row));
        stage.show();
    }

    @Test
    void brandLogo_isASquareOfTheAskedSizeWithTheIconInItsColour() {
        assertThat(stripe.getStyleClass()).contains("provider-logo");
        assertThat(stripe.isFocusTraversable()).isFalse();
        assertThat(size(stripe)).isEqualTo(new double[] {SIZE, SIZE});
        SVGPath path = (SVGPath) stripe.lookup("SVGPath");
        assertThat(path.getFill()).isEqualTo(Color.web("#635BFF"));
        Bounds icon = path.localToScene(path.getBoundsInLocal());
        assertThat(icon.getHeight()).isBetween(SIZE * 0.5, SIZE * 0.7);
        assertThat(pixels(stripe)).as("a pixel in Stripe's colour").anyMatch(c -> near(c, Color.web("#635BFF")));
        Screenshots.write(stage.getScene(), "provider-logos");
    }

    @Test
    void lightBrandColour_isDrawnOnADarkSquare() {
        assertThat(size(mailchimp)).isEqualTo(new double[] {SIZE, SIZE});
        Color corner = onFx(() -> snapshot(mailchimp)).getPixelReader().getColor((int) (SIZE / 2), 2);
        assertThat(corner.getBrightness()).isLessThan(0.3);
        assertThat(pixels(mailchimp)).anyMatch(c -> near(c, Color.web("#FFE01B")));
    }

    @Test
    void providerWithoutLogo_showsItsMonogramOnItsColour() {
        Monogram monogram = Logos.monogram("Klaviyo");
        assertThat(size(klaviyo)).isEqualTo(new double[] {SIZE, SIZE});
        assertThat(klaviyo.getStyleClass()).contains("provider-logo");
        assertThat(klaviyo.lookup("SVGPath")).isNull();
        assertThat(((Text) klaviyo.lookup("Text")).getText()).isEqualTo("K");
        Color edge = onFx(() -> snapshot(klaviyo)).getPixelReader().getColor((int) (SIZE / 2), 2);
        assertThat(near(edge, Color.web("#" + monogram.colour()))).isTrue();
        assertThat(pixels(klaviyo)).as("white letters").anyMatch(c -> near(c, Color.WHITE));
    }

    @Test
    void logoAskedAtAnotherSize_takesThatSize(FxRobot robot) {
        Logo logo = Logos.of("notion").orElseThrow();
        Node small = onFx(() -> ProviderLogo.of(Optional.of(logo), new Monogram("N", "1D4ED8"), 20));
        Node monogram = onFx(() -> ProviderLogo.of(Optional.empty(), new Monogram("GA", "1D4ED8"), 20));
        robot.interact(() -> ((HBox) stage.getScene().getRoot()).getChildren().addAll(small, monogram));

        assertThat(size(small)).isEqualTo(new double[] {20, 20});
        assertThat(size(monogram)).isEqualTo(new double[] {20, 20});
        assertThat(((Text) monogram.lookup("Text")).getText()).isEqualTo("GA");
    }

    private static double[] size(Node node) {
        Bounds bounds = node.getLayoutBounds();
        return new double[] {bounds.getWidth(), bounds.getHeight()};
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    private static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The FX thread did not finish in time", e);
        }
    }

    private static WritableImage snapshot(Node node) {
        return node.snapshot(null, null);
    }

    private static List<Color> pixels(Node node) {
        WritableImage image = onFx(() -> snapshot(node));
        PixelReader reader = image.getPixelReader();
        List<Color> colours = new ArrayList<>();
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                colours.add(reader.getColor(x, y));
            }
        }
        return colours;
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.03 && Math.abs(a.getGreen() - b.getGreen()) < 0.03
                && Math.abs(a.getBlue() - b.getBlue()) < 0.03;
    }
}
