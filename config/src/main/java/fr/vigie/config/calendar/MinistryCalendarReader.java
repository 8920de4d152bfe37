package fr.vigie.config.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the ministry's school calendar export ("fr-en-calendrier-scolaire" on data.education.gouv.fr) as
 * downloaded: the JSON export (an array of records, or an API answer with {@code results}) or the CSV export
 * (';'-separated, with either field names or French labels as headers). Every bad line is reported, none is
 * skipped silently.
 */
public final class MinistryCalendarReader {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** CSV header: field name or its French label in the export (use_labels_for_header=true). */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("description", "description"), Map.entry("population", "population"),
            Map.entry("start_date", "start_date"), Map.entry("date de début", "start_date"),
            Map.entry("end_date", "end_date"), Map.entry("date de fin", "end_date"),
            Map.entry("location", "location"), Map.entry("académies", "location"), Map.entry("académie", "location"),
            Map.entry("zones", "zones"), Map.entry("annee_scolaire", "annee_scolaire"),
            Map.entry("année scolaire", "annee_scolaire"));

    /** What was read: the records and, when not empty, why some lines could not be. */
    public record Result(List<MinistryRecord> records, List<String> errors) {
        public Result {
            records = List.copyOf(records);
            errors = List.copyOf(errors);
        }
    }

    private MinistryCalendarReader() {
    }

    public static Result read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** JSON when the text starts with '[' or '{', CSV otherwise. */
    public static Result parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String start = body.stripLeading();
        if (start.isEmpty()) {
            return new Result(List.of(), List.of("empty file: expected the JSON or CSV export of fr-en-calendrier-scolaire"));
        }
        return start.charAt(0) == '[' || start.charAt(0) == '{' ? json(start) : csv(body);
    }

    private static Result json(String text) {
        List<MinistryRecord> records = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Result(List.of(), List.of("not valid JSON (" + e.getOriginalMessage() + ")"));
        }
        JsonNode array = root.isArray() ? root : root.path("results");
        if (!array.isArray()) {
            return new Result(List.of(), List.of("expected a JSON array of records (the dataset's JSON export)"));
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode r = array.get(i).has("fields") ? array.get(i).get("fields") : array.get(i);
            record(i + 1, field(r, "description"), field(r, "population"), field(r, "start_date"),
                    field(r, "end_date"), field(r, "location"), field(r, "zones"), field(r, "annee_scolaire"),
                    records, errors);
        }
        return new Result(records, errors);
    }

    private static String field(JsonNode record, String name) {
        JsonNode value = record.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Result csv(String text) {
        List<MinistryRecord> records = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        char separator = text.lines().findFirst().orElse("").contains(";") ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> columns = new java.util.HashMap<>();
            for (String header : parser.getHeaderNames()) {
                String field = LABELS.get(header.trim().toLowerCase(Locale.ROOT));
                if (field != null) {
                    columns.put(field, header);
                }
            }
            for (String needed : List.of("description", "start_date", "zones")) {
                if (!columns.containsKey(needed)) {
                    return new Result(List.of(), List.of("CSV header has no '" + needed + "' column (found: "
                            + String.join(", ", parser.getHeaderNames()) + ")"));
                }
            }
            for (CSVRecord row : parser) {
                int line = (int) row.getRecordNumber() + 1; // the header is line 1
                record(line, cell(row, columns, "description"), cell(row, columns, "population"),
                        cell(row, columns, "start_date"), cell(row, columns, "end_date"),
                        cell(row, columns, "location"), cell(row, columns, "zones"),
                        cell(row, columns, "annee_scolaire"), records, errors);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            errors.add("unreadable CSV: " + e.getMessage());
        }
        return new Result(records, errors);
    }

    private static String cell(CSVRecord row, Map<String, String> columns, String field) {
        String header = columns.get(field);
        if (header == null || !row.isSet(header)) {
            return null;
        }
        String value = row.get(header);
        return value.isBlank() ? null : value;
    }

    private static void record(int line, String description, String population, String start, String end,
                               String location, String zones, String year, List<MinistryRecord> records,
                               List<String> errors) {
        String where = "record " + line + ": ";
        if (description == null || description.isBlank()) {
            errors.add(where + "no description");
            return;
        }
        if (zones == null || zones.isBlank()) {
            errors.add(where + "no zones");
            return;
        }
        LocalDate from;
        LocalDate to;
        try {
            from = officialDate(start);
            to = end == null ? null : officialDate(end);
        } catch (DateTimeParseException e) {
            errors.add(where + "bad date '" + e.getParsedString() + "': expected 2026-10-16T22:00:00+00:00 or 2026-10-17");
            return;
        }
        if (from == null) {
            errors.add(where + "no start_date");
            return;
        }
        if (to != null && to.isBefore(from)) {
            errors.add(where + "end_date " + to + " is before start_date " + from);
            return;
        }
        records.add(new MinistryRecord(description.trim(), population, from, to, location, zones.trim(), year, line));
    }

    /**
     * The dataset gives "midnight in Paris" as an instant ({@code 2026-10-16T22:00:00+00:00}); the official date is
     * that instant's date in Paris. A plain date is taken as is.
     */
    static LocalDate officialDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.length() == 10) {
            return LocalDate.parse(t);
        }
        return OffsetDateTime.parse(t).atZoneSameInstant(PARIS).toLocalDate();
    }
}
