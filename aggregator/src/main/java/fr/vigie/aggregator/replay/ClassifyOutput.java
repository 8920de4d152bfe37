package fr.vigie.aggregator.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.Verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the JSON lines of docs/classify-output.md: one per verdict change, then one per incident. */
final class ClassifyOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Writer out;

    ClassifyOutput(Writer out) {
        this.out = out;
    }

    void verdict(Verdict v) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", v.ts().toString());
        line.put("target", v.target());
        line.put("status", v.status().wire());
        line.put("cause", v.cause().wire());
        line.put("causes", v.causes().stream().map(Cause::wire).sorted().toList());
        line.put("confidence", v.confidence());
        line.put("evidence", evidence(v.evidence()));
        line.put("incident", v.incident());
        write(line);
    }

    void incident(Incident i) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "incident");
        line.put("id", i.id());
        line.put("scope", i.scope());
        line.put("status", i.status().wire());
        line.put("cause", i.cause().wire());
        line.put("public", i.isPublic());
        line.put("targets", i.targets());
        line.put("opened_at", i.openedAt().toString());
        line.put("updated_at", i.updatedAt().toString());
        line.put("resolved_at", i.resolvedAt() == null ? null : i.resolvedAt().toString());
        line.put("events", i.updates().size());
        line.put("evidence", evidence(i.evidence()));
        write(line);
    }

    private static List<Map<String, String>> evidence(List<Evidence> evidence) {
        List<Map<String, String>> out = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("fr", e.fr());
            m.put("en", e.en());
            out.add(m);
        }
        return out;
    }

    private void write(Map<String, Object> line) {
        try {
            out.write(MAPPER.writeValueAsString(line));
            out.write('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
