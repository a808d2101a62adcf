package dev.onramp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes small executable shell scripts into a folder that a test uses as its PATH. */
public final class FakePrograms {
    private FakePrograms() {}

    /** Writes {@code folder/name}, a {@code /bin/sh} script with {@code body}, executable by its owner; returns the folder. */
    public static Path program(Path folder, String name, String body) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            Files.writeString(file, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the fake program " + name, e);
        }
    }
}
