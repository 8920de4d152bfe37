package fr.vigie.probes.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceRoundTripTest {
    static final Instant TS = Instant.parse("2021-04-06T06:00:01.234Z");

    static StepResult waitingRoom() {
        return new StepResult(TS, Instant.parse("2021-04-06T06:00:00Z"), "ent-idf", "paris-1", "open-ent-ng", "r-1",
                "login-page", StepKind.LOGIN, Outcome.SIGNATURE, 200, "waiting_room",
                null, 1.5, null, 212.25, 250.0, 4096, false, 1234, 180, "file d'attente");
    }

    static StepResult plain() {
        return new StepResult(TS, TS, "ent-idf", "paris-1", "open-ent-ng", "r-1", "theme", StepKind.STATIC,
                Outcome.CONNECT_REFUSED, null, null, 0.2, null, null, null, 3.0, 0, true, null, null, null);
    }

    @Test
    void writesTheDocumentedFieldNamesAndWireValues() throws Exception {
        JsonNode n = new ObjectMapper().readTree(TraceWriter.toLine(waitingRoom()));
        assertThat(n.get("ts").asText()).isEqualTo("2021-04-06T06:00:01.234Z");
        assertThat(n.get("scheduled").asText()).isEqualTo("2021-04-06T06:00:00.000Z");
        assertThat(n.get("kind").asText()).isEqualTo("login");
        assertThat(n.get("outcome").asText()).isEqualTo("signature");
        assertThat(n.get("signature").asText()).isEqualTo("waiting_room");
        assertThat(n.get("dns_ms").isNull()).isTrue();
        assertThat(n.get("ttfb_ms").asDouble()).isEqualTo(212.25);
        assertThat(n.get("queue_position").asInt()).isEqualTo(1234);
        assertThat(n.get("queue_wait_s").asInt()).isEqualTo(180);
        List<String> names = Stream.of("ts", "scheduled", "target", "vantage", "journey", "run", "step", "kind",
                "outcome", "status", "signature", "dns_ms", "connect_ms", "tls_ms", "ttfb_ms", "total_ms", "bytes",
                "maintenance", "queue_position", "queue_wait_s", "detail").toList();
        assertThat(n.fieldNames()).toIterable().containsExactlyElementsOf(names);
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/trace.jsonl");
        try (TraceWriter w = TraceWriter.append(file)) {
            w.write(waitingRoom());
        }
        try (TraceWriter w = TraceWriter.append(file)) {
            w.write(plain());
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
        try (Stream<StepResult> s = TraceReader.read(file)) {
            assertThat(s.toList()).containsExactly(waitingRoom(), plain());
        }
    }

    @Test
    void ignoresUnknownFieldsAndBlankLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.jsonl");
        String line = TraceWriter.toLine(plain()).replaceFirst("\\{", "{\"future_field\":{\"x\":1},");
        Files.writeString(file, "\n" + line + "\n\n");
        try (Stream<StepResult> s = TraceReader.read(file)) {
            assertThat(s.toList()).containsExactly(plain());
        }
    }

    @Test
    void namesTheBadLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.jsonl");
        Files.writeString(file, TraceWriter.toLine(plain()) + "\n" + "{\"ts\": \"yesterday\"\n");
        try (Stream<StepResult> s = TraceReader.read(file)) {
            assertThatThrownBy(s::toList).isInstanceOf(TraceFormatException.class)
                    .hasMessageStartingWith("trace line 2:")
                    .extracting(e -> ((TraceFormatException) e).line()).isEqualTo(2L);
        }
        Files.writeString(file, "{\"ts\":\"2021-04-06T06:00:00.000Z\",\"target\":\"x\",\"step\":\"s\",\"outcome\":\"melted\"}\n");
        try (Stream<StepResult> s = TraceReader.read(file)) {
            assertThatThrownBy(s::toList).isInstanceOf(TraceFormatException.class).hasMessageContaining("line 1");
        }
    }
}
