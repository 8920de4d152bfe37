package fr.vigie.scoring;

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

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path truth = null;
        Path verdicts = null;
        Path trace = null;
        Path suite = null;
        ScoringOptions defaults = ScoringOptions.defaults();
        Duration grace = defaults.grace();
        Duration flapWindow = defaults.flapWindow();
        Duration interval = defaults.interval();
        Instant from = null;
        Instant to = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--truth" -> truth = Path.of(require(value, "--truth"));
                    case "--verdicts" -> verdicts = Path.of(require(value, "--verdicts"));
                    case "--trace" -> trace = Path.of(require(value, "--trace"));
                    case "--suite" -> suite = Path.of(require(value, "--suite"));
                    case "--grace" -> grace = duration(require(value, "--grace"));
                    case "--flap-window" -> flapWindow = duration(require(value, "--flap-window"));
                    case "--interval" -> interval = duration(require(value, "--interval"));
                    case "--from" -> from = Instant.parse(require(value, "--from"));
                    case "--to" -> to = Instant.parse(require(value, "--to"));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
                i++;
            }
            if (suite == null && (truth == null || verdicts == null)) {
                throw new IllegalArgumentException("--truth and --verdicts (or --suite) are required");
            }
        } catch (RuntimeException e) {
            err.println("score: " + e.getMessage());
            err.println("usage: score --truth ground-truth.jsonl --verdicts verdicts.jsonl [--trace trace.jsonl] "
                        + "[--grace 60s] [--flap-window 30s] [--interval 5s] [--from ISO-instant] [--to ISO-instant]");
            err.println("       score --suite DIR [--grace 60s] [--flap-window 30s] [--interval 5s]");
            return 2;
        }
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

    private static String require(String value, String flag) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
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
