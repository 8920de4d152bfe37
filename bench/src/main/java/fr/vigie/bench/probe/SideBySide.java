package fr.vigie.bench.probe;

import fr.vigie.aggregator.Quantiles;
import fr.vigie.config.Journey;
import fr.vigie.config.Step;
import fr.vigie.config.StepKind;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.run.JourneyRunner;
import fr.vigie.probes.run.RoundInfo;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The same simple HTTP check by Vigie and by blackbox_exporter: CPU per probe and TTFB error. */
final class SideBySide {
    private static final Pattern PROCESSING =
            Pattern.compile("probe_http_duration_seconds\\{phase=\"processing\"} ([0-9.eE+-]+)");
    private static final Pattern SUCCESS = Pattern.compile("\\nprobe_success ([0-9.]+)");
    /** Linux clock ticks per second for /proc/PID/stat utime and stime. */
    private static final double TICKS = 100.0;

    private SideBySide() {
    }

    static void run(Vertx vertx, JourneyRunner runner, String blackboxUrl, long blackboxPid, long delayMs, int checks)
            throws Exception {
        HttpServer slow = vertx.createHttpServer()
                .requestHandler(req -> vertx.setTimer(delayMs, id -> req.response().end("ok")))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String page = "http://127.0.0.1:" + slow.actualPort() + "/";

        Journey one = new Journey("simple", "one GET", List.of(new Step("home", StepKind.PAGE, "/", null, null, true,
                Map.of(), new Step.Expect(List.of(200), null, null, null, Map.of(), null), Map.of(), false)));
        Target target = new Target("simple", "simple", TargetKind.CONTROL, null, List.of(), null, null, "bench",
                "http://127.0.0.1:" + slow.actualPort(), "simple", Optional.empty(), "bench", List.of(), Map.of());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Set<Long> proberThreads = new HashSet<>();
        for (int i = 0; i < 20; i++) { // warm-up, and learn the prober's threads
            runner.run(target, one, RoundInfo.now(), r -> proberThreads.add(Thread.currentThread().getId()))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        long cpu0 = proberThreads.stream().mapToLong(threads::getThreadCpuTime).sum();
        List<Double> vigieTtfb = new ArrayList<>();
        for (int i = 0; i < checks; i++) {
            List<StepResult> r = runner.run(target, one, RoundInfo.now(), x -> { })
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            vigieTtfb.add(r.get(0).ttfbMs());
        }
        long vigieCpu = proberThreads.stream().mapToLong(threads::getThreadCpuTime).sum() - cpu0;

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI probe = URI.create(blackboxUrl + "/probe?module=http_2xx&target="
                + URLEncoder.encode(page, StandardCharsets.UTF_8));
        for (int i = 0; i < 20; i++) {
            http.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.ofString());
        }
        double ticks0 = cpuTicks(blackboxPid);
        List<Double> blackboxProcessing = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < checks; i++) {
            String body = http.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher ok = SUCCESS.matcher(body);
            Matcher m = PROCESSING.matcher(body);
            if (!ok.find() || !ok.group(1).startsWith("1") || !m.find()) {
                failures++;
                continue;
            }
            blackboxProcessing.add(Double.parseDouble(m.group(1)) * 1000);
        }
        double blackboxCpuMs = (cpuTicks(blackboxPid) - ticks0) / TICKS * 1000;
        vigieTtfb.sort(null);
        blackboxProcessing.sort(null);
        System.out.printf("simple check x%d, %d ms injected%n", checks, delayMs);
        System.out.printf("  vigie:    CPU %.2f ms/probe (prober threads), TTFB error median %+.2f ms, p90 %+.2f ms%n",
                vigieCpu / 1e6 / checks, median(vigieTtfb) - delayMs, p90(vigieTtfb) - delayMs);
        if (blackboxProcessing.isEmpty()) {
            System.out.printf("  blackbox: all %d probes failed%n", failures);
        } else {
            System.out.printf("  blackbox: CPU %.2f ms/probe (exporter process, 10 ms ticks), processing error "
                            + "median %+.2f ms, p90 %+.2f ms, %d failed%n", blackboxCpuMs / checks,
                    median(blackboxProcessing) - delayMs, p90(blackboxProcessing) - delayMs, failures);
        }
        slow.close();
    }

    private static double median(List<Double> values) {
        return Quantiles.of(values, 0.5);
    }

    private static double p90(List<Double> values) {
        return Quantiles.of(values, 0.9);
    }

    /** utime + stime of a process, in clock ticks. */
    private static double cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Double.parseDouble(f[11]) + Double.parseDouble(f[12]);
    }
}
