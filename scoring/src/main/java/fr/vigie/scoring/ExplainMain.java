package fr.vigie.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.simulator.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ExplainMain --suite DIR [--grace 60s]}: for each morning of a suite, every alarm run that names a wrong
 * public cause, every missed fault segment and every flap (a status change undone within the scorer's flap window),
 * with what the truth held on that target and its neighbours at the
 * time. It is the error analysis behind the published-causes figure: run it on a development suite, never on the
 * held-out one (a suite looked at this way is no longer held out).
 */
public final class ExplainMain {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExplainMain() {
    }

    @Command(name = "explain", mixinStandardHelpOptions = true, description = "Every wrong-cause alarm run and"
            + " missed fault segment of a classified development suite, with what the truth held.")
    static final class Args {
        @Option(names = "--suite", required = true, description = "classified suite directory") Path suite;
        @Option(names = "--grace", description = "default 60s") Duration grace = ScoringOptions.defaults().grace();
    }

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Args a = new Args();
        Integer early = Cli.parse(a, args, ScoreMain::duration, out, err, () -> null);
        if (early != null) {
            return early;
        }
        explain(a.suite, a.grace, out);
        return 0;
    }

    /** A truth line with its mechanism (the physics model writes it; the fast model's fault type otherwise). */
    record Fault(String target, String cause, String mechanism, Instant start, Instant end) {
    }

    static void explain(Path dir, Duration grace, PrintStream out) throws IOException {
        List<Path> truths;
        try (Stream<Path> files = Files.list(dir)) {
            truths = files.filter(p -> p.getFileName().toString().endsWith("-truth.jsonl")).sorted().toList();
        }
        for (Path truthFile : truths) {
            String prefix = truthFile.getFileName().toString().replace("-truth.jsonl", "");
            Path verdictFile = dir.resolve(prefix + "-verdicts.jsonl");
            if (!Files.exists(verdictFile)) {
                continue;
            }
            List<Fault> faults = readFaults(truthFile);
            Instant[] range = SuiteScorer.traceRange(dir.resolve(prefix + "-trace.jsonl"));
            Map<String, List<VerdictPoint>> verdicts = ScoringInputs.readVerdicts(verdictFile).stream()
                    .collect(Collectors.groupingBy(VerdictPoint::target));
            Instant origin = range[0];
            for (Map.Entry<String, List<VerdictPoint>> e : verdicts.entrySet()) {
                String target = e.getKey();
                Timeline tl = new Timeline(e.getValue(), range[0], range[1]);
                for (String cause : Scorer.CAUSES) {
                    for (StateInterval run : tl.runs(s -> s.names(cause))) {
                        boolean right = faults.stream().anyMatch(f -> f.target.equals(target) && f.cause.equals(cause)
                                && run.overlaps(f.start, f.end.plus(grace)));
                        if (!right) {
                            out.printf("%s WRONG %-11s %-22s at %s for %s; states: %s; truth here: %s; elsewhere: %s%n",
                                    prefix, cause, target, offset(origin, run.start()),
                                    Duration.between(run.start(), run.end()).toSeconds() + "s",
                                    statesDuring(tl, run, origin), describe(faults, target, run, grace, true, origin),
                                    describe(faults, target, run, grace, false, origin));
                        }
                    }
                }
            }
            for (Fault f : faults) {
                Timeline tl = new Timeline(verdicts.getOrDefault(f.target, List.of()), range[0], range[1]);
                if (tl.firstMatchDelay(f.start, f.end.plus(grace), s -> s.names(f.cause)) == null) {
                    out.printf("%s MISSED %-11s %-22s %s from %s to %s; named: %s%n", prefix, f.cause, f.target,
                            f.mechanism, offset(origin, f.start), offset(origin, f.end),
                            tl.longestNamed(f.start, f.end.plus(grace), HeldOut.columns()));
                }
                printFlaps(out, prefix, f, tl, grace, origin);
            }
        }
    }

    /** Every status change during a fault (and its grace) undone within the scorer's flap window. */
    private static void printFlaps(PrintStream out, String prefix, Fault f, Timeline tl, Duration grace,
                                   Instant origin) {
        for (Timeline.StatusChange c : tl.flaps(f.start, f.end.plus(grace), ScoringOptions.defaults().flapWindow())) {
            Timeline.StatusChange back = tl.after(c);
            out.printf("%s FLAP %-11s %-22s %s from %s to %s: %s -> %s at %s, back at %s%n", prefix, f.cause,
                    f.target, f.mechanism, offset(origin, f.start), offset(origin, f.end), c.from(), c.to(),
                    offset(origin, c.at()), offset(origin, back.at()));
        }
    }

    private static String statesDuring(Timeline tl, StateInterval run, Instant origin) {
        List<String> parts = new ArrayList<>();
        for (StateInterval s : tl.states()) {
            if (s.overlaps(run.start(), run.end())) {
                parts.add(offset(origin, s.start()) + (s.alarm() ? " alarm " : " ok ") + s.causes());
            }
        }
        return parts.size() > 6 ? String.join(", ", parts.subList(0, 6)) + ", ... (" + parts.size() + ")"
                : String.join(", ", parts);
    }

    private static String describe(List<Fault> faults, String target, StateInterval run, Duration grace,
                                   boolean here, Instant origin) {
        List<String> found = faults.stream()
                .filter(f -> f.target.equals(target) == here)
                .filter(f -> run.overlaps(f.start.minus(grace), f.end.plus(grace)))
                .sorted(Comparator.comparing(Fault::start))
                .map(f -> (here ? "" : f.target + ":") + f.cause + "/" + f.mechanism + " " + offset(origin, f.start)
                          + "-" + offset(origin, f.end))
                .distinct().toList();
        return found.isEmpty() ? "-" : found.size() > 4 ? found.subList(0, 4) + "... (" + found.size() + ")"
                : found.toString();
    }

    private static String offset(Instant origin, Instant t) {
        long s = Duration.between(origin, t).toSeconds();
        return String.format("+%d:%02d", s / 60, s % 60);
    }

    private static List<Fault> readFaults(Path file) throws IOException {
        List<Fault> faults = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            String mechanism = n.hasNonNull("mechanism") ? n.get("mechanism").asText()
                    : n.path("fault").asText(n.path("cause").asText());
            faults.add(new Fault(n.get("target").asText(), n.get("cause").asText(), mechanism,
                    Instant.parse(n.get("start").asText()), Instant.parse(n.get("end").asText())));
        }
        return faults;
    }
}
