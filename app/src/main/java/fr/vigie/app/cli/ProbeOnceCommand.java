package fr.vigie.app.cli;

import fr.vigie.app.system.Sections;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.Journey;
import fr.vigie.config.Target;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.run.JourneyRunner;
import fr.vigie.probes.run.LoginBackoff;
import fr.vigie.probes.run.RateLimiter;
import fr.vigie.probes.run.RoundInfo;
import fr.vigie.probes.run.RunnerSettings;
import fr.vigie.probes.run.SecretScrubber;
import fr.vigie.probes.schedule.ProbeEngine;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code vigie probe-once --config F --target ID}: walks one target's journey once, now, with the production
 * prober, and prints each step with its outcome, status and phase timings. To check a journey by hand against
 * a live platform before trusting it. Credentials are masked; the login back-off of {@code vigie run} (same
 * file beside the store) is honoured and updated, so a check by hand cannot lock the test account either.
 */
@Command(name = "probe-once", mixinStandardHelpOptions = true,
        description = "Run one target's journey once and print each step: outcome, HTTP status, timings (ms), "
                + "detail. Credentials are masked. Exit 0 when every step is ok, 1 otherwise, 2 on a bad "
                + "configuration or target.")
public final class ProbeOnceCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML configuration")
    Path file;

    @Option(names = "--target", required = true, paramLabel = "ID", description = "Id of the target to probe")
    String targetId;

    @Option(names = "--trust", paramLabel = "PEM",
            description = "Also trust this PEM certificate for HTTPS (a test platform's self-signed certificate)")
    Path trust;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VigieConfig config = ConfigFiles.loadOrReport(file, System.getenv(), err);
        if (config == null) {
            return ConfigFiles.INVALID;
        }
        Target target = config.targets().stream().filter(t -> t.id().equals(targetId)).findFirst().orElse(null);
        if (target == null) {
            err.println("vigie: no target '" + targetId + "' in " + file + " (known: "
                    + config.targets().stream().map(Target::id).sorted().collect(Collectors.joining(", ")) + ")");
            err.flush();
            return ConfigFiles.INVALID;
        }
        if (trust != null && !Files.isReadable(trust)) {
            err.println("vigie: --trust: cannot read " + trust);
            err.flush();
            return ConfigFiles.INVALID;
        }
        Journey journey = config.journeys().getOrDefault(target.journey(),
                ConfigLoader.builtinJourneys().get(target.journey()));
        RunnerSettings base = RunnerSettings.from(Sections.probes(config));
        RunnerSettings settings = trust == null ? base : new RunnerSettings(base.probing(), base.userAgent(),
                base.vantage(), base.signatures(), base.hosts(), new PemTrustOptions().addCertPath(trust.toString()));
        SecretScrubber scrubber = new SecretScrubber(target.credentials());
        Vertx vertx = Vertx.vertx();
        try {
            LoginBackoff backoff = ProbeEngine.loginBackoff(config.probing().loginBackoff(), config.storage());
            JourneyRunner runner = new JourneyRunner(vertx, settings,
                    new RateLimiter(vertx, config.probing().maxRequestsPerSecond()), backoff);
            out.println(scrubber.scrub("probe-once: target " + target.id() + ", journey " + journey.name() + ", "
                    + target.baseUrl() + (target.credentials().isPresent() ? " (with the test account)" : "")));
            out.println(String.format(Locale.ROOT, "  %-16s %-7s %-17s %6s %8s %8s %8s %8s %9s %8s  %s", "step", "kind",
                    "outcome", "status", "dns", "connect", "tls", "ttfb", "total", "bytes", "detail"));
            out.flush();
            List<StepResult> results = runner.run(target, journey, RoundInfo.now(), r -> {
                out.println(scrubber.scrub(line(r)));
                out.flush();
            }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
            runner.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            long ok = results.stream().filter(r -> r.outcome() == Outcome.OK).count();
            out.println("result: " + results.size() + " steps, " + ok + " ok"
                    + (ok == results.size() ? "" : ", first failure: " + results.stream()
                    .filter(r -> r.outcome() != Outcome.OK).findFirst().map(r -> r.step() + " " + r.outcome().wire())
                    .orElse("?")));
            out.flush();
            return ok == results.size() && !results.isEmpty() ? 0 : 1;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    static String line(StepResult r) {
        return String.format(Locale.ROOT, "  %-16s %-7s %-17s %6s %8s %8s %8s %8s %9s %8d  %s", r.step(),
                r.kind().name().toLowerCase(Locale.ROOT), r.outcome().wire()
                        + (r.signature() == null ? "" : ":" + r.signature()),
                r.status() == null ? "-" : r.status().toString(), ms(r.dnsMs()), ms(r.connectMs()), ms(r.tlsMs()),
                ms(r.ttfbMs()), ms(r.totalMs()), r.bytes(), r.detail() == null ? "" : r.detail());
    }

    private static String ms(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }
}
