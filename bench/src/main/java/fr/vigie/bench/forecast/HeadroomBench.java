package fr.vigie.bench.forecast;

import fr.vigie.aggregator.forecast.ExpectedLoad;
import fr.vigie.aggregator.forecast.ForecastSettings;
import fr.vigie.aggregator.forecast.HeadroomForecast;
import fr.vigie.aggregator.forecast.HeadroomForecaster;
import fr.vigie.aggregator.forecast.MorningHistory;
import fr.vigie.aggregator.forecast.MorningWindows;
import fr.vigie.aggregator.forecast.Risk;
import fr.vigie.aggregator.store.MemoryStore;
import fr.vigie.bench.Cli;
import fr.vigie.config.SpecialDay;
import fr.vigie.config.calendar.SchoolCalendar;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.trace.TraceReader;
import fr.vigie.simulator.physics.HeadroomWeeks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores the headroom forecast on simulated weeks (issue 17): the settings are fitted on seed A (grid, best F1 of
 * "saturates next morning") and scored unchanged on seed B. Prints precision and recall for 1, 2 and 3 mornings
 * ahead, and for each target's first saturated morning how many mornings ahead the forecast said "élevé".
 * usage: HeadroomBench [--seed-a 11] [--seed-b 12] [--targets 24] [--days 60]
 */
public final class HeadroomBench {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int MAX_AHEAD = 5;

    record Data(HeadroomWeeks.Suite suite, MorningHistory history, ExpectedLoad load, List<LocalDate> days,
                Map<String, Boolean> saturated) {
    }

    record Score(int tp, int fp, int fn, int tn) {
        double precision() {
            return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    @Command(name = "HeadroomBench", mixinStandardHelpOptions = true, description = "Fits the headroom forecast on"
            + " one generated seed and scores it on another (held out).")
    static final class Args {
        @Option(names = "--seed-a", defaultValue = "11", description = "seed fitted on (default ${DEFAULT-VALUE})")
        long seedA;
        @Option(names = "--seed-b", defaultValue = "12", description = "held-out seed (default ${DEFAULT-VALUE})")
        long seedB;
        @Option(names = "--targets", defaultValue = "24", description = "targets (default ${DEFAULT-VALUE})")
        int targets;
        @Option(names = "--days", defaultValue = "60", description = "school mornings (default ${DEFAULT-VALUE})")
        int days;
    }

    public static void main(String[] args) {
        Args a0 = Cli.parse(new Args(), args);
        long seedA = a0.seedA;
        long seedB = a0.seedB;
        int targets = a0.targets;
        int days = a0.days;
        long t0 = System.nanoTime();
        Data a = load(seedA, targets, days);
        Data b = load(seedB, targets, days);
        System.out.printf(Locale.ROOT, "suites: seed A %d and seed B %d, %d targets x %d school mornings each"
                + " (%d probe results per seed), generated and stored in %.1f s%n", seedA, seedB, targets, days,
                a.suite().trace().size(), (System.nanoTime() - t0) / 1e9);
        describe("A", a);
        describe("B", b);

        ForecastSettings best = null;
        double bestF1 = -1;
        int tried = 0;
        for (double knee = 0.7; knee <= 0.951; knee += 0.05) {
            for (double exponent : new double[]{1.0, 0.7, 0.5, 0.35, 0.25}) {
                for (double floor : new double[]{0.0, 0.3, 0.5, 0.7}) {
                    for (double high = 0.3; high <= 0.701; high += 0.1) {
                        ForecastSettings s = ForecastSettings.DEFAULT.withFitted(r2(knee), exponent, floor, r2(high));
                        double f1 = score(a, s, 1).f1();
                        tried++;
                        if (f1 > bestF1 + 1e-9) {
                            bestF1 = f1;
                            best = s;
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "fitted on seed A (best F1 one morning ahead among %d settings): knee %.2f,"
                + " exponent %.2f, floor %.2f, high %.2f (moderate %.2f)%n", tried, best.knee(), best.exponent(),
                best.floor(), best.high(), best.moderate());
        ForecastSettings d0 = ForecastSettings.DEFAULT;
        System.out.printf(Locale.ROOT, "shipped defaults (ForecastSettings.DEFAULT): knee %.2f, exponent %.2f, floor %.2f,"
                + " high %.2f%s%n", d0.knee(), d0.exponent(), d0.floor(), d0.high(),
                d0.equals(best) ? " (the same)" : " (DIFFERENT: update ForecastSettings.DEFAULT)");
        System.out.println();
        System.out.println("\"saturates that morning\" (risk élevé), every forecast target-morning:");
        System.out.println("seed      ahead  saturated  flagged   TP   FP   FN  precision  recall    F1");
        for (String name : List.of("A (fit)", "B (held out)")) {
            Data d = name.startsWith("A") ? a : b;
            for (int ahead = 1; ahead <= 3; ahead++) {
                Score s = score(d, best, ahead);
                System.out.printf(Locale.ROOT, "%-12s %2d  %9d  %7d  %3d  %3d  %3d  %9s  %6s  %4s%n", name, ahead,
                        s.tp() + s.fn(), s.tp() + s.fp(), s.tp(), s.fp(), s.fn(), f(s.precision()), f(s.recall()),
                        f(s.f1()));
            }
        }
        System.out.println();
        System.out.println("seed B (held out), 1 morning ahead, by story and by kind of morning:");
        System.out.println("story      mornings     saturated  flagged   TP   FP   FN  precision  recall");
        for (String story : List.of("steady", "growth", "near-knee")) {
            for (Boolean ordinary : List.of(true, false)) {
                Score s = score(b, best, 1, story, ordinary);
                System.out.printf(Locale.ROOT, "%-10s %-12s %9d  %7d  %3d  %3d  %3d  %9s  %6s%n", story,
                        ordinary ? "ordinary" : "heavier", s.tp() + s.fn(), s.tp() + s.fp(), s.tp(), s.fp(), s.fn(),
                        f(s.precision()), f(s.recall()));
            }
        }
        System.out.println();
        System.out.println("first saturated morning of each target (no saturation before it): mornings ahead the"
                + " forecast first said élevé, without a break until that morning (0 = missed)");
        for (String name : List.of("A (fit)", "B (held out)")) {
            Data d = name.startsWith("A") ? a : b;
            lead(name, d, best);
        }
        System.out.println();
        System.out.println("example (seed B, first flagged forecast of a saturated morning):");
        example(b, best);
        System.out.printf(Locale.ROOT, "%ntotal %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static Data load(long seed, int targets, int days) {
        HeadroomWeeks.Suite suite = HeadroomWeeks.generate(seed, targets, days);
        MemoryStore store = new MemoryStore(true);
        List<StepResult> batch = new ArrayList<>(suite.trace().size());
        long line = 0;
        for (String l : suite.trace()) {
            batch.add(TraceReader.parse(++line, l));
        }
        store.appendResults(batch);
        List<SpecialDay> declared = suite.declared().stream().map(d -> new SpecialDay(d.date(), d.name(),
                SpecialDay.Kind.DISTANCE_LEARNING, Set.copyOf(d.zones()), d.factor())).toList();
        ExpectedLoad load = new ExpectedLoad(SchoolCalendar.load(), declared);
        Set<LocalDate> allDays = new LinkedHashSet<>();
        Map<String, Boolean> saturated = new HashMap<>();
        for (HeadroomWeeks.Truth t : suite.truth()) {
            allDays.add(t.day());
            saturated.put(t.target() + "|" + t.day(), t.saturated());
        }
        return new Data(suite, new MorningHistory(store, PARIS, MorningWindows.SCHOOL), load, List.copyOf(allDays),
                saturated);
    }

    static void describe(String name, Data d) {
        Map<String, Integer> stories = new java.util.TreeMap<>();
        d.suite().targets().forEach(t -> stories.merge(t[2], 1, Integer::sum));
        long sat = d.saturated().values().stream().filter(x -> x).count();
        System.out.printf(Locale.ROOT, "  seed %s: stories %s; %d of %d target-mornings saturate; declared %s%n", name,
                stories, sat, d.saturated().size(), d.suite().declared().stream()
                        .map(x -> x.date() + " zones " + x.zones() + " x" + x.factor()).toList());
    }

    /** Every forecast made {@code ahead} mornings before, from the 6th morning on. */
    static Score score(Data d, ForecastSettings s, int ahead) {
        return score(d, s, ahead, null, null);
    }

    /** As above, only for targets of {@code story} and, when {@code ordinary} is set, ordinary (or heavier) mornings. */
    static Score score(Data d, ForecastSettings s, int ahead, String story, Boolean ordinary) {
        HeadroomForecaster forecaster = new HeadroomForecaster(d.history(), d.load(), PARIS, s);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (String[] t : d.suite().targets()) {
            if (story != null && !story.equals(t[2])) {
                continue;
            }
            for (int i = 5; i + ahead - 1 < d.days().size(); i++) {
                LocalDate last = d.days().get(i - 1);
                LocalDate morning = d.days().get(i + ahead - 1);
                if (ordinary != null && ordinary != (d.load().factor(morning, t[1]) == 1.0)) {
                    continue;
                }
                HeadroomForecast f = forecaster.forecast(t[0], t[1], last, morning);
                boolean flagged = f.risk() == Risk.HIGH;
                boolean truth = d.saturated().get(t[0] + "|" + morning);
                if (flagged && truth) tp++;
                else if (flagged) fp++;
                else if (truth) fn++;
                else tn++;
            }
        }
        return new Score(tp, fp, fn, tn);
    }

    static void lead(String name, Data d, ForecastSettings s) {
        HeadroomForecaster forecaster = new HeadroomForecaster(d.history(), d.load(), PARIS, s);
        List<Integer> leads = new ArrayList<>();
        List<String> detail = new ArrayList<>();
        for (String[] t : d.suite().targets()) {
            for (int i = 5; i < d.days().size(); i++) {
                LocalDate morning = d.days().get(i);
                if (!d.saturated().get(t[0] + "|" + morning)) {
                    continue;
                }
                boolean before = false;
                for (int j = 0; j < i; j++) {
                    before |= d.saturated().get(t[0] + "|" + d.days().get(j));
                }
                if (!before) {
                    int lead = 0;
                    for (int ahead = 1; ahead <= MAX_AHEAD && i - ahead >= 5; ahead++) {
                        LocalDate last = d.days().get(i - ahead);
                        if (forecaster.forecast(t[0], t[1], last, morning).risk() != Risk.HIGH) {
                            break;
                        }
                        lead = ahead;
                    }
                    leads.add(lead);
                    HeadroomForecast dayBefore = forecaster.forecast(t[0], t[1], d.days().get(i - 1), morning);
                    detail.add(String.format(Locale.ROOT, "%s %s %s x%.1f p=%.2f lead %d", t[0], t[2], morning,
                            dayBefore.loadFactor(), dayBefore.prediction() == null ? Double.NaN
                                    : dayBefore.prediction().probability(), lead));
                }
                break;
            }
        }
        long caught = leads.stream().filter(l -> l > 0).count();
        System.out.printf(Locale.ROOT, "  %-12s %d first saturations: %d flagged the day before (%s), lead in"
                + " mornings %s%n", name, leads.size(), caught, leads.isEmpty() ? "-" : f(caught / (double) leads.size()),
                leads);
        detail.forEach(x -> System.out.println("      " + x));
    }

    static void example(Data d, ForecastSettings s) {
        HeadroomForecaster forecaster = new HeadroomForecaster(d.history(), d.load(), PARIS, s);
        for (String[] t : d.suite().targets()) {
            for (int i = 5; i < d.days().size(); i++) {
                LocalDate morning = d.days().get(i);
                HeadroomForecast f = forecaster.forecast(t[0], t[1], d.days().get(i - 1), morning);
                if (f.risk() == Risk.HIGH && d.saturated().get(t[0] + "|" + morning)) {
                    System.out.println("  " + t[0] + " (" + t[2] + "): "
                            + fr.vigie.aggregator.forecast.ForecastWording.headline(f) + " " + morning + " — " + f.evidence());
                    System.out.println("  " + fr.vigie.aggregator.forecast.ForecastWording.uncertainty(f));
                    return;
                }
            }
        }
    }

    static double r2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
