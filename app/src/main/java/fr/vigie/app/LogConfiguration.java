package fr.vigie.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;

/**
 * Vigie's logging configuration, set in code: logback finds this class through {@code ServiceLoader}
 * (META-INF/services) before it looks for an XML file, so its XML machinery (Joran, about 250 classes, and the
 * JDK's XML parser, about 160) is never loaded: a few MB of metaspace and symbols less for the life of the service
 * (docs/performance.md, "Memory"). An operator's own file still wins: with {@code -Dlogback.configurationFile=...}
 * this class steps aside and logback reads that file as usual.
 *
 * <p>One line per event on standard error: text ({@code --log-format text}, the default) or one JSON object per line
 * ({@code --log-format json}, logback's own JsonEncoder), chosen by {@link LogFormat} through the system property
 * {@value #FORMAT_PROPERTY}. Lines about a target carry it in the message as {@code target=ID}. The root level is the
 * system property {@code vigie.log.level} (INFO by default).
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    /** {@code text} or {@code json}; set by {@link LogFormat} from {@code --log-format}. */
    static final String FORMAT_PROPERTY = "vigie.log.format";
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %-20logger{0} %msg%n";

    /** Libraries' loggers and their levels, the rest at the root level. */
    static final Map<String, Level> LEVELS = Map.ofEntries(
            Map.entry("io.netty", Level.WARN),
            // Incident report PDFs: the base-14 fonts are not installed, PDFBox says so for each; expected.
            Map.entry("org.apache.pdfbox.pdmodel.font.PDType1Font", Level.ERROR),
            Map.entry("com.openhtmltopdf", Level.WARN),
            Map.entry("io.vertx", Level.WARN),
            // A reset from a probed server is a probe outcome (reset), recorded in the results; Vert.x would also
            // log it as an error with no target id.
            Map.entry("io.vertx.core.net.impl.ConnectionBase", Level.OFF),
            Map.entry("org.quartz", Level.WARN),
            // Hazelcast (cluster roles): warnings, plus the membership changes (who joined, who left).
            Map.entry("com.hazelcast", Level.WARN),
            Map.entry("com.hazelcast.internal.cluster.ClusterService", Level.INFO),
            // At DEBUG, HttpClient logs request headers, which carry receivers' tokens: never below INFO.
            Map.entry("org.apache.hc", Level.WARN),
            Map.entry("freemarker", Level.WARN));

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, "json".equalsIgnoreCase(System.getProperty(FORMAT_PROPERTY)));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures {@code context} (already reset, or fresh) for text or JSON lines on standard error. */
    static void apply(LoggerContext context, boolean json) {
        Encoder<ILoggingEvent> encoder = json ? jsonEncoder() : textEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("vigie.log.level", "INFO"), Level.INFO));
        root.addAppender(appender);
    }

    private static Encoder<ILoggingEvent> textEncoder() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern(TEXT_PATTERN);
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonEncoder() {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        return encoder;
    }
}
