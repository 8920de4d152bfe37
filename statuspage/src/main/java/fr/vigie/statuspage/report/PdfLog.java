package fr.vigie.statuspage.report;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.logging.Level;

/**
 * Sends openhtmltopdf's own log (java.util.logging to the console by default) to SLF4J, under
 * {@code com.openhtmltopdf.*}, so it follows Vigie's log format and levels; its INFO chatter becomes DEBUG.
 */
final class PdfLog implements XRLogger {
    private static volatile boolean installed;

    private PdfLog() {
    }

    static void install() {
        if (!installed) {
            synchronized (PdfLog.class) {
                if (!installed) {
                    XRLog.setLoggerImpl(new PdfLog());
                    installed = true;
                }
            }
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        if (level.intValue() >= Level.SEVERE.intValue()) {
            logger.error(msg, th);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            logger.warn(msg, th);
        } else {
            logger.debug(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels are SLF4J's (logback configuration), not set from the library.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Level level = diagnostic.getLevel();
        return level.intValue() >= Level.WARNING.intValue() || LoggerFactory.getLogger("com.openhtmltopdf").isDebugEnabled();
    }
}
