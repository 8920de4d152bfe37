package fr.vigie.bench.site;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.Quantiles;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.aggregator.Verdict;
import fr.vigie.aggregator.store.MemoryStore;
import fr.vigie.bench.BenchSections;
import fr.vigie.bench.Cli;
import fr.vigie.config.StepKind;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.statuspage.SiteGenerator;
import fr.vigie.statuspage.output.SiteFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Cost of incident reports in a regeneration: the site of {@link BenchFleet} (50 services, 30 incidents, 29 resolved,
 * each on 2 services for an hour) with a store holding a 5-step journey every minute around each incident. Prints the
 * plain regeneration, the first one with reports (every report read, worded and its PDFs rendered), the following
 * ones (reports settled and kept), and PDF sizes. Usage: {@code ReportBench [runs]}. A CLI output class: it prints.
 */
public final class ReportBench {
    private static final String[] STEPS = {"login-page", "login", "home", "post-message", "logout"};

    private ReportBench() {
    }

    @Command(name = "ReportBench", mixinStandardHelpOptions = true, description = "Site regeneration with incident"
            + " reports (pages, PDFs) for 50 generated services.")
    static final class Args {
        @Parameters(index = "0", arity = "0..1", defaultValue = "5", description = "regenerations measured (default ${DEFAULT-VALUE})")
        int runs;
    }

    public static void main(String[] args) {
        int runs = Cli.parse(new Args(), args).runs;
        VigieConfig config = BenchFleet.config(50);
        StatusSnapshot snapshot = BenchFleet.snapshot(config, 30);
        MemoryStore store = new MemoryStore(true);
        int resolved = 0;
        for (Incident incident : snapshot.incidents()) {
            if (incident.open()) {
                continue;
            }
            resolved++;
            for (String target : incident.targets()) {
                fill(store, target, incident);
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        SiteGenerator plain = new SiteGenerator(BenchSections.site(config));
        for (int i = 0; i < 3; i++) {
            plain.render(snapshot);
        }
        long[] plainMs = time(plain, snapshot, runs);

        SiteGenerator withReports = SiteGenerator.withReports(BenchSections.site(config), store);
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        SiteFiles files = withReports.render(snapshot);
        long coldMs = (System.nanoTime() - start) / 1_000_000;
        long coldCpu = (os.getProcessCpuTime() - cpu) / 1_000_000;
        long[] warmMs = time(withReports, snapshot, runs);
        long[] pdf = files.all().entrySet().stream().filter(e -> e.getKey().endsWith("report.pdf"))
                .mapToLong(e -> e.getValue().length).sorted().toArray();
        System.out.printf("plain regeneration (render in memory, no gzip, no write): median %.0f ms over %d runs%n",
                Quantiles.of(plainMs, 0.5), runs);
        System.out.printf("first regeneration with %d reports (%d PDFs, FR + EN, first PDFs of this JVM): %d ms, "
                + "process CPU %d ms%n", resolved, pdf.length, coldMs, coldCpu);
        System.out.printf("next regenerations (reports kept): median %.0f ms, max %.0f ms over %d runs%n",
                Quantiles.of(warmMs, 0.5), Quantiles.of(warmMs, 1), runs);
        System.out.printf("PDF size: median %.0f bytes, max %.0f bytes%n", Quantiles.of(pdf, 0.5), Quantiles.of(pdf, 1));
    }

    private static long[] time(SiteGenerator generator, StatusSnapshot snapshot, int runs) {
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            generator.render(snapshot);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms;
    }

    /** One journey a minute from 1 h before to 1 h after the incident; the last step fails during it. */
    private static void fill(MemoryStore store, String target, Incident incident) {
        List<StepResult> results = new ArrayList<>();
        Instant from = incident.openedAt().minus(Duration.ofHours(1));
        Instant to = incident.resolvedAt().plus(Duration.ofHours(1));
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
            boolean fault = !t.isBefore(incident.openedAt()) && t.isBefore(incident.resolvedAt());
            for (int s = 0; s < STEPS.length; s++) {
                boolean failed = fault && s == 3;
                double ms = (fault ? 2400 : 300) + 40 * s;
                results.add(new StepResult(t.plusMillis(200L * s), t, target, "bench", "journey",
                        target + "-" + t.getEpochSecond(), STEPS[s], StepKind.PAGE,
                        failed ? Outcome.RESPONSE_TIMEOUT : Outcome.OK, failed ? null : 200, null, 1.0, 2.0, null,
                        ms - 20, ms, 2000, false, null, null, null));
            }
        }
        store.appendResults(results);
        store.appendVerdict(new Verdict(incident.openedAt(), target, Status.MAJOR_OUTAGE, Cause.SATURATION,
                Set.of(Cause.SATURATION), 0.78, incident.evidence(), incident.id()));
        store.appendVerdict(new Verdict(incident.resolvedAt(), target, Status.OPERATIONAL, Cause.NONE, Set.of(), 0.9,
                List.of(), null));
    }
}
