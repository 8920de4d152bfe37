package fr.vigie.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the two JSON Lines inputs; lines that are not segments or verdicts (e.g. incidents) are skipped. */
public final class ScoringInputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScoringInputs() {
    }

    /** Ground truth: lines with target, cause, start and end (the simulator's format). */
    public static List<TruthSegment> readTruth(Path file) throws IOException {
        List<TruthSegment> segments = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = parse(line);
            if (n != null && n.hasNonNull("target") && n.hasNonNull("cause") && n.hasNonNull("start")
                && n.hasNonNull("end")) {
                // first_effect: present and null means no result showed the fault; absent means unknown
                boolean known = n.has("first_effect");
                Instant first = n.hasNonNull("first_effect") ? Instant.parse(n.get("first_effect").asText()) : null;
                segments.add(new TruthSegment(n.get("target").asText(), n.get("cause").asText().toLowerCase(Locale.ROOT),
                        Instant.parse(n.get("start").asText()), Instant.parse(n.get("end").asText()), first,
                        known && first == null));
            }
        }
        return segments;
    }

    /** Verdicts: lines with ts, target and status (vigie classify's format); causes falls back to cause. */
    public static List<VerdictPoint> readVerdicts(Path file) throws IOException {
        List<VerdictPoint> verdicts = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = parse(line);
            if (n == null || !n.hasNonNull("target") || !n.hasNonNull("status") || !n.hasNonNull("ts")) {
                continue;
            }
            Set<String> causes = new LinkedHashSet<>();
            if (n.has("causes") && n.get("causes").isArray()) {
                n.get("causes").forEach(c -> causes.add(c.asText().toLowerCase(Locale.ROOT)));
            }
            if (causes.isEmpty() && n.hasNonNull("cause")) {
                causes.add(n.get("cause").asText().toLowerCase(Locale.ROOT));
            }
            causes.remove("none");
            verdicts.add(new VerdictPoint(Instant.parse(n.get("ts").asText()), n.get("target").asText(),
                    n.get("status").asText().toLowerCase(Locale.ROOT), causes));
        }
        return verdicts;
    }

    private static JsonNode parse(String line) throws IOException {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || !trimmed.startsWith("{")) {
            return null;
        }
        return JSON.readTree(trimmed);
    }
}
