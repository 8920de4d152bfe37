package fr.vigie.bench.site;

import fr.vigie.aggregator.Quantiles;
import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.bench.BenchSections;
import fr.vigie.bench.Cli;
import fr.vigie.config.VigieConfig;
import fr.vigie.statuspage.SiteGenerator;
import fr.vigie.statuspage.server.StatusSiteServer;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Measures the regeneration time of the whole site (50 services, 90 days of history by default), then
 * serves it with {@link StatusSiteServer} until killed (unless {@code --no-serve}: {@code bench/site.sh} serves it
 * from a process of its own, {@link SiteServe}, with the service's JVM options).
 * Usage: {@code SiteBench [--no-serve] <outDir> <port> [services] [runs]}. This is a CLI output class: it prints.
 */
public final class SiteBench {
    private SiteBench() {
    }

    @Command(name = "SiteBench", mixinStandardHelpOptions = true, description = "Regenerates a 90-day site of"
            + " generated services, then serves it on 127.0.0.1 until stopped (for wrk).")
    static final class Args {
        @Parameters(index = "0", description = "output directory of the site")
        Path out;
        @Parameters(index = "1", description = "port served on 127.0.0.1")
        int port;
        @Parameters(index = "2", arity = "0..1", defaultValue = "50", description = "services (default ${DEFAULT-VALUE})")
        int services;
        @Parameters(index = "3", arity = "0..1", defaultValue = "10", description = "regenerations measured (default ${DEFAULT-VALUE})")
        int runs;
        @Option(names = "--no-serve", description = "exit after the regenerations (bench/site.sh serves the folder"
                + " from a process of its own, SiteServe)")
        boolean noServe;
    }

    public static void main(String[] args) throws Exception {
        Args a = Cli.parse(new Args(), args);
        Path out = a.out;
        int port = a.port;
        int services = a.services;
        int runs = a.runs;
        VigieConfig config = BenchFleet.config(services);
        StatusSnapshot snapshot = BenchFleet.snapshot(config, 30);
        SiteGenerator generator = new SiteGenerator(BenchSections.site(config));
        for (int i = 0; i < 3; i++) {
            generator.generate(snapshot, out);
        }
        long[] millis = new long[runs];
        // Process CPU time too: on a shared machine the wall time mostly measures the other processes.
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            generator.generate(snapshot, out);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        long cpuPerRun = (os.getProcessCpuTime() - cpuStart) / 1_000_000 / runs;
        Arrays.sort(millis);
        long files;
        try (var walk = Files.walk(out.toRealPath())) {
            files = walk.filter(Files::isRegularFile).count();
        }
        System.out.printf("regeneration: %d services, 90 days, %d files (with .gz): median %.0f ms, max %.0f ms"
                + " over %d runs; process CPU %d ms per regeneration%n", services, files, Quantiles.of(millis, 0.5),
                Quantiles.of(millis, 1), runs, cpuPerRun);
        System.out.printf("home page: %d bytes, %d bytes gzip%n", Files.size(out.resolve("index.html")),
                Files.size(out.resolve("index.html.gz")));
        if (a.noServe) {
            return;
        }
        Vertx vertx = Vertx.vertx();
        StatusSiteServer server = StatusSiteServer.start(vertx, out, "127.0.0.1", port)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("serving " + out.toRealPath() + " on 127.0.0.1:" + server.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
