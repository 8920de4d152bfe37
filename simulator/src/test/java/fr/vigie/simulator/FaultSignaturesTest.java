package fr.vigie.simulator;

import fr.vigie.simulator.faults.FaultRequest;
import fr.vigie.simulator.faults.FaultType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each fault mode, seen from a plain HTTP client: the signature a probe should observe. */
class FaultSignaturesTest {
    @TempDir
    Path dir;
    private FleetFixture fx;
    private Path truth;

    @BeforeEach
    void start() throws Exception {
        truth = dir.resolve("ground-truth.jsonl");
        List<ServiceSpec> specs = new java.util.ArrayList<>(FleetFixture.oneOfEach());
        specs.add(FleetFixture.spec("ent-b", Flavour.OPEN_ENT_NG, "host-a", Capacity.standard()));
        fx = new FleetFixture(specs, SimOptions.quiet().withGroundTruth(truth));
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    private String inject(FaultRequest request) throws Exception {
        return fx.await(fx.fleet.faults().inject(request));
    }

    @Test
    void attackFloodMakesConnectsTimeOutWhileTheServerSeesNoRequest() throws Exception {
        inject(FaultRequest.on(FaultType.ATTACK, null, "cned").withVariant("flood"));
        long before = fx.fleet.requestCount("cned");
        long started = System.nanoTime();
        assertThatThrownBy(() -> new Browser(false).get(fx.url("cned", "/login")))
                .isInstanceOf(HttpConnectTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(fx.fleet.requestCount("cned")).isEqualTo(before);
        // other services of the fleet are untouched
        assertThat(new Browser(false).get(fx.url("ent-a", "/auth/login")).statusCode()).isEqualTo(200);
    }

    @Test
    void attackResetsConnectionsAndClearingRestoresService() throws Exception {
        String id = inject(FaultRequest.on(FaultType.ATTACK, null, "cned").withVariant("reset"));
        assertThatThrownBy(() -> rawGet(fx.service("cned"), "/login")).isInstanceOf(SocketException.class)
                .hasMessageContaining("reset");
        fx.await(fx.fleet.faults().clear(id));
        assertThat(new Browser(false).get(fx.url("cned", "/login")).statusCode()).isEqualTo(200);
    }

    @Test
    void attackChallengePageIsA403WithAChallengeBody() throws Exception {
        inject(FaultRequest.on(FaultType.ATTACK, null, "cned").withVariant("challenge"));
        HttpResponse<String> r = new Browser(false).get(fx.url("cned", "/login"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("cf-mitigated")).hasValue("challenge");
        assertThat(r.body()).contains("anti-DDoS").doesNotContain("cned-login");
    }

    @Test
    void attackPulsesOnAndOff() throws Exception {
        inject(FaultRequest.on(FaultType.ATTACK, null, "cned").withVariant("challenge")
                .withPulses(Duration.ofMillis(300), Duration.ofMillis(300)));
        Browser b = new Browser(false);
        assertThat(b.get(fx.url("cned", "/login")).statusCode()).isEqualTo(403);
        assertThat(pollStatus(b, fx.url("cned", "/login"), 200)).as("off phase answers normally").isTrue();
        assertThat(pollStatus(b, fx.url("cned", "/login"), 403)).as("next on phase").isTrue();
    }

    @Test
    void slowConnectionsHoldWorkersSoPagesWaitButStaticStaysFast() throws Exception {
        Browser b = new Browser(false);
        inject(FaultRequest.on(FaultType.ATTACK, Duration.ofMillis(2000), "cned").withVariant("slow"));
        long t0 = System.nanoTime();
        java.util.concurrent.CompletableFuture<HttpResponse<String>> page = java.net.http.HttpClient.newHttpClient()
                .sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fx.url("cned", "/login"))).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(b.get(fx.url("cned", "/static/cned.css")).statusCode()).isEqualTo(200);
        assertThat(page).as("the page still waits for a worker when the static asset is already served")
                .isNotDone();
        assertThat(page.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("the page waited until the attack ended")
                .isGreaterThan(Duration.ofMillis(1000));
    }

    @Test
    void storageFailsWritesWithDiskFullWhileStaticStaysFast() throws Exception {
        Browser b = loggedInCned();
        inject(FaultRequest.on(FaultType.STORAGE, null, "cned").withIntensity(0.0001));
        HttpResponse<String> write = b.post(fx.url("cned", "/api/devoirs"), "application/json", "{\"titre\":\"sonde\"}");
        assertThat(write.statusCode()).isEqualTo(507);
        assertThat(write.body()).contains("No space left on device");
        long[] statics = new long[7];
        long[] writes = new long[7];
        for (int i = 0; i < statics.length; i++) {
            statics[i] = timeGet(b, fx.url("cned", "/static/cned.css"));
            writes[i] = timePost(b, fx.url("cned", "/api/devoirs"));
        }
        java.util.Arrays.sort(statics);
        java.util.Arrays.sort(writes);
        assertThat(statics[3]).as("median static (front cache) vs median failed write").isLessThan(writes[3]);
        assertThat(b.get(fx.url("cned", "/login")).statusCode()).as("login page still served").isEqualTo(200);
    }

    @Test
    void storageIoErrorVariantAndFailSlowReads() throws Exception {
        Browser b = loggedInCned();
        inject(FaultRequest.on(FaultType.STORAGE, null, "cned").withVariant("io_error").withIntensity(2.0));
        HttpResponse<String> write = b.post(fx.url("cned", "/api/devoirs"), "application/json", "{}");
        assertThat(write.statusCode()).isEqualTo(500);
        assertThat(write.body()).contains("Input/output error");
        java.net.http.HttpClient quick = java.net.http.HttpClient.newBuilder().cookieHandler(b.cookies).build();
        assertThatThrownBy(() -> quick.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(fx.url("cned", "/mes-cours"))).timeout(Duration.ofMillis(600)).build(),
                HttpResponse.BodyHandlers.ofString()))
                .as("an uncached read hangs").isInstanceOf(java.net.http.HttpTimeoutException.class);
        assertThat(b.get(fx.url("cned", "/static/cned.css")).statusCode()).isEqualTo(200);
    }

    @Test
    void hostingOutageRefusesEveryServiceOfTheGroup() throws Exception {
        inject(FaultRequest.onGroup(FaultType.HOSTING_OUTAGE, "host-a", 1, null));
        for (String id : List.of("ent-a", "ent-b")) {
            assertThatThrownBy(() -> new Browser(false).get(fx.url(id, "/auth/login")))
                    .isInstanceOf(ConnectException.class);
        }
        assertThat(new Browser(false).get(fx.url("cned", "/login")).statusCode()).isEqualTo(200);
    }

    @Test
    void hostingOutageTimeoutVariantMakesConnectsTimeOut() throws Exception {
        inject(FaultRequest.onGroup(FaultType.HOSTING_OUTAGE, "host-a", 1, null).withVariant("timeout"));
        assertThatThrownBy(() -> new Browser(false).get(fx.url("ent-b", "/auth/login")))
                .isInstanceOf(HttpConnectTimeoutException.class);
    }

    @Test
    void applicationFaultServesAFast200WithoutTheLoginForm() throws Exception {
        inject(FaultRequest.on(FaultType.APPLICATION, null, "ent-a"));
        HttpResponse<String> r = new Browser(false).get(fx.url("ent-a", "/auth/login"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<html");
        assertThat(org.jsoup.Jsoup.parse(r.body()).select("form#login-form")).isEmpty();
    }

    @Test
    void applicationError500HasNoStorageWords() throws Exception {
        inject(FaultRequest.on(FaultType.APPLICATION, null, "ent-a").withVariant("error_500"));
        HttpResponse<String> r = new Browser(false).get(fx.url("ent-a", "/auth/login"));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).doesNotContainIgnoringCase("space").doesNotContainIgnoringCase("I/O")
                .doesNotContainIgnoringCase("disk");
        assertThat(new Browser(false).get(fx.url("ent-a", "/assets/themes/default/theme.css")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void maintenanceAnswers503WithRetryAfter() throws Exception {
        inject(FaultRequest.on(FaultType.MAINTENANCE, null, "ent-a"));
        HttpResponse<String> r = new Browser(false).get(fx.url("ent-a", "/auth/login"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(r.body()).containsIgnoringCase("maintenance programmée").contains("opération de maintenance");
    }

    @Test
    void groundTruthGetsOneLinePerTargetWhenAFaultEnds() throws Exception {
        inject(FaultRequest.onGroup(FaultType.HOSTING_OUTAGE, "host-a", 1, Duration.ofMillis(200)));
        String id = inject(FaultRequest.on(FaultType.MAINTENANCE, null, "cned"));
        fx.await(fx.fleet.faults().clear(id));
        assertThat(poll(() -> fx.fleet.faults().history().size() == 3)).isTrue();
        assertThat(poll(() -> lines().size() == 3)).isTrue();
        assertThat(lines()).anySatisfy(l -> assertThat(l).contains("\"target\":\"ent-a\"")
                        .contains("\"fault\":\"hosting_outage\"").contains("\"cause\":\"network\"")
                        .contains("\"start\":\"").contains("\"end\":\""))
                .anySatisfy(l -> assertThat(l).contains("\"target\":\"cned\"").contains("\"cause\":\"maintenance\""));
        assertThat(fx.fleet.faults().active()).isEmpty();
        assertThat(new Browser(false).get(fx.url("ent-b", "/auth/login")).statusCode()).isEqualTo(200);
    }

    private List<String> lines() {
        try {
            return Files.exists(truth) ? Files.readAllLines(truth) : List.of();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Browser loggedInCned() throws Exception {
        Browser b = new Browser(false);
        HttpResponse<String> page = b.get(fx.url("cned", "/login"));
        HttpResponse<String> login = b.submit(page.uri().toString(), page.body(), "form#cned-login",
                Map.of("username", FleetFixture.USER, "password", FleetFixture.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        return b;
    }

    private static long timeGet(Browser b, String url) throws Exception {
        long t0 = System.nanoTime();
        b.get(url);
        return System.nanoTime() - t0;
    }

    private static long timePost(Browser b, String url) throws Exception {
        long t0 = System.nanoTime();
        b.post(url, "application/json", "{}");
        return System.nanoTime() - t0;
    }

    private static String rawGet(ServiceSpec spec, String path) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(spec.host(), spec.port()), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + spec.host() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[1024];
            int n = in.read(buf);
            if (n < 0) {
                throw new SocketException("closed without reset");
            }
            return new String(buf, 0, n, StandardCharsets.US_ASCII);
        }
    }

    private static boolean pollStatus(Browser b, String url, int status) throws Exception {
        return poll(() -> {
            try {
                return b.get(url).statusCode() == status;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Polls a condition every 20 ms up to 5 s; the caller asserts the result so a miss fails loudly. */
    static boolean poll(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
        return condition.getAsBoolean();
    }
}
