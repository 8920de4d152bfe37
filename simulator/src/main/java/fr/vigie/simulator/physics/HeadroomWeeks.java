package fr.vigie.simulator.physics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Weeks of school mornings for the headroom forecast (issue 17): per target, the login step probed every minute
 * from 7:00 to 8:30 against the M/M/c/K {@link ServerPool} under the rush's demand ({@link SchoolLoad}), the day's
 * peak following a story:
 * <ul>
 *   <li>{@code steady}: a peak of 0.45-0.75 of capacity, day-to-day noise only (never outgrown);</li>
 *   <li>{@code growth}: 0.55-0.78, growing 0.4-1.3 % per school day (more accounts, more use) until it outgrows
 *       the pool;</li>
 *   <li>{@code near-knee}: 0.74-0.86, steady: only a heavier morning tips it over.</li>
 * </ul>
 * Heavier mornings: the return from the Toussaint holidays (8 November 2021) multiplies every target's demand by
 * 1.15-1.45, and each suite declares two special days ("premier jour d'enseignement à distance") for a random set
 * of zones, with a declared factor and a true one drawn around it (the operator's guess is never exact).
 * A morning saturates (the truth) when its peak demand reaches the pool's capacity (rho >= 1). Same seed, same data.
 */
public final class HeadroomWeeks {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final double STEP_TIMEOUT_MS = 5000;
    static final double LOGIN_COST = 2;
    private static final String[] ZONES = {"A", "B", "C"};

    /** One target-morning of the truth. */
    public record Truth(String target, String zone, String story, LocalDate day, double peakRho, boolean saturated) {
    }

    /** A special day the suite declares, as an operator would in {@code calendar.special-days}. */
    public record Declared(LocalDate date, List<String> zones, double factor, String name) {
    }

    /** A generated suite: the trace lines (docs/trace-format.md), the truth and the declared days. */
    public record Suite(List<String> trace, List<Truth> truth, List<Declared> declared, List<String[]> targets) {
    }

    private HeadroomWeeks() {
    }

    public static Suite generate(long seed, int targetCount, int dayCount) {
        List<LocalDate> days = SchoolDays.first(dayCount);
        Random plan = new Random(Seeds.mix(seed, 0));
        List<Declared> declared = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            LocalDate date = days.get(days.size() / 3 + plan.nextInt(days.size() * 2 / 3));
            List<String> zones = new ArrayList<>();
            for (String z : ZONES) {
                if (plan.nextDouble() < 0.6) {
                    zones.add(z);
                }
            }
            if (zones.isEmpty()) {
                zones.add(ZONES[plan.nextInt(3)]);
            }
            declared.add(new Declared(date, zones, round(1.4 + 0.4 * plan.nextDouble()),
                    "premier jour d'enseignement à distance"));
        }
        List<String> trace = new ArrayList<>();
        List<Truth> truth = new ArrayList<>();
        List<String[]> targets = new ArrayList<>();
        for (int t = 0; t < targetCount; t++) {
            Random r = new Random(Seeds.mix(seed, 1000 + t));
            String id = String.format(Locale.ROOT, "ent-%02d", t);
            String zone = ZONES[r.nextInt(3)];
            double u = r.nextDouble();
            String story = u < 0.4 ? "steady" : u < 0.75 ? "growth" : "near-knee";
            double peak = switch (story) {
                case "steady" -> 0.45 + 0.30 * r.nextDouble();
                case "growth" -> 0.55 + 0.23 * r.nextDouble();
                default -> 0.74 + 0.12 * r.nextDouble();
            };
            double growth = story.equals("growth") ? 0.004 + 0.009 * r.nextDouble() : 0;
            double rtt = 6 + 24 * r.nextDouble();
            targets.add(new String[]{id, zone, story});
            double[] trueFactor = new double[declared.size()];
            for (int k = 0; k < declared.size(); k++) {
                trueFactor[k] = declared.get(k).factor() * (0.85 + 0.3 * r.nextDouble());
            }
            for (int d = 0; d < days.size(); d++) {
                LocalDate day = days.get(d);
                double factor = day.equals(LocalDate.of(2021, 11, 8)) ? 1.15 + 0.3 * r.nextDouble() : 1;
                for (int k = 0; k < declared.size(); k++) {
                    if (declared.get(k).date().equals(day) && declared.get(k).zones().contains(zone)) {
                        factor = Math.max(factor, trueFactor[k]);
                    }
                }
                double noise = Math.exp(0.04 * r.nextGaussian());
                double dayPeak = peak * Math.pow(1 + growth, d) * factor * noise;
                truth.add(new Truth(id, zone, story, day, dayPeak, dayPeak >= 1.0));
                morning(trace, id, day, new SchoolLoad(dayPeak, 8.0 + r.nextGaussian() * 0.05), rtt, r);
            }
        }
        return new Suite(trace, truth, declared, targets);
    }

    /** The login step every minute from 7:00 to 8:29 at the target's offset. */
    private static void morning(List<String> trace, String id, LocalDate day, SchoolLoad load, double rtt, Random r) {
        ServerPool pool = ServerPool.standard();
        int offset = r.nextInt(60);
        for (int m = 0; m < 90; m++) {
            LocalTime at = LocalTime.of(7, 0).plusMinutes(m).plusSeconds(offset);
            double hour = at.toSecondOfDay() / 3600.0;
            ServerPool.Admission a = pool.arrive(load.rho(hour), pool.workers(), r);
            TraceLine line = new TraceLine();
            line.ts = day.atTime(at).atZone(PARIS).toInstant();
            line.scheduled = line.ts;
            line.target = id;
            line.vantage = "paris-1";
            line.journey = "cas";
            line.run = id + "-" + day + "-" + m;
            line.step = "login";
            line.kind = "login";
            line.dnsMs = 0.0;
            line.connectMs = rtt;
            double service = -Math.log(1 - r.nextDouble()) * pool.pageServiceMs() * LOGIN_COST;
            double total = 2 * rtt + a.waitMs() + service;
            if (a.rejected()) {
                line.fail("http_error", 503, null, "503 Service Unavailable");
                line.totalMs = 2 * rtt + 5;
                line.ttfbMs = line.totalMs;
            } else if (total > STEP_TIMEOUT_MS) {
                line.fail("response_timeout", null, null, "no response in 5 s");
                line.totalMs = STEP_TIMEOUT_MS;
            } else {
                line.status = 200;
                line.ttfbMs = total - 1;
                line.totalMs = total;
                line.bytes = 4200;
            }
            trace.add(line.json());
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Writes {@code trace.jsonl}, {@code truth.csv} and {@code declared.csv} into {@code dir}. */
    public static void write(Suite suite, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("trace.jsonl"), suite.trace(), StandardCharsets.UTF_8);
        try (Writer w = Files.newBufferedWriter(dir.resolve("truth.csv"), StandardCharsets.UTF_8)) {
            w.write("target,zone,story,day,peak_rho,saturated\n");
            for (Truth t : suite.truth()) {
                w.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%.3f,%s%n", t.target(), t.zone(), t.story(), t.day(),
                        t.peakRho(), t.saturated()));
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("declared.csv"), StandardCharsets.UTF_8)) {
            w.write("date,zones,factor,name\n");
            for (Declared d : suite.declared()) {
                w.write(d.date() + "," + String.join(" ", d.zones()) + "," + d.factor() + "," + d.name() + "\n");
            }
        }
    }
}
