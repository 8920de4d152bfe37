package fr.vigie.scoring;

import fr.vigie.simulator.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Command line: {@code ScoreMain --truth ground-truth.jsonl --verdicts verdicts.jsonl [--trace trace.jsonl]
 * [--grace 60s] [--flap-window 30s] [--interval 5s] [--from ISO] [--to ISO]}, or {@code ScoreMain --suite DIR [...]} for a fast-mode
 * suite (NN-truth.jsonl + NN-verdicts.jsonl [+ NN-trace.jsonl] per scenario); prints the report, exit 2 on bad
 * arguments. A trace sets the horizon to its time range (so quiet stretches count as fault-free time).
 */
public final class ScoreMain {
    private ScoreMain() {
    }

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true, description = "Scores verdicts against a ground truth"
            + " (one pair of files, or a suite directory).")
    static final class Args {
        @Option(names = "--truth", description = "ground-truth.jsonl") Path truth;
        @Option(names = "--verdicts", description = "verdicts.jsonl") Path verdicts;
        @Option(names = "--trace", description = "trace.jsonl: sets the horizon to its time range") Path trace;
        @Option(names = "--suite", description = "suite: NN-truth.jsonl + NN-verdicts.jsonl [+ NN-trace.jsonl]")
        Path suite;
        @Option(names = "--grace", description = "default 60s") Duration grace = ScoringOptions.defaults().grace();
        @Option(names = "--flap-window", description = "default 30s")
        Duration flapWindow = ScoringOptions.defaults().flapWindow();
        @Option(names = "--interval", description = "probe round interval, default 5s")
        Duration interval = ScoringOptions.defaults().interval();
        @Option(names = "--from", description = "ISO instant") Instant from;
        @Option(names = "--to", description = "ISO instant") Instant to;
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args();
        Integer early = Cli.parse(a, args, ScoreMain::duration, out, err, () -> {
            if (a.suite == null && (a.truth == null || a.verdicts == null)) {
                return "--truth and --verdicts (or --suite) are required";
            }
            return null;
        });
        if (early != null) {
            return early;
        }
        Path truth = a.truth;
        Path verdicts = a.verdicts;
        Path trace = a.trace;
        Path suite = a.suite;
        Duration grace = a.grace;
        Duration flapWindow = a.flapWindow;
        Duration interval = a.interval;
        Instant from = a.from;
        Instant to = a.to;
        if (suite != null) {
            out.print(new SuiteScorer(new ScoringOptions(grace, flapWindow, null, null, interval)).score(suite, out).render());
            return 0;
        }
        if (trace != null) {
            Instant[] range = SuiteScorer.traceRange(trace);
            from = from == null ? range[0] : from;
            to = to == null ? range[1] : to;
        }
        ScoreReport report = new Scorer(new ScoringOptions(grace, flapWindow, from, to, interval))
                .score(ScoringInputs.readTruth(truth), ScoringInputs.readVerdicts(verdicts));
        out.print(report.render());
        return 0;
    }

    /** 60s, 2m, 500ms or ISO-8601 (PT1M). */
    static Duration duration(String s) {
        if (s.startsWith("P") || s.startsWith("p")) {
            return Duration.parse(s);
        }
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("bad duration " + s);
        };
    }
}
