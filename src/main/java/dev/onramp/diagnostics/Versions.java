package dev.onramp.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/** The versions a support person asks for first: Onramp's, Java's, JavaFX's and the operating system's. */
public record Versions(String onramp, String java, String javafx, String os) {
    private static final String UNKNOWN = "unknown";

    /** The versions of this running Onramp, read without starting JavaFX. */
    public static Versions current() {
        String onramp = Optional.ofNullable(Versions.class.getPackage().getImplementationVersion())
                .orElse("(development build)");
        String java = Runtime.version() + " (" + System.getProperty("java.vendor", UNKNOWN) + ", "
                + System.getProperty("java.home", UNKNOWN) + ")";
        String os = System.getProperty("os.name", UNKNOWN) + " " + System.getProperty("os.version", "") + " ("
                + System.getProperty("os.arch", UNKNOWN) + ")";
        return new Versions(onramp, java, javaFx().orElse("not found"), os);
    }

    /** Lines of {@code Name: version}, each ending with a line feed. */
    public String text() {
        return "Onramp: " + onramp + "\nJava: " + java + "\nJavaFX: " + javafx + "\nOS: " + os + "\n";
    }

    /**
     * JavaFX sets its version as a system property once it runs; before that (the command line) the
     * {@code javafx.properties} file of javafx.base says it, or the module's version in a linked image.
     */
    private static Optional<String> javaFx() {
        Optional<String> running = Optional.ofNullable(System.getProperty("javafx.runtime.version"));
        if (running.isPresent()) {
            return running;
        }
        try (InputStream in = ClassLoader.getSystemResourceAsStream("javafx.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                Optional<String> version = Optional.ofNullable(properties.getProperty("javafx.runtime.version"));
                if (version.isPresent()) {
                    return version;
                }
            }
        } catch (IOException e) {
            // Unreadable: fall through to the module's own version.
        }
        return ModuleLayer.boot().findModule("javafx.base").flatMap(module -> module.getDescriptor().rawVersion());
    }
}
