package fr.vigie.app;

import java.util.List;

/**
 * Picks the log format from {@code --log-format text|json} before logging starts: logback configures itself once,
 * at the first logger creation, through {@link LogConfiguration}, which reads {@value LogConfiguration#FORMAT_PROPERTY}.
 */
final class LogFormat {
    private LogFormat() {
    }

    static void configureFrom(String[] args) {
        List<String> list = List.of(args);
        int i = list.indexOf("--log-format");
        String format = i >= 0 && i + 1 < list.size() ? list.get(i + 1) : null;
        for (String a : list) {
            if (a.startsWith("--log-format=")) {
                format = a.substring("--log-format=".length());
            }
        }
        if ("json".equalsIgnoreCase(format) && System.getProperty(LogConfiguration.FORMAT_PROPERTY) == null) {
            System.setProperty(LogConfiguration.FORMAT_PROPERTY, "json");
        }
        // The demo tells its story on standard output; routine log lines would drown it.
        if (list.contains("demo") && System.getProperty("vigie.log.level") == null) {
            System.setProperty("vigie.log.level", "WARN");
        }
    }
}
