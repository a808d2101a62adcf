package dev.onramp.diagnostics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The libraries Onramp ships, each with its version and licence: the build lists them
 * ({@code bundled-libraries.txt}, from Maven's runtime dependencies), {@code licences.tsv} says each
 * one's licence; and the notice of the providers' logos.
 */
public final class BundledLibraries {
    private static final String LIST = "/dev/onramp/diagnostics/bundled-libraries.txt";
    private static final String LICENCES = "/dev/onramp/diagnostics/licences.tsv";
    private static final String LOGOS_NOTICE = "/dev/onramp/catalog/logos-NOTICE.txt";

    private BundledLibraries() {}

    /** One library: its Maven coordinates, version, project name and licence ("unknown" when none is listed). */
    public record Library(String group, String artifact, String version, String project, String licence) {
        /** "Jackson (jackson-core 2.23.0): Apache-2.0". */
        public String line() {
            return project + " (" + artifact + " " + version + "): " + licence;
        }
    }

    /** The libraries of this build in the order the build listed them; empty when it has no list (an IDE's build). */
    public static List<Library> all() {
        Map<String, String[]> licences = licences();
        Map<String, Library> libraries = new LinkedHashMap<>();
        for (String line : lines(LIST)) {
            parse(line).ifPresent(coordinates -> {
                String group = coordinates[0];
                String artifact = coordinates[1];
                String[] licence = Optional.ofNullable(licences.get(group + ":" + artifact))
                        .orElse(licences.get(group));
                libraries.putIfAbsent(group + ":" + artifact, new Library(group, artifact, coordinates[2],
                        licence == null ? artifact : licence[1], licence == null ? "unknown" : licence[0]));
            });
        }
        return List.copyOf(libraries.values());
    }

    /** The licence lines by group or group:artifact: the licence, then the project's name. */
    static Map<String, String[]> licences() {
        Map<String, String[]> licences = new LinkedHashMap<>();
        for (String line : lines(LICENCES)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            licences.put(fields[0].strip(), new String[] {fields[1].strip(), fields[2].strip()});
        }
        return licences;
    }

    /** The notice that comes with the providers' logos (simple-icons), as bundled. */
    public static String logosNotice() {
        return String.join("\n", lines(LOGOS_NOTICE)).strip();
    }

    /**
     * The group, artifact and version of a line of Maven's dependency list
     * ({@code "   group:artifact:jar[:classifier]:version:scope -- module …"}); empty for its other lines.
     */
    static Optional<String[]> parse(String line) {
        String coordinates = line.strip().split("\\s+")[0];
        String[] parts = coordinates.split(":");
        if (parts.length < 5 || parts.length > 6) {
            return Optional.empty();
        }
        return Optional.of(new String[] {parts[0], parts[1], parts[parts.length - 2]});
    }

    private static List<String> lines(String resource) {
        try (InputStream in = BundledLibraries.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Onramp could not read its bundled " + resource, e);
        }
    }
}
