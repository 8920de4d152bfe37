package fr.vigie.statuspage.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The report's own words, {@code i18n/report_<lang>.properties} (UTF-8), kept apart from the site's texts. */
final class ReportTexts {
    private final Map<String, String> entries;

    private ReportTexts(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    static ReportTexts of(String language) {
        String file = "fr".equals(language) ? "report_fr.properties" : "report_en.properties";
        Properties properties = new Properties();
        try (InputStream in = ReportTexts.class.getResourceAsStream("/fr/vigie/statuspage/i18n/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.forEach((k, v) -> map.put((String) k, (String) v));
        return new ReportTexts(map);
    }

    String get(String key) {
        String value = entries.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no report text '" + key + "'");
        }
        return value;
    }

    String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    Map<String, String> asMap() {
        return entries;
    }
}
