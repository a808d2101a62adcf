package dev.onramp.store;

/** The file formats audit entries are exported in. */
public enum AuditFormat {
    /** One JSON object per line. */
    JSONL,
    /** RFC 4180 comma-separated values with a header row. */
    CSV
}
