package fr.vigie.app;

import fr.vigie.alerts.delivery.DeliverySettings;
import fr.vigie.alerts.delivery.HttpSender;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md's "Limits" table states the values of the code's bounds (issue 19: queue sizes, field counts,
 * alias limits, back-off schedule): each row is checked against the constant it documents, so a changed bound
 * fails here until its row says the new value.
 */
class OperationsLimitsDocTest {
    @Test
    void theLimitsTableStatesTheCodesValues() throws Exception {
        Map<String, String> rows = limitsTable();
        expect(rows, "SQLite store: items waiting for the writer",
                count("fr.vigie.aggregator.store.SqliteStore", "DEFAULT_MAX_PENDING"));
        expect(rows, "SQLite store: items per transaction", count("fr.vigie.aggregator.store.SqliteStore", "MAX_BATCH"));
        expect(rows, "aggregator queue", count("fr.vigie.app.system.AggregatorQueue", "DEFAULT_CAPACITY") + " results");
        expect(rows, "trace under `--record`", count("fr.vigie.probes.trace.BackgroundTraceWriter", "CAPACITY"));
        expect(rows, "form fields on a page", count("fr.vigie.probes.run.RequestFactory", "MAX_FORM_FIELDS"));
        expect(rows, "YAML aliases", count("fr.vigie.config.load.LocatedTree", "MAX_ALIASES"));
        expect(rows, "values a configuration expands to",
                count("fr.vigie.config.load.LocatedTree", "MAX_EXPANDED_NODES"));
        expect(rows, "alert receiver answer read", HttpSender.MAX_BODY_BYTES / 1024 + " KB");
        Duration first = DeliverySettings.defaults().initialBackoff();
        expect(rows, "alert retry back-off", first.toSeconds() + " s doubling to "
                + DeliverySettings.MAX_BACKOFF.toSeconds() + " s");
        Duration window = (Duration) constant("fr.vigie.app.admin.AuthFailureLimiter", "DEFAULT_WINDOW");
        expect(rows, "admin API: wrong or missing tokens", count("fr.vigie.app.admin.AuthFailureLimiter",
                "DEFAULT_MAX_FAILURES") + " within " + window.toMinutes() + " minutes");
    }

    /** First cell (row name) to second cell (value) of the table under "## Limits". */
    private static Map<String, String> limitsTable() throws Exception {
        String doc = Files.readString(Path.of("../docs/operations.md"));
        int start = doc.indexOf("\n## Limits\n");
        assertThat(start).as("docs/operations.md has a Limits section").isPositive();
        int end = doc.indexOf("\n## ", start + 1);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : doc.substring(start, end < 0 ? doc.length() : end).split("\n")) {
            String[] cells = line.split("\\|");
            if (line.startsWith("| ") && cells.length >= 3) {
                rows.put(cells[1].trim(), cells[2].trim());
            }
        }
        return rows;
    }

    private static void expect(Map<String, String> rows, String rowStart, String value) {
        String row = rows.keySet().stream().filter(k -> k.startsWith(rowStart)).findFirst().orElse(null);
        assertThat(row).as("a row of the Limits table starting with '" + rowStart + "'").isNotNull();
        assertThat(rows.get(row)).as(row).startsWith(value);
    }

    /** An integer constant as the docs write it: 100,000. */
    private static String count(String className, String field) throws Exception {
        return String.format(Locale.ROOT, "%,d", ((Number) constant(className, field)).longValue());
    }

    private static Object constant(String className, String field) throws Exception {
        Field f = Class.forName(className).getDeclaredField(field);
        f.setAccessible(true);
        return f.get(null);
    }
}
