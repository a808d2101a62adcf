package dev.onramp.ui.help;

import dev.onramp.ui.common.UiText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * The user guide Onramp ships in English, German and French, copied whole into the data folder
 * ({@code help/onramp-guide-<language>.html}) so that the system's browser opens it without a network.
 */
final class GuidePage {
    /** The data folder's folder for the guide; {@code remove-data} knows it: every name in it starts with onramp. */
    static final String FOLDER = "help";

    private GuidePage() {}

    /** The bundled page for {@code language}: the German or French guide, else the English one. */
    static String resource(Locale language) {
        return switch (language.getLanguage()) {
            case "de" -> "guide_de.html";
            case "fr" -> "guide_fr.html";
            default -> "guide.html";
        };
    }

    /** Where the guide in {@code language} is copied to in {@code dataFolder}. */
    static Path file(Path dataFolder, Locale language) {
        String tag = switch (language.getLanguage()) {
            case "de", "fr" -> language.getLanguage();
            default -> "en";
        };
        return dataFolder.toAbsolutePath().resolve(FOLDER).resolve("onramp-guide-" + tag + ".html");
    }

    /** The bundled page's bytes for {@code language}. */
    static byte[] bundled(Locale language) {
        String name = resource(language);
        try (InputStream in = GuidePage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The guide " + name + " is missing from this build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("The guide " + name + " in this build cannot be read", e);
        }
    }

    /**
     * Copies the guide in {@code language} into {@code dataFolder}, whole (a temporary file moved over the old
     * one), unless the very same page is already there, and returns the file.
     *
     * @throws IOException when it cannot be written; nothing half-written is left behind
     */
    static Path write(Path dataFolder, Locale language) throws IOException {
        Path target = file(dataFolder, language);
        byte[] page = bundled(language);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), page)) {
            return target;
        }
        Path folder = Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(folder, target.getFileName() + ".", ".part");
        try {
            Files.write(temp, page);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            deleteQuietly(temp);
        }
        return target;
    }

    /** Removes a temporary file a failed write left; gone already after a move. */
    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The write's own failure, if any, is what the person is told.
        }
    }

    /** One sentence for the window: why the guide could not be written into {@code dataFolder}, and what to do. */
    static String problem(IOException failure, Path dataFolder, Locale language) {
        Path target = file(dataFolder, language);
        Path folder = Files.isDirectory(target.getParent()) ? target.getParent() : dataFolder.toAbsolutePath();
        String reason = failure instanceof FileSystemException system && system.getReason() != null
                ? system.getReason() : failure.getMessage();
        if (failure instanceof AccessDeniedException
                || reason != null && reason.toLowerCase(Locale.ROOT).contains("read-only")) {
            return UiText.get("ui.help.guide.readOnly", folder);
        }
        return UiText.get("ui.help.guide.notWritten", folder,
                reason == null || reason.isBlank() ? failure.getClass().getSimpleName() : reason.strip());
    }
}
