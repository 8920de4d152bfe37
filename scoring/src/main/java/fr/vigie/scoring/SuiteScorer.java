package fr.vigie.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scores a fast-mode suite directory: each NN-truth.jsonl with its NN-verdicts.jsonl (from {@code vigie classify
 * NN-trace.jsonl}), each over its own trace's time range, then the sums over all scenarios as one report.
 */
public final class SuiteScorer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScoringOptions options;

    public SuiteScorer(ScoringOptions options) {
        this.options = options;
    }

    public ScoreReport score(Path dir, PrintStream out) throws IOException {
        List<Path> truths;
        try (Stream<Path> files = Files.list(dir)) {
            truths = files.filter(p -> p.getFileName().toString().endsWith("-truth.jsonl")).sorted().toList();
        }
        List<ScoreReport> reports = new ArrayList<>();
        for (Path truth : truths) {
            String prefix = truth.getFileName().toString().replace("-truth.jsonl", "");
            Path verdicts = dir.resolve(prefix + "-verdicts.jsonl");
            if (!Files.exists(verdicts)) {
                out.printf("%s: no %s, skipped%n", prefix, verdicts.getFileName());
                continue;
            }
            Instant[] range = traceRange(dir.resolve(prefix + "-trace.jsonl"));
            ScoringOptions scoped = new ScoringOptions(options.grace(), options.flapWindow(), range[0], range[1],
                    options.interval());
            ScoreReport r = new Scorer(scoped).score(ScoringInputs.readTruth(truth), ScoringInputs.readVerdicts(verdicts));
            reports.add(r);
            int segments = r.perCause().stream().mapToInt(CauseScore::truthSegments).sum();
            out.printf(Locale.ROOT, "%s: %3d segments, %3d missed, %3d false alarms, macro-F1 %s%n", prefix, segments,
                    r.missed().size(), r.falseAlarms(), Double.isNaN(r.macroF1()) ? "-"
                            : String.format(Locale.ROOT, "%.2f", r.macroF1()));
        }
        out.printf("suite: %d scenarios scored (the horizon below spans all of them; fault-free time is summed "
                   + "per scenario)%n", reports.size());
        return merge(reports, options.interval());
    }

    /** First and last ts of a trace (lines are in time order), or nulls when absent. */
    static Instant[] traceRange(Path trace) throws IOException {
        if (!Files.exists(trace)) {
            return new Instant[] {null, null};
        }
        String first = null;
        String last = null;
        try (BufferedReader in = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    if (first == null) {
                        first = line;
                    }
                    last = line;
                }
            }
        }
        return first == null ? new Instant[] {null, null} : new Instant[] {ts(first), ts(last)};
    }

    private static Instant ts(String line) throws IOException {
        JsonNode n = JSON.readTree(line);
        return Instant.parse(n.get("ts").asText());
    }

    /** Sums counts, concatenates delays and missed segments; macro-F1 recomputed from the summed counts. */
    static ScoreReport merge(List<ScoreReport> reports) {
        return merge(reports, ScoringOptions.DEFAULT_INTERVAL);
    }

    static ScoreReport merge(List<ScoreReport> reports, Duration interval) {
        Map<String, int[]> sums = new LinkedHashMap<>();
        Scorer.CAUSES.forEach(c -> sums.put(c, new int[4]));
        List<Duration> detection = new ArrayList<>();
        List<Duration> classification = new ArrayList<>();
        List<TruthSegment> missed = new ArrayList<>();
        int falseAlarms = 0;
        int flaps = 0;
        int incidents = 0;
        int targets = 0;
        Duration faultFree = Duration.ZERO;
        Instant from = null;
        Instant to = null;
        for (ScoreReport r : reports) {
            for (CauseScore c : r.perCause()) {
                int[] s = sums.get(c.cause());
                s[0] += c.truthSegments();
                s[1] += c.detected();
                s[2] += c.alarms();
                s[3] += c.correctAlarms();
            }
            detection.addAll(r.detectionDelays());
            classification.addAll(r.classificationDelays());
            missed.addAll(r.missed());
            falseAlarms += r.falseAlarms();
            flaps += r.flaps();
            incidents += r.incidents();
            targets += r.targets();
            faultFree = faultFree.plus(r.faultFree());
            from = from == null || r.horizonStart().isBefore(from) ? r.horizonStart() : from;
            to = to == null || r.horizonEnd().isAfter(to) ? r.horizonEnd() : to;
        }
        List<CauseScore> perCause = new ArrayList<>();
        sums.forEach((cause, s) -> {
            if (s[0] > 0 || s[2] > 0) {
                perCause.add(new CauseScore(cause, s[0], s[1], s[2], s[3]));
            }
        });
        double macroF1 = perCause.stream().mapToDouble(CauseScore::f1).average().orElse(Double.NaN);
        Instant start = from == null ? Instant.EPOCH : from;
        HeldOut heldOut = HeldOut.merge(reports.stream().map(ScoreReport::heldOut).toList(), interval);
        return new ScoreReport(start, to == null ? start : to, targets, perCause, macroF1, detection, classification,
                missed, falseAlarms, faultFree, flaps, incidents, heldOut);
    }
}
