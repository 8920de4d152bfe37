package fr.vigie.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Scores verdicts against ground truth, segment by segment, without point adjustment (see docs/simulator.md):
 * a fault segment is recalled once if its target gets a non-operational verdict naming its cause while it lasts
 * (plus the grace); an alarm run is correct if it overlaps a segment of the same target and cause.
 */
public final class Scorer {
    /** Vigie's own probing is impaired: named with an operational status (docs/classify-output.md). */
    public static final String VANTAGE = "vantage";
    /** The cause vocabulary of the ground truth; macro-F1 averages over those present in either input. */
    public static final List<String> CAUSES =
            List.of("saturation", "attack", "storage", "network", "application", "maintenance", VANTAGE);

    private final ScoringOptions options;

    public Scorer(ScoringOptions options) {
        this.options = options;
    }

    public ScoreReport score(List<TruthSegment> allTruth, List<VerdictPoint> verdicts) {
        // a segment no probe result showed has nothing to detect: its time still counts as fault time
        List<TruthSegment> truth = allTruth.stream().filter(s -> !s.invisible()).toList();
        Instant from = options.from() != null ? options.from() : Stream.concat(
                truth.stream().map(TruthSegment::start), verdicts.stream().map(VerdictPoint::ts))
                .min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        Instant to = options.to() != null ? options.to() : Stream.concat(
                truth.stream().map(TruthSegment::end), verdicts.stream().map(VerdictPoint::ts))
                .max(Comparator.naturalOrder()).orElse(from);
        Map<String, List<VerdictPoint>> byTarget = verdicts.stream()
                .collect(Collectors.groupingBy(VerdictPoint::target));
        Map<String, List<TruthSegment>> truthByTarget = truth.stream()
                .collect(Collectors.groupingBy(TruthSegment::target));
        Map<String, List<TruthSegment>> allTruthByTarget = allTruth.stream()
                .collect(Collectors.groupingBy(TruthSegment::target));
        Set<String> targets = new TreeSet<>(byTarget.keySet());
        targets.addAll(allTruthByTarget.keySet());
        Map<String, Timeline> timelines = targets.stream().collect(Collectors.toMap(t -> t,
                t -> new Timeline(byTarget.getOrDefault(t, List.of()), from, to)));

        List<Duration> detection = new ArrayList<>();
        List<Duration> classification = new ArrayList<>();
        List<TruthSegment> missed = new ArrayList<>();
        int flaps = 0;
        for (TruthSegment seg : truth) {
            Timeline tl = timelines.get(seg.target());
            Instant until = seg.end().plus(options.grace());
            Duration any = tl.firstMatchDelay(seg.start(), until, StateInterval::alarm);
            if (any != null) {
                detection.add(any);
            }
            Duration right = tl.firstMatchDelay(seg.start(), until, s -> s.names(seg.cause()));
            if (right != null) {
                classification.add(right);
            } else {
                missed.add(seg);
            }
            flaps += tl.flaps(seg.start(), until, options.flapWindow()).size();
        }

        List<CauseScore> perCause = new ArrayList<>();
        for (String cause : CAUSES) {
            List<TruthSegment> ofCause = truth.stream().filter(s -> s.cause().equals(cause)).toList();
            int detected = (int) ofCause.stream().filter(s -> !missed.contains(s)).count();
            int alarms = 0;
            int correct = 0;
            for (String target : targets) {
                for (StateInterval run : timelines.get(target).runs(s -> s.names(cause))) {
                    alarms++;
                    boolean matches = truthByTarget.getOrDefault(target, List.of()).stream()
                            .anyMatch(s -> s.cause().equals(cause)
                                           && run.overlaps(s.start(), s.end().plus(options.grace())));
                    if (matches) {
                        correct++;
                    }
                }
            }
            if (!ofCause.isEmpty() || alarms > 0) {
                perCause.add(new CauseScore(cause, ofCause.size(), detected, alarms, correct));
            }
        }
        double macroF1 = perCause.stream().mapToDouble(CauseScore::f1).average().orElse(Double.NaN);

        int falseAlarms = 0;
        Duration faultFree = Duration.ZERO;
        for (String target : targets) {
            List<Instant[]> covered = coverage(allTruthByTarget.getOrDefault(target, List.of()), from, to);
            faultFree = faultFree.plus(Duration.between(from, to));
            for (Instant[] c : covered) {
                faultFree = faultFree.minus(Duration.between(c[0], c[1]));
            }
            for (StateInterval run : timelines.get(target).runs(StateInterval::alarm)) {
                boolean duringFault = covered.stream()
                        .anyMatch(c -> !run.start().isBefore(c[0]) && run.start().isBefore(c[1]));
                if (!duringFault) {
                    falseAlarms++;
                }
            }
        }
        HeldOut heldOut = heldOut(truth, allTruth.size() - truth.size(), allTruthByTarget, timelines, targets, from, to);
        return new ScoreReport(from, to, targets.size(), perCause, macroF1, detection, classification, missed,
                falseAlarms, faultFree, flaps, truth.size(), heldOut);
    }

    /** The measures of issue 13: fault-free target-mornings, withheld causes, delays from the first effect, confusion. */
    private HeldOut heldOut(List<TruthSegment> truth, int invisible, Map<String, List<TruthSegment>> allTruthByTarget,
                            Map<String, Timeline> timelines, Set<String> targets, Instant from, Instant to) {
        Map<String, Map<String, Integer>> confusion = new java.util.LinkedHashMap<>();
        List<Duration> effectDelays = new ArrayList<>();
        for (TruthSegment seg : truth) {
            Timeline tl = timelines.get(seg.target());
            Instant until = seg.end().plus(options.grace());
            java.util.function.Predicate<StateInterval> detects = seg.cause().equals(VANTAGE)
                    ? s -> s.names(VANTAGE) : StateInterval::alarm;
            Duration d = tl.firstMatchDelay(seg.effectStart(), until, detects);
            if (d != null) {
                effectDelays.add(d);
            }
            count(confusion, seg.cause(), tl.longestNamed(seg.start(), until, HeldOut.columns()));
        }
        int faultFreeMornings = 0;
        int falseOnFaultFree = 0;
        int withheld = 0;
        int withheldDuringFaults = 0;
        for (String target : targets) {
            Timeline tl = timelines.get(target);
            List<Instant[]> covered = coverage(allTruthByTarget.getOrDefault(target, List.of()), from, to);
            if (covered.isEmpty()) {
                faultFreeMornings++;
                falseOnFaultFree += tl.runs(StateInterval::alarm).size();
            }
            for (StateInterval run : tl.runs(StateInterval::alarm)) {
                boolean duringFault = covered.stream()
                        .anyMatch(c -> !run.start().isBefore(c[0]) && run.start().isBefore(c[1]));
                if (!duringFault) {
                    count(confusion, HeldOut.NO_FAULT, tl.longestNamed(run.start(), run.end(), HeldOut.columns()));
                }
            }
            for (StateInterval run : tl.runs(s -> s.alarm() && s.causes().contains(HeldOut.UNKNOWN))) {
                withheld++;
                if (covered.stream().anyMatch(c -> run.overlaps(c[0], c[1]))) {
                    withheldDuringFaults++;
                }
            }
        }
        return new HeldOut(faultFreeMornings, falseOnFaultFree, withheld, withheldDuringFaults, invisible,
                effectDelays, options.interval(), confusion);
    }

    private static void count(Map<String, Map<String, Integer>> confusion, String row, String col) {
        confusion.computeIfAbsent(row, k -> new java.util.LinkedHashMap<>()).merge(col, 1, Integer::sum);
    }

    /** The union of a target's fault segments, each extended by the grace, clipped to the horizon, sorted. */
    private List<Instant[]> coverage(List<TruthSegment> segments, Instant from, Instant to) {
        List<Instant[]> spans = segments.stream()
                .map(s -> new Instant[] {max(s.start(), from), min(s.end().plus(options.grace()), to)})
                .filter(s -> s[0].isBefore(s[1]))
                .sorted(Comparator.comparing(s -> s[0])).toList();
        List<Instant[]> merged = new ArrayList<>();
        for (Instant[] s : spans) {
            if (!merged.isEmpty() && !s[0].isAfter(merged.get(merged.size() - 1)[1])) {
                Instant[] last = merged.get(merged.size() - 1);
                last[1] = max(last[1], s[1]);
            } else {
                merged.add(new Instant[] {s[0], s[1]});
            }
        }
        return merged;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
