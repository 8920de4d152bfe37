package fr.vigie.statuspage.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.Target;
import fr.vigie.statuspage.model.PublicState;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report ({@code incidents/<id>/report.json}): the same facts as the page, with wire values
 * (status, cause, outcome), numbers as numbers and every sentence in French and English. Keys sorted, so the same
 * incident gives the same bytes. A contract from now on: add fields, never rename them.
 */
final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final PublicState state;
    private final ZoneId zone;

    ReportJson(PublicState state) {
        this.state = state;
        this.zone = state.config().site().timeZone();
    }

    byte[] write(ReportData data, ReportBuilder.Built french, ReportBuilder.Built english, String page,
                 String pdf) {
        Incident incident = data.incident();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("incident_id", incident.id());
        root.put("name", Map.of("fr", french.view().title(), "en", english.view().title()));
        root.put("opened_at", time(incident.openedAt()));
        root.put("resolved_at", incident.resolvedAt() == null ? null : time(incident.resolvedAt()));
        root.put("window", Map.of("from", time(data.window().from()), "to", time(data.window().to())));
        root.put("cause", incident.cause() == null ? null : incident.cause().wire());
        root.put("cause_established", incident.cause() != null && incident.cause() != Cause.UNKNOWN
                && incident.cause() != Cause.NONE);
        root.put("cause_confidence", french.statements().causeConfidence());
        root.put("attack_signature_measured", french.statements().attackConfidence() != null);
        root.put("attack_confidence", french.statements().attackConfidence());
        root.put("statements", Map.of(
                "fr", Map.of("supported", french.statements().supported(),
                        "not_supported", french.statements().notSupported()),
                "en", Map.of("supported", english.statements().supported(),
                        "not_supported", english.statements().notSupported())));
        root.put("targets", targets(data));
        root.put("vantages", List.copyOf(french.vantages()));
        root.put("timeline", timeline(data));
        root.put("notes", incident.updates().stream()
                .filter(e -> e.type() == IncidentEvent.Type.HUMAN_UPDATE && e.message() != null)
                .map(e -> Map.of("at", time(e.ts()), "author", e.author() == null ? "" : e.author(),
                        "text", e.message())).toList());
        root.put("steps", steps(data));
        root.put("links", Map.of("page", page, "pdf", pdf));
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report JSON could not be written", e);
        }
    }

    private List<Map<String, Object>> targets(ReportData data) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : ReportData.targetsOf(data.incident())) {
            Target t = state.service(id).orElse(null);
            if (t == null) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", t.name());
            m.put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT));
            m.put("region", t.region());
            m.put("hosting_group", t.hostingGroup());
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> timeline(ReportData data) {
        List<Map<String, Object>> out = new ArrayList<>();
        data.verdicts().forEach((target, verdicts) -> {
            if (state.service(target).isEmpty()) {
                return;
            }
            for (Verdict v : verdicts) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("at", time(v.ts()));
                m.put("kind", "measured");
                m.put("target", target);
                m.put("status", v.status().wire());
                m.put("cause", v.cause().wire());
                m.put("causes", v.causes().stream().map(Cause::wire).sorted().toList());
                m.put("confidence", v.confidence());
                m.put("evidence", evidence(v.evidence()));
                out.add(m);
            }
        });
        for (IncidentEvent e : data.incident().updates()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", time(e.ts()));
            m.put("kind", "published");
            m.put("type", e.type().name().toLowerCase(java.util.Locale.ROOT));
            m.put("author", e.author());
            m.put("status", e.status() == null ? null : e.status().wire());
            m.put("cause", e.cause() == null ? null : e.cause().wire());
            m.put("targets", e.targets());
            m.put("evidence", evidence(e.evidence()));
            m.put("message", e.message());
            out.add(m);
        }
        out.sort(java.util.Comparator.comparing(m -> (String) m.get("at")));
        return out;
    }

    private Map<String, Object> steps(ReportData data) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.results().forEach((target, results) -> {
            if (state.service(target).isEmpty()) {
                return;
            }
            StepSeries series = StepSeries.of(data.window(), results);
            List<Map<String, Object>> steps = new ArrayList<>();
            for (StepSeries.Step s : series.steps()) {
                List<Map<String, Object>> buckets = new ArrayList<>();
                for (int i = 0; i < s.attempts().length; i++) {
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("start", time(series.bucketStart(i)));
                    b.put("attempts", s.attempts()[i]);
                    b.put("median_ms", Double.isNaN(s.medianMs()[i]) ? null : s.medianMs()[i]);
                    b.put("error_share", Double.isNaN(s.errorShare()[i]) ? null : s.errorShare()[i]);
                    buckets.add(b);
                }
                steps.add(Map.of("step", s.name(), "buckets", buckets));
            }
            out.put(target, steps);
        });
        return out;
    }

    private static List<Map<String, String>> evidence(List<Evidence> evidence) {
        return evidence.stream().map(e -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("fr", e.fr());
            m.put("en", e.en());
            return m;
        }).toList();
    }

    private String time(Instant instant) {
        return MILLIS.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).atZone(zone));
    }
}
