import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds Onramp's installer for the OS it runs on from {@code target/onramp.jar} and {@code target/lib}:
 * a jlinked runtime (the JDK modules the app needs plus JavaFX), a jpackage app-image with an AOT
 * cache trained on a scripted start, then the installers ({@code .deb}; {@code .msi}, {@code .exe};
 * {@code .dmg}, {@code .pkg}).
 *
 * <p>Run it from the project folder with the JDK 25 that builds Onramp: {@code mvn -Ppackage package}
 * does, or by hand {@code java installer/BuildInstaller.java --version 0.1.0 [--types default|deb|msi,exe|dmg,pkg|none]}.
 * Signing is driven by environment variables, see {@code installer/README.md}.
 */
public final class BuildInstaller {
    private static final String APP = "Onramp";
    private static final String AOT_CACHE = "onramp.aot";
    /** What the training run prints once it has connected HubSpot in demo mode (dev.onramp.StartupProbe). */
    private static final String PROBE_LINE = "onramp: demo connected";
    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(3);

    private final Path project;
    private final Os os;
    private final String version;
    private final Path javaHome = Path.of(System.getProperty("java.home"));
    private final Path target;
    private final Path work;

    private BuildInstaller(Path project, Os os, String version) {
        this.project = project;
        this.os = os;
        this.version = version;
        this.target = project.resolve("target");
        this.work = target.resolve("package");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Os os = Os.current();
        String version = appVersion(options.getOrDefault("--version", "0.1.0"), os);
        String requested = options.getOrDefault("--types", "default");
        List<String> types = Arrays.stream((requested.equals("default") ? os.defaultTypes : requested).split(","))
                .filter(type -> !type.isBlank() && !type.equals("none"))
                .toList();
        BuildInstaller build = new BuildInstaller(Path.of("").toAbsolutePath(), os, version);
        Path image = build.appImage();
        for (String type : types) {
            build.installer(image, type);
        }
    }

    /** The trained app-image in {@code target/package/app-image}. */
    private Path appImage() throws IOException, InterruptedException {
        Path jar = target.resolve("onramp.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn package` first.");
        }
        deleteTree(work);
        Files.createDirectories(work);
        List<Path> libs = jarsIn(target.resolve("lib"));
        List<Path> javafx = libs.stream().filter(BuildInstaller::isJavaFxModule).toList();
        List<Path> classPath = libs.stream().filter(p -> !p.getFileName().toString().startsWith("javafx-")).toList();

        Path jmods = javafxJmods(javafx);
        Path runtime = runtime(jmods, javafx, jar, classPath);
        Path input = stageInput(jar, classPath);

        Path images = work.resolve("app-image");
        List<String> jpackage = new ArrayList<>(List.of(tool("jpackage"), "--type", "app-image",
                "@" + project.resolve("installer/common.args"),
                "@" + project.resolve("installer/app-image.args"),
                "--app-version", version,
                "--icon", project.resolve("resources/icons/onramp." + os.iconExtension).toString(),
                "--input", input.toString(),
                "--runtime-image", runtime.toString(),
                "--dest", images.toString()));
        run(jpackage, Map.of());
        Path image = images.resolve(os.imageName);
        train(image);
        signWindowsFile(image.resolve(os.launcher));
        System.out.printf("App-image: %s (%.1f MB)%n", image, sizeOf(image) / 1e6);
        return image;
    }

    /** JavaFX's modular jars as jmods, so that jlink puts their native libraries where the JDK's are. */
    private Path javafxJmods(List<Path> jars) throws IOException, InterruptedException {
        if (jars.isEmpty()) {
            throw new IllegalStateException("No JavaFX modular jars in target/lib: run `mvn package` first.");
        }
        Path jmods = work.resolve("jmods");
        Files.createDirectories(jmods);
        for (Path jar : jars) {
            ModuleDescriptor module = descriptor(jar);
            Path classes = work.resolve("javafx").resolve(module.name()).resolve("classes");
            Path natives = work.resolve("javafx").resolve(module.name()).resolve("native");
            unpackModule(jar, classes, natives);
            List<String> jmod = new ArrayList<>(List.of(tool("jmod"), "create", "--class-path", classes.toString()));
            module.rawVersion().ifPresent(v -> jmod.addAll(List.of("--module-version", v)));
            if (Files.isDirectory(natives)) {
                jmod.addAll(List.of("--libs", natives.toString()));
            }
            jmod.add(jmods.resolve(module.name() + ".jmod").toString());
            run(jmod, Map.of());
        }
        return jmods;
    }

    /** The JDK and JavaFX modules the app needs, found by jdeps and trimmed by installer/modules.txt. */
    private Path runtime(Path jmods, List<Path> javafx, Path jar, List<Path> classPath)
            throws IOException, InterruptedException {
        // jdeps reads modular jars but not jmods, so it gets JavaFX as the jars.
        List<String> jdeps = new ArrayList<>(List.of(tool("jdeps"), "--multi-release", "25", "--ignore-missing-deps",
                "--print-module-deps", "--module-path", pathList(javafx), "--class-path", pathList(classPath),
                jar.toString()));
        TreeSet<String> modules = new TreeSet<>(Arrays.asList(output(jdeps).strip().split(",")));
        for (String line : Files.readAllLines(project.resolve("installer/modules.txt"))) {
            String entry = line.strip().split("\\s+")[0];
            if (entry.startsWith("-")) {
                modules.remove(entry.substring(1));
            } else if (entry.startsWith("+")) {
                modules.add(entry.substring(1));
            }
        }
        System.out.println("Runtime modules: " + String.join(",", modules));
        Path runtime = work.resolve("runtime");
        // Uncompressed modules start faster and shrink far better in a .deb's xz than zip-compressed ones.
        run(List.of(tool("jlink"), "--module-path", jmods.toString(), "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--strip-native-commands",
                "--output", runtime.toString()), Map.of());
        return runtime;
    }

    /**
     * The jars of the app-image, stored without compression: classes load without inflating and the
     * installers' own compression (xz in a .deb) does much better on them.
     */
    private Path stageInput(Path jar, List<Path> classPath) throws IOException {
        Path input = work.resolve("input");
        Files.createDirectories(input.resolve("lib"));
        // jpackage lists every jar on the class path, so the manifest's Class-Path (made for target/lib,
        // with the JavaFX jars) would only add lookups for files that are not there.
        copyStored(jar, input.resolve(jar.getFileName()), true);
        for (Path lib : classPath) {
            copyStored(lib, input.resolve("lib").resolve(lib.getFileName()), false);
        }
        return input;
    }

    /**
     * Trains the AOT cache on a scripted run (window, hub, data loaded, one demo connect, exit) and
     * makes the launcher use it.
     */
    private void train(Path image) throws IOException, InterruptedException {
        Path launcher = image.resolve(os.launcher);
        // Relative to the project folder, where the launcher runs: JAVA_TOOL_OPTIONS splits at spaces.
        Path cache = project.relativize(image.resolve(os.appDir).resolve(AOT_CACHE));
        Path config = project.relativize(work.resolve("onramp.aotconf"));
        Path data = work.resolve("training-data");
        Files.createDirectories(data);
        try (Display display = Display.forTraining(os)) {
            Map<String, String> env = new LinkedHashMap<>(display.environment());
            // No method profiles: the launcher runs the client compiler only (app-image.args), which does not use them.
            env.put("JAVA_TOOL_OPTIONS", "-XX:AOTMode=record -XX:AOTConfiguration=" + config
                    + " -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining"
                    + " -Donramp.startup.probe=train -Xlog:aot=error");
            System.out.println("Training the AOT cache: start, show the hub, open the data, load the businesses,"
                    + " connect HubSpot in demo mode, exit");
            String out = outputWithin(List.of(launcher.toString(), "--data-dir", data.toString()), env, TRAINING_LIMIT);
            if (!out.contains(PROBE_LINE)) {
                throw new IllegalStateException("The training run ended without connecting HubSpot:\n" + out);
            }
        }
        run(List.of(launcher.toString()), Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=create -XX:AOTConfiguration="
                + config + " -XX:AOTCache=" + cache + " -Xlog:aot=error"));
        Files.writeString(image.resolve(os.appDir).resolve(APP + ".cfg"),
                "java-options=-XX:AOTCache=$APPDIR/" + AOT_CACHE + System.lineSeparator(), StandardOpenOption.APPEND);
        System.out.printf("AOT cache: %s (%.1f MB)%n", cache, Files.size(project.resolve(cache)) / 1e6);
    }

    /** One installer of {@code type} from the trained app-image, signed and notarized when the environment says how. */
    private void installer(Path image, String type) throws IOException, InterruptedException {
        Path dest = target.resolve("installer");
        Files.createDirectories(dest);
        List<String> jpackage = new ArrayList<>(List.of(tool("jpackage"), "--type", type,
                "--app-image", image.toString(),
                "@" + project.resolve("installer/common.args"),
                "@" + project.resolve("installer").resolve(os.folder).resolve("installer.args"),
                "--app-version", version,
                "--dest", dest.toString()));
        jpackage.addAll(os.signingOptions());
        Map<String, String> env = new LinkedHashMap<>();
        // Use both cores for the .deb's xz; dpkg-deb reads these (dpkg 1.21.10 and later).
        env.put("DPKG_DEB_THREADS_MAX", String.valueOf(Runtime.getRuntime().availableProcessors()));
        Instant started = Instant.now();
        run(jpackage, env);
        Path made = newestFile(dest, type);
        signWindowsFile(made);
        notarize(made);
        System.out.printf("Installer: %s (%.1f MB, %d s)%n", made, Files.size(made) / 1e6,
                Duration.between(started, Instant.now()).toSeconds());
    }

    private void signWindowsFile(Path file) throws IOException, InterruptedException {
        Optional<String> certificate = env("ONRAMP_WINDOWS_CERTIFICATE");
        if (os != Os.WINDOWS || certificate.isEmpty()) {
            return;
        }
        run(List.of("signtool", "sign", "/fd", "SHA256", "/td", "SHA256",
                "/tr", env("ONRAMP_WINDOWS_TIMESTAMP_URL").orElse("http://timestamp.digicert.com"),
                "/f", certificate.get(), "/p", env("ONRAMP_WINDOWS_CERTIFICATE_PASSWORD").orElse(""),
                file.toString()), Map.of());
    }

    private void notarize(Path file) throws IOException, InterruptedException {
        Optional<String> appleId = env("ONRAMP_NOTARY_APPLE_ID");
        if (os != Os.MACOS || appleId.isEmpty()) {
            return;
        }
        run(List.of("xcrun", "notarytool", "submit", file.toString(), "--wait",
                "--apple-id", appleId.get(),
                "--team-id", env("ONRAMP_NOTARY_TEAM_ID").orElseThrow(() -> missing("ONRAMP_NOTARY_TEAM_ID")),
                "--password", env("ONRAMP_NOTARY_PASSWORD").orElseThrow(() -> missing("ONRAMP_NOTARY_PASSWORD"))),
                Map.of());
        run(List.of("xcrun", "stapler", "staple", file.toString()), Map.of());
    }

    // ---- the OS it runs on

    /** What differs between the three desktop systems: names, layout of the app-image, installers, signing. */
    private enum Os {
        LINUX("linux", "deb", "png", APP, "bin/" + APP, "lib/app"),
        WINDOWS("windows", "msi,exe", "ico", APP, APP + ".exe", "app"),
        MACOS("macos", "dmg,pkg", "icns", APP + ".app", "Contents/MacOS/" + APP, "Contents/app");

        final String folder;
        final String defaultTypes;
        final String iconExtension;
        final String imageName;
        final String launcher;
        final String appDir;

        Os(String folder, String defaultTypes, String iconExtension, String imageName, String launcher, String appDir) {
            this.folder = folder;
            this.defaultTypes = defaultTypes;
            this.iconExtension = iconExtension;
            this.imageName = imageName;
            this.launcher = launcher;
            this.appDir = appDir;
        }

        static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return name.startsWith("windows") ? WINDOWS : name.startsWith("mac") ? MACOS : LINUX;
        }

        /** jpackage's signing options for macOS when ONRAMP_MAC_SIGN_IDENTITY names a Developer ID certificate. */
        List<String> signingOptions() {
            Optional<String> identity = env("ONRAMP_MAC_SIGN_IDENTITY");
            if (this != MACOS || identity.isEmpty()) {
                return List.of();
            }
            List<String> options = new ArrayList<>(List.of("--mac-sign", "--mac-signing-key-user-name", identity.get()));
            env("ONRAMP_MAC_KEYCHAIN").ifPresent(keychain -> options.addAll(List.of("--mac-signing-keychain", keychain)));
            return options;
        }
    }

    /** The X display the training run draws on: the caller's, or a private Xvfb on a Linux machine without one. */
    private record Display(Map<String, String> environment, Optional<Process> server) implements AutoCloseable {
        static Display forTraining(Os os) throws IOException {
            if (os != Os.LINUX || env("DISPLAY").isPresent()) {
                return new Display(Map.of(), Optional.empty());
            }
            Process xvfb;
            try {
                xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new IllegalStateException("The AOT cache is trained by opening the window once, and there is "
                        + "no display: set DISPLAY or install Xvfb (apt-get install xvfb).", e);
            }
            String number = new BufferedReader(xvfb.inputReader(StandardCharsets.US_ASCII)).readLine();
            if (number == null) {
                throw new IllegalStateException("Xvfb did not start: try `Xvfb -displayfd 1` by hand.");
            }
            return new Display(Map.of("DISPLAY", ":" + number.strip()), Optional.of(xvfb));
        }

        @Override
        public void close() {
            server.ifPresent(Process::destroy);
        }
    }

    // ---- files and processes

    private static boolean isJavaFxModule(Path jar) {
        return jar.getFileName().toString().startsWith("javafx-") && ModuleFinder.of(jar).findAll().stream()
                .map(ModuleReference::descriptor)
                .anyMatch(d -> !d.isAutomatic());
    }

    private static ModuleDescriptor descriptor(Path jar) {
        return ModuleFinder.of(jar).findAll().iterator().next().descriptor();
    }

    /** Unpacks a JavaFX jar: classes and resources to {@code classes}, the native libraries at its root to {@code natives}. */
    private static void unpackModule(Path jar, Path classes, Path natives) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                // The manifest and the SWT bridge (a jar inside the jar) have no place in a jmod.
                if (entry.isDirectory() || name.startsWith("META-INF/") || name.endsWith(".jar")) {
                    continue;
                }
                boolean nativeLibrary = !name.contains("/") && name.matches(".*\\.(so|dll|dylib)$");
                Path to = (nativeLibrary ? natives : classes).resolve(name);
                Files.createDirectories(to.getParent());
                Files.copy(in, to);
            }
        }
    }

    /** Copies {@code from} to {@code to} with every entry stored, in the same order, optionally without Class-Path. */
    private static void copyStored(Path from, Path to, boolean dropClassPath) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (dropClassPath && entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    bytes = withoutClassPath(bytes);
                }
                ZipEntry stored = new ZipEntry(entry.getName());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(bytes.length);
                stored.setCompressedSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                stored.setCrc(crc.getValue());
                stored.setTime(entry.getTime());
                out.putNextEntry(stored);
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    private static byte[] withoutClassPath(byte[] manifestBytes) throws IOException {
        Manifest manifest = new Manifest(new ByteArrayInputStream(manifestBytes));
        manifest.getMainAttributes().remove(Attributes.Name.CLASS_PATH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out);
        return out.toByteArray();
    }

    private static String pathList(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Path newestFile(Path dir, String extension) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith("." + extension))
                    .max(Comparator.comparing(BuildInstaller::modified))
                    .orElseThrow(() -> new IllegalStateException("jpackage made no ." + extension + " in " + dir));
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private String tool(String name) {
        return javaHome.resolve("bin").resolve(os == Os.WINDOWS ? name + ".exe" : name).toString();
    }

    private void run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        System.out.println("> " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).inheritIO();
        builder.environment().putAll(env);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(command.getFirst() + " failed with exit code " + exit);
        }
    }

    private String output(List<String> command) throws IOException, InterruptedException {
        return outputWithin(command, Map.of(), Duration.ofMinutes(5));
    }

    /** Runs {@code command} and returns its standard output, failing when it exits non-zero or outlives {@code limit}. */
    private String outputWithin(List<String> command, Map<String, String> env, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<String> printed = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getInputStream()) {
                printed.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                printed.completeExceptionally(e);
            }
        });
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.getFirst() + " did not finish within " + limit);
        }
        String out = printed.join();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command.getFirst() + " failed with exit code " + process.exitValue()
                    + ":\n" + out);
        }
        return out;
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    private static IllegalStateException missing(String name) {
        return new IllegalStateException(name + " is not set: notarization needs it.");
    }

    /**
     * jpackage wants a plain numeric version: 0.1.0-SNAPSHOT becomes 0.1.0. On macOS it refuses a
     * first number of 0, so there every version's first number is raised by one (0.1.0 becomes
     * 1.1.0, 1.0.0 becomes 2.0.0): never below 1, and each release still newer than the one before.
     */
    private static String appVersion(String projectVersion, Os os) {
        String plain = projectVersion.replaceFirst("[-+].*$", "");
        if (os != Os.MACOS) {
            return plain;
        }
        String[] parts = plain.split("\\.", 2);
        return (Integer.parseInt(parts[0]) + 1) + (parts.length > 1 ? "." + parts[1] : "");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
