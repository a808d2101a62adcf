package dev.onramp.diagnostics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets through to the console only Onramp's warnings and errors and libraries' errors until the data
 * folder's log file is attached, and nothing after: the person reads Onramp's own sentences, the log
 * file gets everything.
 */
public final class ConsoleFilter extends Filter<ILoggingEvent> {
    private static final String ONRAMP = "dev.onramp";
    /** How many data folders' log files are attached now (tests open several at once). */
    private static final AtomicInteger FILES = new AtomicInteger();

    /** Called by {@link FileLogging} as it attaches a log file: from then on logger lines stay out of the console. */
    static void fileAttached() {
        FILES.incrementAndGet();
    }

    /** Called as a log file is detached again. */
    static void fileDetached() {
        FILES.decrementAndGet();
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (FILES.get() > 0) {
            return FilterReply.DENY;
        }
        Level least = isOnramp(event.getLoggerName()) ? Level.WARN : Level.ERROR;
        return event.getLevel().isGreaterOrEqual(least) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }

    private static boolean isOnramp(String logger) {
        return logger.equals(ONRAMP) || logger.startsWith(ONRAMP + ".");
    }
}
