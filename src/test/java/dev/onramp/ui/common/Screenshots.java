package dev.onramp.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Writes a PNG of a scene under target/screenshots/ so people can look at the screens a test saw. */
public final class Screenshots {
    private static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {}

    /** Snapshots {@code scene} on the FX thread and writes it as {@code <name>.png}; call it off the FX thread. */
    public static Path write(Scene scene, String name) {
        try {
            return writePng(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS), name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while taking the screenshot " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not take the screenshot " + name, e);
        }
    }

    private static Path writePng(WritableImage image, String name) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(FOLDER);
            Path file = FOLDER.resolve(name + ".png");
            ImageIO.write(buffered, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the screenshot " + name, e);
        }
    }
}
