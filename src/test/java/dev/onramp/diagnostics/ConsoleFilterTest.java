package dev.onramp.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which events reach the console: Onramp's warnings and errors, and libraries' errors, until a log file is attached. */
class ConsoleFilterTest {
    private final LoggerContext context = new LoggerContext();
    private final ConsoleFilter filter = new ConsoleFilter();

    private FilterReply decide(String logger, Level level) {
        return filter.decide(new LoggingEvent("test", context.getLogger(logger), level, "message", null, null));
    }

    @Test
    void onrampsWarning_isShown() {
        assertThat(decide("dev.onramp.connect.ConnectService", Level.WARN)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void onrampsInfoAndDebug_stayInTheFile() {
        assertThat(decide("dev.onramp.AppContext", Level.INFO)).isEqualTo(FilterReply.DENY);
        assertThat(decide("dev.onramp.AppContext", Level.DEBUG)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void librarysWarning_staysInTheFile() {
        assertThat(decide("org.flywaydb.core.internal.database.base.Database", Level.WARN)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void librarysError_isShown() {
        assertThat(decide("org.h2.jdbc", Level.ERROR)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void aLoggerThatOnlyStartsLikeOnramps_isALibrary() {
        assertThat(decide("dev.onrampage.Thing", Level.WARN)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void onceTheDataFoldersLogFileIsAttached_noLoggerLineReachesTheConsole(@TempDir Path logs) {
        try (FileLogging file = FileLogging.start(logs)) {
            assertThat(decide("dev.onramp.connect.FlowRun", Level.ERROR)).isEqualTo(FilterReply.DENY);
            assertThat(decide("org.h2.jdbc", Level.ERROR)).isEqualTo(FilterReply.DENY);
        }
        assertThat(decide("dev.onramp.connect.FlowRun", Level.ERROR)).isEqualTo(FilterReply.NEUTRAL);
    }
}
