package dev.onramp;

import java.lang.reflect.InvocationTargetException;

/**
 * The entry point of {@code mvn javafx:run}: it hands over to {@link Main}.
 *
 * <p>The JavaFX Maven plugin loads its main class inside Maven's own JVM before starting the app on
 * JDK 25, and Maven may run on an older Java; so this one class is compiled for Java 17 and
 * reaches {@code Main} by name.
 */
public final class MavenRunLauncher {
    private MavenRunLauncher() {}

    public static void main(String[] args) throws ReflectiveOperationException {
        try {
            Class.forName("dev.onramp.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
