package dev.onramp.diagnostics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A zip of text files whose secrets are masked on the way in. */
final class RedactedZip implements AutoCloseable {
    private final ZipOutputStream zip;

    RedactedZip(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    /** Adds {@code content} as the entry {@code name}. */
    void text(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(SecretRedactor.redact(content).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /**
     * Adds the text file {@code source} as the entry {@code name}, masked as a whole so that a secret
     * split over lines is found too; bytes that are not UTF-8 become U+FFFD.
     */
    void file(String name, Path source) throws IOException {
        text(name, new String(Files.readAllBytes(source), StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
