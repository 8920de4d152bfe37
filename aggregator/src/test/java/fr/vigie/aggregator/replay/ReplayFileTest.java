package fr.vigie.aggregator.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.aggregator.TestConfigs;
import fr.vigie.aggregator.TraceScenario;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.trace.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigie classify} end to end: a trace file written by the probes' writer in, documented JSON lines out. */
class ReplayFileTest {
    @TempDir
    Path dir;

    @Test
    void traceFileGivesOneJsonLinePerVerdictChangeThenTheIncidents() throws Exception {
        TraceScenario sc = new TraceScenario(List.of("ent-a", "ent-b"), Instant.parse("2021-03-16T09:00:00Z"),
                Duration.ofSeconds(30));
        List<StepResult> results = new ArrayList<>(sc.rounds(0, 20, (t, k, s, r) -> r));
        results.addAll(sc.rounds(20, 30, (t, k, i, r) -> t.equals("ent-b") && i == 4
                ? TraceScenario.with(r, Outcome.SIGNATURE, 500, "read_only_fs", r.connectMs(), 30.0) : r));
        Path trace = dir.resolve("trace.jsonl");
        try (TraceWriter w = TraceWriter.append(trace)) {
            results.forEach(w::write);
        }

        StringWriter out = new StringWriter();
        ReplayClassifier.Summary summary = ReplayClassifier.replay(
                TestConfigs.sections(TestConfigs.config("ent-a@h1", "ent-b@h2")), trace,
                out);

        assertThat(summary.results()).isEqualTo(results.size());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(json.readTree(line));
        }
        JsonNode storage = lines.stream().filter(l -> "storage".equals(l.path("cause").asText())).findFirst()
                .orElseThrow();
        assertThat(storage.fieldNames()).toIterable().containsExactly("ts", "target", "status", "cause", "causes",
                "confidence", "evidence", "incident");
        assertThat(storage.get("target").asText()).isEqualTo("ent-b");
        assertThat(storage.get("status").asText()).isEqualTo("partial_outage");
        assertThat(storage.get("causes").get(0).asText()).isEqualTo("storage");
        assertThat(storage.get("evidence").get(0).get("fr").asText()).contains("lecture seule");
        assertThat(storage.get("evidence").get(0).get("en").asText()).contains("read-only");
        JsonNode incident = lines.get(lines.size() - 1);
        assertThat(incident.get("type").asText()).isEqualTo("incident");
        assertThat(incident.get("id").asText()).isEqualTo(storage.get("incident").asText());
        assertThat(incident.get("public").asBoolean()).isTrue();
        assertThat(lines).filteredOn(l -> l.has("type")).hasSize(summary.incidents().size());
    }
}
