package fr.vigie.scoring;

import fr.vigie.simulator.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores several classified suites and prints issue 13's table with one column per suite and the required column:
 * {@code CompareMain --suite NAME=DIR --suite NAME=DIR [--grace 60s] [--flap-window 30s] [--interval 5s]
 * [--quiet]}. Each suite's full report comes first (unless {@code --quiet}), then the table in Markdown.
 */
public final class CompareMain {
    private CompareMain() {
    }

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Scores several classified suites"
            + " and prints issue 13's table, one column per suite.")
    static final class Args {
        @Option(names = "--suite", required = true, paramLabel = "NAME=DIR", description = "a suite (repeatable)")
        List<String> suites = new ArrayList<>();
        @Option(names = "--grace", description = "default 60s") Duration grace = ScoringOptions.defaults().grace();
        @Option(names = "--flap-window", description = "default 30s")
        Duration flapWindow = ScoringOptions.defaults().flapWindow();
        @Option(names = "--interval", description = "probe round interval, default 5s")
        Duration interval = ScoringOptions.defaults().interval();
        @Option(names = "--quiet", description = "the table only, without each suite's full report") boolean quiet;
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args();
        List<String> names = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        Integer early = Cli.parse(a, args, ScoreMain::duration, out, err, () -> {
            for (String v : a.suites) {
                int eq = v.indexOf('=');
                if (eq <= 0) {
                    return "--suite wants NAME=DIR, got " + v;
                }
                names.add(v.substring(0, eq));
                dirs.add(Path.of(v.substring(eq + 1)));
            }
            return null;
        });
        if (early != null) {
            return early;
        }
        Duration grace = a.grace;
        Duration flapWindow = a.flapWindow;
        Duration interval = a.interval;
        boolean quiet = a.quiet;
        List<ScoreReport> reports = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ByteArrayOutputStream perScenario = new ByteArrayOutputStream();
            ScoreReport r = new SuiteScorer(new ScoringOptions(grace, flapWindow, null, null, interval))
                    .score(dirs.get(i), new PrintStream(perScenario, true, StandardCharsets.UTF_8));
            reports.add(r);
            if (!quiet) {
                out.printf("=== %s (%s)%n", names.get(i), dirs.get(i));
                out.print(r.render());
                out.println();
            }
        }
        out.print(table(names, reports));
        return 0;
    }

    /** Issue 13's measures, one column per suite, then the required value. */
    static String table(List<String> names, List<ScoreReport> reports) {
        StringBuilder b = new StringBuilder();
        b.append("| measure |");
        names.forEach(n -> b.append(' ').append(n).append(" |"));
        b.append(" required |\n|---|");
        names.forEach(n -> b.append("---|"));
        b.append("---|\n");
        row(b, "macro-F1 over causes", reports, r -> ratio(r.macroF1()), "≥ 0.95");
        row(b, "false alarms per fault-free target-morning", reports,
                r -> ratio(r.heldOut().falseAlarmsPerFaultFreeTargetMorning()), "≤ 0.05");
        row(b, "published causes that were not the injected one", reports,
                r -> Double.isNaN(r.publishedWrongShare()) ? "-" : String.format(Locale.ROOT, "%.1f %% (%d/%d)",
                        100 * r.publishedWrongShare(), r.publishedWrong(), r.publishedCauses()), "≤ 2 %");
        row(b, "withheld causes (unknown), runs / during faults", reports,
                r -> r.heldOut().withheld() + " / " + r.heldOut().withheldDuringFaults(), "(scored apart)");
        row(b, "flaps per fault segment", reports, r -> ratio(r.flapsPerIncident()), "≤ 0.1");
        row(b, "detection delay, median, from the first visible effect", reports, r -> {
            Duration m = r.heldOut().medianEffectDelay();
            return m == null ? "-" : String.format(Locale.ROOT, "%.0f s = %.1f rounds", m.toMillis() / 1000.0,
                    r.heldOut().medianEffectDelayRounds());
        }, "≤ 2 probe rounds");
        for (String cause : Scorer.CAUSES) {
            row(b, "F1 " + cause, reports, r -> ratio(r.f1(cause)), "");
        }
        row(b, "fault segments scored / missed", reports, r -> r.incidents() + " / " + r.missed().size(), "");
        return b.toString();
    }

    private static void row(StringBuilder b, String label, List<ScoreReport> reports,
                            java.util.function.Function<ScoreReport, String> cell, String required) {
        b.append("| ").append(label).append(" |");
        reports.forEach(r -> b.append(' ').append(cell.apply(r)).append(" |"));
        b.append(' ').append(required).append(" |\n");
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
