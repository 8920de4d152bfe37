package fr.vigie.app.keycloak;

import fr.vigie.config.ConfigLoader;
import fr.vigie.config.Credentials;
import fr.vigie.config.Journey;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.Secret;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.run.JourneyRunner;
import fr.vigie.probes.run.LoginBackoff;
import fr.vigie.probes.run.RateLimiter;
import fr.vigie.probes.run.RoundInfo;
import fr.vigie.probes.run.RunnerSettings;
import fr.vigie.probes.signature.SignatureCatalogue;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Vigie's own prober (the production JourneyRunner), aimed at the test Keycloak. */
final class Prober implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    private final RunnerSettings settings;
    private final Path ca;
    private final Duration stepTimeout;

    Prober(Path ca, Duration stepTimeout) {
        this.ca = ca;
        this.stepTimeout = stepTimeout;
        settings = settings(Map.of());
    }

    private RunnerSettings settings(Map<String, String> hosts) {
        ProbingConfig probing = new ProbingConfig("Vigie-test/1.0", 1000, Duration.ofSeconds(3), stepTimeout,
                2_000_000, 10, Duration.ofMinutes(30), List.of(), List.of());
        return new RunnerSettings(probing, RunnerSettings.userAgent(probing.userAgent(), "https://vigie.test/a-propos/"),
                "test-vantage", SignatureCatalogue.withExtras(List.of()), hosts,
                ca == null ? null : new PemTrustOptions().addCertPath(ca.toString()));
    }

    /** A runner as a (re)started Vigie makes it, with the given back-off (a file read at start, or in memory). */
    JourneyRunner runner(LoginBackoff backoff) {
        return new JourneyRunner(vertx, settings, new RateLimiter(vertx, 1000), backoff);
    }

    /** The same, with a static host table (names resolved to loopback without DNS). */
    JourneyRunner runner(LoginBackoff backoff, Map<String, String> hosts) {
        return new JourneyRunner(vertx, settings(hosts), new RateLimiter(vertx, 1000), backoff);
    }

    static Journey journey(String name) {
        return ConfigLoader.builtinJourneys().get(name);
    }

    static Target target(String id, String baseUrl, String user, String password, Map<String, String> vars) {
        Optional<Credentials> creds = user == null ? Optional.empty()
                : Optional.of(new Credentials(Secret.of("literal", user), Secret.of("literal", password)));
        return new Target(id, id, TargetKind.SSO, "Test", List.of(), "C", "Keycloak", "loopback", baseUrl, "oidc",
                creds, "s", List.of(), vars);
    }

    static List<StepResult> run(JourneyRunner runner, Target target, Journey journey) {
        try {
            return runner.run(target, journey, RoundInfo.now(), r -> { })
                    .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
