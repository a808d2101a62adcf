package dev.onramp.connect.summary;

/** A summary that could not be written to a file, with one sentence saying why and what to do. */
public final class SummaryWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SummaryWriteException(String message) {
        super(message);
    }
}
