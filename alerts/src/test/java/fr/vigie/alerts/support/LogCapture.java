package fr.vigie.alerts.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures every log line (message, arguments and throwable chain) of the whole JVM while open, so a test can
 * assert that no secret leaked. Shared by every receiver test.
 */
public final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(appender.list)) {
            StringBuilder b = new StringBuilder(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                b.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Fails if any captured line, or any extra text given (exception messages, stored errors), holds a secret. */
    public void assertNoSecret(List<String> secrets, String... extraTexts) {
        assertThat(lines()).as("log lines captured").isNotEmpty();
        List<String> texts = new ArrayList<>(lines());
        texts.addAll(List.of(extraTexts));
        for (String s : secrets) {
            assertThat(texts).as("no text may contain the secret from the test config")
                    .noneMatch(t -> t.contains(s));
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
