package fr.vigie.bench.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import fr.vigie.bench.Cli;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.Credentials;
import fr.vigie.config.Journey;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.Secret;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.run.JourneyRunner;
import fr.vigie.probes.run.LoginBackoff;
import fr.vigie.probes.run.RateLimiter;
import fr.vigie.probes.run.RoundInfo;
import fr.vigie.probes.run.RunnerSettings;
import fr.vigie.probes.signature.SignatureCatalogue;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shipped {@code oidc} journey (7 steps: login form, stylesheet, login, SSO, logout, confirmation, login form
 * again) kept N-in-flight against the Keycloak at {@code VIGIE_TEST_KEYCLOAK} for S seconds; prints journeys/s,
 * steps/s and how many journeys were all ok. The application behind the redirect is a bare page on loopback.
 * usage: KeycloakBenchmark [seconds=20] [in-flight=4]
 */
public final class KeycloakBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakBenchmark() {
    }

    @Command(name = "KeycloakBenchmark", mixinStandardHelpOptions = true, description = "The oidc journey against"
            + " a local Keycloak (VIGIE_TEST_KEYCLOAK, VIGIE_TEST_KEYCLOAK_ADMIN; bench/keycloak.sh sets them).")
    static final class Args {
        @Parameters(index = "0", arity = "0..1", defaultValue = "20", description = "seconds measured (default ${DEFAULT-VALUE})")
        int seconds;
        @Parameters(index = "1", arity = "0..1", defaultValue = "4", description = "journeys in flight (default ${DEFAULT-VALUE})")
        int inFlight;
    }

    public static void main(String[] args) throws Exception {
        Args a = Cli.parse(new Args(), args);
        int seconds = a.seconds;
        int inFlight = a.inFlight;
        String kc = System.getenv("VIGIE_TEST_KEYCLOAK");
        String admin = System.getenv("VIGIE_TEST_KEYCLOAK_ADMIN");
        if (kc == null || admin == null) {
            System.err.println("VIGIE_TEST_KEYCLOAK and VIGIE_TEST_KEYCLOAK_ADMIN must be set (bench/keycloak.sh does it)");
            System.exit(2);
        }
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        app.createContext("/", ex -> {
            byte[] body = "<p id=\"app\">ENT</p>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        app.start();
        String callback = "http://127.0.0.1:" + app.getAddress().getPort() + "/cb";
        String realm = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        createRealm(kc, admin, realm, callback);

        Vertx vertx = Vertx.vertx();
        ProbingConfig probing = new ProbingConfig("Vigie-bench/1.0", 10_000, Duration.ofSeconds(5), Duration.ofSeconds(30),
                2_000_000, 10, Duration.ofMinutes(30), List.of(), List.of());
        RunnerSettings settings = new RunnerSettings(probing, probing.userAgent(), "bench",
                SignatureCatalogue.withExtras(List.of()), Map.of(), null);
        JourneyRunner runner = new JourneyRunner(vertx, settings, new RateLimiter(vertx, 10_000),
                new LoginBackoff(Duration.ofMinutes(30)));
        Journey journey = ConfigLoader.builtinJourneys().get("oidc");
        Target target = new Target("kc-bench", "kc-bench", TargetKind.SSO, "Bench", List.of(), "C", "Keycloak", "loopback",
                kc, "oidc", Optional.of(new Credentials(Secret.of("literal", "eleve"), Secret.of("literal", "Bench-Pa55!"))),
                "s", List.of(), Map.of("realm", "/realms/" + realm, "client-id", "ent",
                "redirect-uri", URLEncoder.encode(callback, StandardCharsets.UTF_8)));

        // warm-up: Keycloak renders its login theme slowly the first times
        for (int i = 0; i < 5; i++) {
            runner.run(target, journey, RoundInfo.now(), r -> { }).toCompletionStage().toCompletableFuture().get();
        }
        AtomicLong journeys = new AtomicLong();
        AtomicLong allOk = new AtomicLong();
        AtomicLong steps = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(inFlight);
        long t0 = System.nanoTime();
        for (int i = 0; i < inFlight; i++) {
            loop(runner, target, journey, end, journeys, allOk, steps, done);
        }
        done.await();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.out.printf("oidc journey against Keycloak: %d in flight, %.1f s: %d journeys (%d all ok), %.1f journeys/s, "
                        + "%.1f steps/s%n", inFlight, elapsed, journeys.get(), allOk.get(), journeys.get() / elapsed,
                steps.get() / elapsed);
        runner.close().toCompletionStage().toCompletableFuture().get();
        vertx.close().toCompletionStage().toCompletableFuture().get();
        app.stop(0);
    }

    private static void loop(JourneyRunner runner, Target target, Journey journey, long end, AtomicLong journeys,
                             AtomicLong allOk, AtomicLong steps, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        Future<List<StepResult>> run = runner.run(target, journey, RoundInfo.now(), r -> { });
        run.onComplete(ar -> {
            journeys.incrementAndGet();
            if (ar.succeeded()) {
                steps.addAndGet(ar.result().size());
                if (ar.result().stream().allMatch(r -> r.outcome() == Outcome.OK)) {
                    allOk.incrementAndGet();
                }
            }
            loop(runner, target, journey, end, journeys, allOk, steps, done);
        });
    }

    private static void createRealm(String kc, String admin, String realm, String callback) throws Exception {
        int colon = admin.indexOf(':');
        String form = "client_id=admin-cli&grant_type=password&username=" + enc(admin.substring(0, colon))
                + "&password=" + enc(admin.substring(colon + 1));
        HttpResponse<String> tok = HTTP.send(HttpRequest.newBuilder(URI.create(kc + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        String token = JSON.readTree(tok.body()).get("access_token").asText();
        ObjectNode r = JSON.createObjectNode().put("realm", realm).put("enabled", true);
        ObjectNode c = r.putArray("clients").addObject().put("clientId", "ent").put("secret", "s").put("publicClient", false);
        c.putArray("redirectUris").add(callback);
        ObjectNode u = r.putArray("users").addObject().put("username", "eleve").put("enabled", true)
                .put("email", "eleve@bench.test").put("firstName", "E").put("lastName", "B").put("emailVerified", true);
        u.putArray("credentials").addObject().put("type", "password").put("value", "Bench-Pa55!").put("temporary", false);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(kc + "/admin/realms"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(r.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("realm not created: HTTP " + created.statusCode() + " " + created.body());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
