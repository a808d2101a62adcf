package dev.onramp.diagnostics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets through to the console only Onramp's warnings and errors and libraries' errors, so the
 * command line's output stays clean while the log file gets everything.
 */
public final class ConsoleFilter extends Filter<ILoggingEvent> {
    private static final String ONRAMP = "dev.onramp";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        Level least = isOnramp(event.getLoggerName()) ? Level.WARN : Level.ERROR;
        return event.getLevel().isGreaterOrEqual(least) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }

    private static boolean isOnramp(String logger) {
        return logger.equals(ONRAMP) || logger.startsWith(ONRAMP + ".");
    }
}
