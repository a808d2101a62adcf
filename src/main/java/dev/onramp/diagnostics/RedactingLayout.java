package dev.onramp.diagnostics;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** A logback pattern layout that masks secrets in the whole formatted event, stack traces included. */
public final class RedactingLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return SecretRedactor.redact(super.doLayout(event));
    }
}
