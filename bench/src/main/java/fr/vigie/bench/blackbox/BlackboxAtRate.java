package fr.vigie.bench.blackbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exporter's half of the side-by-side comparison (bench/blackbox.sh): asks Prometheus' blackbox_exporter for
 * the same check at the same fixed rate, over a keep-alive pool, and reads the exporter's CPU from /proc (this
 * driver's own CPU is not counted: it is what Prometheus' scrapes would cost).
 */
@Command(name = "BlackboxAtRate", mixinStandardHelpOptions = true,
        description = "blackbox_exporter asked for a simple HTTP check at a fixed rate; prints its CPU per check.")
public final class BlackboxAtRate implements Callable<Integer> {
    @Mixin
    RateOptions load = new RateOptions();
    private static final Pattern SUCCESS = Pattern.compile("(?m)^probe_success ([0-9.]+)");
    private static final Pattern DURATION = Pattern.compile("(?m)^probe_duration_seconds ([0-9.eE+-]+)");

    @Option(names = "--exporter", required = true, description = "the exporter's base URL (loopback only)")
    String exporter;
    @Option(names = "--pid", required = true, description = "the exporter's process id")
    long pid;
    @Option(names = "--module", defaultValue = "http_2xx", description = "the exporter module (default ${DEFAULT-VALUE})")
    String module;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BlackboxAtRate()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Loopback.require(load.url);
        Loopback.require(exporter);
        Vertx vertx = Vertx.vertx();
        URI base = URI.create(exporter);
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(load.maxInFlight));
        String path = "/probe?module=" + module + "&target=" + URLEncoder.encode(load.url, StandardCharsets.UTF_8);
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                .setPort(base.getPort()).setURI(path);
        Latencies latencies = new Latencies();
        try {
            RateDriver warm = new RateDriver(vertx, load.rate, load.maxInFlight);
            warm.runFor(load.warmup * 1000L, () -> check(http, request, null)).get(load.warmup + 60L, TimeUnit.SECONDS);
            double[] cpu0 = ProcessCpu.userAndSystem(pid);
            RateDriver measured = new RateDriver(vertx, load.rate, load.maxInFlight);
            long t0 = System.nanoTime();
            measured.runFor(load.seconds * 1000L, () -> check(http, request, latencies))
                    .get(load.seconds + 60L, TimeUnit.SECONDS);
            double wall = (System.nanoTime() - t0) / 1e9;
            double[] cpu1 = ProcessCpu.userAndSystem(pid);
            Report.print("blackbox", load.rate, wall, measured, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1], latencies);
            return 0;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static Future<Boolean> check(HttpClient http, RequestOptions request, Latencies latencies) {
        return http.request(request).compose(req -> req.send().compose(resp -> resp.body()))
                .map(body -> {
                    String text = body.toString(StandardCharsets.UTF_8);
                    Matcher ok = SUCCESS.matcher(text);
                    Matcher took = DURATION.matcher(text);
                    if (latencies != null && took.find()) {
                        latencies.add(Double.parseDouble(took.group(1)) * 1000);
                    }
                    return ok.find() && ok.group(1).startsWith("1");
                })
                .otherwise(false);
    }
}
