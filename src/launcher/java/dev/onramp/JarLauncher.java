package dev.onramp;

/**
 * The entry point of {@code java -jar onramp.jar}: on a Java older than Onramp's it says so in one
 * sentence and exits 1, else it hands over to {@link Main}.
 *
 * <p>This one class is compiled for Java 8 (src/launcher), so that an old {@code java} loads it and
 * reaches the check instead of failing on Main with {@code UnsupportedClassVersionError}; Main is
 * loaded only after the check. The installers start Main directly, with their own Java.
 */
public final class JarLauncher {
    /** The Java Onramp is compiled for: the pom's maven.compiler.release (JarLauncherTest checks they agree). */
    static final int REQUIRED_JAVA = 25;

    private JarLauncher() {}

    public static void main(String[] args) {
        int running = feature(System.getProperty("java.specification.version", "0"));
        if (running < REQUIRED_JAVA) {
            System.err.println(refusal(running, System.getProperty("java.home", "?")));
            System.exit(1);
        }
        Main.main(args);
    }

    /** The sentence an old Java gets. */
    static String refusal(int running, String javaHome) {
        return "onramp: Onramp needs Java " + REQUIRED_JAVA + " or newer; this java is Java " + running + " (" + javaHome
                + "). Use the installer, which brings its own Java, or run the jar with a Java " + REQUIRED_JAVA
                + " java, e.g. /path/to/jdk-" + REQUIRED_JAVA + "/bin/java -jar onramp.jar.";
    }

    /** The feature version of a {@code java.specification.version}: 8 for "1.8", 17 for "17". */
    static int feature(String specification) {
        String version = specification.startsWith("1.") ? specification.substring(2) : specification;
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
