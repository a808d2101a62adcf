package dev.onramp.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import dev.onramp.text.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed checkpoints of the audit chain, one JSON line per checkpoint, in a file next to the database:
 * outside it, so that cutting entries off the end of the log (and resetting its head) is still noticed.
 * Each line names an entry's sequence number and MAC and carries an Ed25519 signature by a key kept
 * encrypted in the {@code keyset} table.
 */
final class AuditCheckpoints {
    static final String FILE_NAME = "audit-checkpoints.jsonl";
    static final String KEYSET_ID = "audit-signing";

    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final PublicKeySign signer;
    private final PublicKeyVerify verifier;
    private final Clock clock;
    private long lastWritten;

    private AuditCheckpoints(Path file, PublicKeySign signer, PublicKeyVerify verifier, Clock clock) {
        this.file = file;
        this.signer = signer;
        this.verifier = verifier;
        this.clock = clock;
    }

    static AuditCheckpoints open(Path file, KeysetStore keysets, Clock clock) {
        KeysetHandle keyset = keysets.loadOrCreate(KEYSET_ID, PredefinedSignatureParameters.ED25519);
        try {
            return new AuditCheckpoints(file, keyset.getPrimitive(keysets.tink(), PublicKeySign.class),
                    keyset.getPublicKeysetHandle().getPrimitive(keysets.tink(), PublicKeyVerify.class), clock);
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.auditCheckpoints.keySetUp", e.getMessage()), e);
        }
    }

    Path file() {
        return file;
    }

    /**
     * Appends a signed checkpoint for entry {@code seq}, unless this process already wrote one as far.
     * It runs after the entry's transaction committed, so a failure here must not look like a failed
     * append: it is logged, and the next append or closing the log writes a newer checkpoint.
     */
    synchronized void write(long seq, byte[] mac) {
        if (seq <= lastWritten) {
            return;
        }
        Instant at = clock.instant();
        ObjectNode line = JSON.createObjectNode()
                .put("seq", seq)
                .put("mac", base64(mac))
                .put("at", at.toString());
        try {
            line.put("signature", base64(signer.sign(signedBytes(seq, mac, at))));
            byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            append(bytes);
            lastWritten = seq;
        } catch (GeneralSecurityException | IOException e) {
            String why = DiskFullException.causedIt(e) ? "the disk holding it is full" : e.toString();
            LOG.warn("Could not write the audit checkpoint for entry {} to {}: {}; the next one written vouches for it",
                    seq, file, why);
        }
    }

    /**
     * Appends one whole line and syncs it. A line a crash cut short is dropped first, and one this write
     * leaves short (a full disk) is cut off again, so that the next line never runs on from a broken one.
     */
    private void append(byte[] line) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long end = endOfLastWholeLine(channel);
            if (end < channel.size()) {
                channel.truncate(end);
            }
            try {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                long at = end;
                while (buffer.hasRemaining()) {
                    at += channel.write(buffer, at);
                }
                channel.force(true);
            } catch (IOException e) {
                try {
                    channel.truncate(end);
                } catch (IOException truncating) {
                    e.addSuppressed(truncating);
                }
                throw e;
            }
        }
    }

    /** The length of the file up to and including its last newline (0 when it has none). */
    private static long endOfLastWholeLine(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long at = size - 1; at >= 0; at--) {
            one.clear();
            if (channel.read(one, at) == 1 && one.get(0) == '\n') {
                return at + 1;
            }
        }
        return 0;
    }

    /** The checkpoints whose signatures hold, and the first line that is damaged or signed by another key. */
    Reading read() {
        String content;
        try {
            content = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new StoreException(Text.of("store.auditCheckpoints.read", file, e.getMessage()), e);
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        // The text after the last newline is a line a crash cut short: it was never a checkpoint.
        String[] lines = content.substring(0, content.lastIndexOf('\n') + 1).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            Optional<Checkpoint> checkpoint = parse(lines[i]);
            if (checkpoint.isEmpty()) {
                long vouched = checkpoints.stream().mapToLong(Checkpoint::seq).max().orElse(0);
                return new Reading(checkpoints, Optional.of(new BadLine(i + 1, vouched)));
            }
            checkpoints.add(checkpoint.get());
        }
        return new Reading(checkpoints, Optional.empty());
    }

    private Optional<Checkpoint> parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            long seq = node.required("seq").asLong();
            byte[] mac = Base64.getDecoder().decode(node.required("mac").asText());
            Instant at = Instant.parse(node.required("at").asText());
            verifier.verify(Base64.getDecoder().decode(node.required("signature").asText()), signedBytes(seq, mac, at));
            return Optional.of(new Checkpoint(seq, mac, at));
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static byte[] signedBytes(long seq, byte[] mac, Instant at) {
        return String.join("|", "onramp-audit-checkpoint-v1", Long.toString(seq), base64(mac), at.toString())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A signed statement that entry {@code seq} existed with this MAC at {@code at}. */
    record Checkpoint(long seq, byte[] mac, Instant at) {}

    /** A line of the file that does not hold a checkpoint signed by this installation. */
    record BadLine(int lineNumber, long vouchedBefore) {}

    /** What the file holds: the good checkpoints up to the first bad line, if any. */
    record Reading(List<Checkpoint> checkpoints, Optional<BadLine> badLine) {
        long highestSeq() {
            return checkpoints.stream().mapToLong(Checkpoint::seq).max().orElse(0);
        }
    }
}
