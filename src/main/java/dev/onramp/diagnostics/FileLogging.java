package dev.onramp.diagnostics;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Writes Onramp's log to {@code <data folder>/logs/onramp.log} with secrets masked, rolled over
 * daily and at 5 MB, keeping a week and at most 50 MB; closing it stops the file.
 *
 * <p>It is attached once the data folder is known rather than named in {@code logback.xml}, so
 * that every run (and every test, with its temporary data folder) logs where its data lives.
 */
public final class FileLogging implements AutoCloseable {
    /** The current log file's name; rolled-over files are {@code onramp.<date>.<n>.log}. */
    public static final String FILE_NAME = "onramp.log";

    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    private final Path folder;
    private final Optional<Attached> appender;

    private FileLogging(Path folder, Optional<Attached> appender) {
        this.folder = folder;
        this.appender = appender;
    }

    /** Starts logging into {@code folder} (created when missing) in addition to the configured appenders. */
    public static FileLogging start(Path folder) {
        Path absolute = folder.toAbsolutePath();
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            // SLF4J is bound to another backend, which then decides where logs go.
            return new FileLogging(absolute, Optional.empty());
        }
        // Forward slashes: logback reads a backslash in a file name pattern as an escape.
        String base = absolute.toString().replace('\\', '/') + "/";
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("onramp-file " + absolute);
        file.setFile(base + FILE_NAME);

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(base + "onramp.%d{yyyy-MM-dd}.%i.log");
        rolling.setMaxFileSize(FileSize.valueOf("5MB"));
        rolling.setMaxHistory(7);
        rolling.setTotalSizeCap(FileSize.valueOf("50MB"));
        rolling.start();
        file.setRollingPolicy(rolling);

        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        file.setEncoder(encoder);

        file.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(file);
        ConsoleFilter.fileAttached();
        return new FileLogging(absolute, Optional.of(new Attached(root, file)));
    }

    /** The folder the log files are in. */
    public Path folder() {
        return folder;
    }

    /** Detaches and closes the file; harmless when called twice. */
    @Override
    public void close() {
        appender.ifPresent(attached -> {
            if (attached.logger().detachAppender(attached.file())) {
                ConsoleFilter.fileDetached();
            }
            attached.file().stop();
        });
    }

    @Override
    public String toString() {
        return "log files in " + folder;
    }

    /** The appender this instance added, and the logger it added it to. */
    private record Attached(Logger logger, RollingFileAppender<ILoggingEvent> file) {}
}
