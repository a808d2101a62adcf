package dev.onramp.store;

/** The result of checking the audit log's chain and signed checkpoints: intact, or the first entry found bad. */
public sealed interface AuditVerification {
    /** One sentence for people and for the command line. */
    String message();

    /** Every entry is there, unchanged and in order, and every signed checkpoint matches. */
    record Intact(long entries, long lastCheckpoint) implements AuditVerification {
        @Override
        public String message() {
            return entries == 0 ? "The audit log is intact and empty."
                    : "The audit log is intact: " + entries + (entries == 1 ? " entry" : " entries")
                            + "; the last signed checkpoint vouches for entry " + lastCheckpoint + ".";
        }
    }

    /** The log was changed: {@code firstBadSeq} is the lowest sequence number that is not as it was written. */
    record Broken(long firstBadSeq, String reason) implements AuditVerification {
        @Override
        public String message() {
            return "The audit log was tampered with at entry " + firstBadSeq + ": " + reason + ".";
        }
    }
}
