package fr.vigie.statuspage.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.vigie.aggregator.DayStatus;
import fr.vigie.aggregator.LatencyPoint;
import fr.vigie.aggregator.StepDay;
import fr.vigie.config.Target;
import fr.vigie.statuspage.model.Decimals;
import fr.vigie.statuspage.model.PublicState;
import fr.vigie.statuspage.output.SiteFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurements behind the page as open data, so that researchers and journalists can check its claims:
 * daily availability per service, response times per service and daily figures per service and journey step, as
 * CSV and JSON under {@code donnees/}, under the Licence Ouverte 2.0 (Etalab), and the announced maintenance
 * windows as iCalendar ({@link MaintenanceCalendar}). Only what the page already shows publicly: services, never URLs or accounts.
 */
public final class OpenData {
    /** Folder of the files at the site root. */
    public static final String PATH = "donnees/";
    public static final String LICENCE = "Licence Ouverte / Open Licence 2.0 (Etalab), "
            + "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";
    static final List<String> AVAILABILITY_COLUMNS =
            List.of("date", "service_id", "service", "region", "availability_percent", "worst_status");
    static final List<String> LATENCY_COLUMNS =
            List.of("bucket_start", "bucket_hours", "service_id", "service", "median_ms", "p95_ms");
    static final List<String> STEP_COLUMNS = List.of("date", "service_id", "service", "step", "attempts", "ok",
            "availability_percent", "median_ms", "p90_ms");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OpenData() {
    }

    public static void addTo(SiteFiles files, PublicState state) {
        List<Map<String, Object>> availability = new ArrayList<>();
        List<Map<String, Object>> latency = new ArrayList<>();
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Target t : state.services()) {
            for (StepDay d : state.snapshot().steps().getOrDefault(t.id(), List.of())) {
                steps.add(stepRow(t, d));
            }
            for (DayStatus d : state.snapshot().history().getOrDefault(t.id(), List.of())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("date", d.date().toString());
                row.put("service_id", t.id());
                row.put("service", t.name());
                row.put("region", t.region());
                // a day without a measurement says nothing: empty, never 0 or 100
                row.put("availability_percent", Double.isNaN(d.uptime()) ? null : round(100 * d.uptime()));
                row.put("worst_status", Double.isNaN(d.uptime()) || d.worst() == null ? null : d.worst().wire());
                availability.add(row);
            }
            for (LatencyPoint p : state.snapshot().latency7d().getOrDefault(t.id(), List.of())) {
                if (Double.isNaN(p.medianMs())) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("bucket_start", p.start().toString());
                row.put("bucket_hours", 6);
                row.put("service_id", t.id());
                row.put("service", t.name());
                row.put("median_ms", round(p.medianMs()));
                row.put("p95_ms", Double.isNaN(p.p95Ms()) ? null : round(p.p95Ms()));
                latency.add(row);
            }
        }
        files.put(PATH + "disponibilite.csv", csv(AVAILABILITY_COLUMNS, availability));
        files.put(PATH + "disponibilite.json", json("disponibilite", "disponibilité quotidienne par service : part "
                + "des séries de tests où le service était opérationnel, jour par jour (heure de " + zone(state)
                + ")", AVAILABILITY_COLUMNS, availability, state));
        files.put(PATH + "temps-de-reponse.csv", csv(LATENCY_COLUMNS, latency));
        files.put(PATH + "temps-de-reponse.json", json("temps-de-reponse", "temps total du parcours mesuré, "
                + "médiane et 95e centile par tranche de 6 heures, 7 derniers jours", LATENCY_COLUMNS, latency, state));
        files.put(PATH + "etapes.csv", csv(STEP_COLUMNS, steps));
        files.put(PATH + "etapes.json", json("etapes", "chaque étape du parcours de test, jour par jour (heure de "
                + zone(state) + ") : essais, réussites, part des essais réussis, médiane et 90e centile du temps des "
                + "étapes réussies ; hors maintenances annoncées", STEP_COLUMNS, steps, state));
        files.put(MaintenanceCalendar.FILE, MaintenanceCalendar.of(state));
    }

    /** One step of one service over one day; a day where the step never succeeded has no time (empty, never 0). */
    private static Map<String, Object> stepRow(Target t, StepDay d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("date", d.date().toString());
        row.put("service_id", t.id());
        row.put("service", t.name());
        row.put("step", d.step());
        row.put("attempts", d.attempts());
        row.put("ok", d.ok());
        row.put("availability_percent", round(100 * d.availability()));
        row.put("median_ms", Double.isNaN(d.medianMs()) ? null : round(d.medianMs()));
        row.put("p90_ms", Double.isNaN(d.p90Ms()) ? null : round(d.p90Ms()));
        return row;
    }

    private static String zone(PublicState state) {
        return state.config().site().timeZone().getId();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static byte[] csv(List<String> columns, List<Map<String, Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(columns.toArray(String[]::new)).get())) {
            for (Map<String, Object> row : rows) {
                List<String> values = new ArrayList<>();
                for (String c : columns) {
                    Object v = row.get(c);
                    values.add(v == null ? "" : v instanceof Double d ? Decimals.oneDecimal(d)
                            : v.toString());
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(String name, String description, List<String> columns, List<Map<String, Object>> rows,
                               PublicState state) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        doc.put("description", description);
        doc.put("licence", LICENCE);
        doc.put("publisher", state.config().site().title());
        doc.put("generated_at", state.at().toString());
        doc.put("columns", columns);
        doc.put("rows", rows);
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
