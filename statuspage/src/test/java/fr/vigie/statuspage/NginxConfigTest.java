package fr.vigie.statuspage;

import fr.vigie.config.Secret;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.config.VigieConfig;
import fr.vigie.statuspage.server.StatusSiteServer;
import fr.vigie.subscriptions.SubscriptionSections;
import fr.vigie.subscriptions.SubscriptionService;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped docs/nginx/vigie.conf, run by a real nginx (an unprivileged process with its own prefix, pid and
 * temp folders on a loopback port), serves the generated site with the same headers as StatusSiteServer, and proxies
 * {@code /abonnement/} to a real subscription endpoint.
 */
class NginxConfigTest {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final List<String> SAME = List.of("content-type", "cache-control", "content-security-policy",
            "x-content-type-options", "referrer-policy", "x-frame-options", "vary", "content-encoding",
            "access-control-allow-origin", "access-control-expose-headers");
    private static final String SECRET = "secret-outside-the-site";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static StatusSiteServer vigie;
    private static Process nginx;
    private static int nginxPort;
    private static SubscriptionService subscriptions;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX),
                "nginx is not installed (Debian: apt-get install nginx); the shipped nginx configuration is not tested");
        Path site = dir.resolve("site");
        new SiteGenerator(Fixtures.sections(Fixtures.config())).generate(Fixtures.crisis(), site);
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        vertx = Vertx.vertx();
        vigie = StatusSiteServer.start(vertx, site, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        // the subscription endpoint behind /abonnement/ (its SMTP relay is absent: no message leaves this test)
        VigieConfig config = Fixtures.config().withSubscriptions(new SubscriptionsConfig("127.0.0.1:0",
                "https://etat.vigie.test/abonnement", "127.0.0.1:" + freePort(), "vigie@vigie.test", null, null,
                Secret.of("t", "0123456789abcdef0123456789abcdef"), Duration.ofHours(48), 20, 50, 10, 3)
                .withWebhooks(SubscriptionsConfig.Webhooks.defaults()));
        SubscriptionSections sections = new SubscriptionSections(config.subscriptions(), config.site(),
                config.targets());
        subscriptions = SubscriptionService.start(vertx, sections, Files.createDirectories(dir.resolve("data")),
                java.time.Clock.systemUTC()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        String shipped = Files.readString(Path.of("..", "docs", "nginx", "vigie.conf"));
        // Another test may take a port between our probe and nginx's bind: try a few.
        for (int attempt = 0; attempt < 5 && nginx == null; attempt++) {
            nginxPort = freePort();
            startNginx(shipped, site);
        }
        assertThat(nginx).as("nginx started; see " + dir.resolve("nginx/error.log")).isNotNull();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void startNginx(String shipped, Path site) throws Exception {
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        String server = shipped
                .replaceFirst("(?m)^(\\s*)listen [^;]+;", "$1listen 127.0.0.1:" + nginxPort + ";")
                .replaceFirst("(?m)^(\\s*)root [^;]+;", "$1root " + Matcher.quoteReplacement(site.toString()) + ";")
                .replaceFirst("proxy_pass http://127.0.0.1:8081;", "proxy_pass http://127.0.0.1:" + subscriptions.port() + ";");
        assertThat(server).contains("listen 127.0.0.1:" + nginxPort + ";", "root " + site + ";",
                "proxy_pass http://127.0.0.1:" + subscriptions.port() + ";");
        String conf = "daemon off;\nmaster_process off;\nworker_processes 1;\n"
                + "pid " + prefix.resolve("nginx.pid") + ";\nerror_log " + prefix.resolve("error.log") + " warn;\n"
                + "events { worker_connections 64; }\nhttp {\n  access_log off;\n"
                + "  client_body_temp_path " + prefix.resolve("body") + ";\n"
                + "  proxy_temp_path " + prefix.resolve("proxy") + ";\n"
                + "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";\n"
                + "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";\n"
                + "  scgi_temp_path " + prefix.resolve("scgi") + ";\n"
                + server + "\n}\n";
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process process = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", file.toString(),
                "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Socket ignored = new Socket("127.0.0.1", nginxPort)) {
                nginx = process;
                return;
            } catch (IOException notYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        process.destroy();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (subscriptions != null) {
            subscriptions.close();
        }
        if (vigie != null) {
            vigie.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<byte[]> send(int port, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertSameAnswer(String method, String path, String... headers) throws Exception {
        HttpResponse<byte[]> ours = send(vigie.port(), method, path, headers);
        HttpResponse<byte[]> theirs = send(nginxPort, method, path, headers);
        String what = method + " " + path + " " + String.join(" ", headers);
        assertThat(theirs.statusCode()).as(what).isEqualTo(ours.statusCode());
        for (String header : SAME) {
            assertThat(theirs.headers().allValues(header)).as(what + ": " + header)
                    .isEqualTo(ours.headers().allValues(header));
        }
        assertThat(ours.headers().firstValue("content-security-policy")).as(what).isPresent();
        if (!"HEAD".equals(method)) {
            assertThat(theirs.body()).as(what + ": body").isEqualTo(ours.body());
        }
    }

    @Test
    void pagesFeedsJsonAndAssetsCarryTheSameHeadersAndBytesAsVigiesServer() throws Exception {
        for (String path : List.of("/", "/services/ent77/", "/en/", "/incidents/2021-04-06-ovh-gra-saturation-1/",
                "/style.css", "/favicon.svg", "/history.atom", "/history.rss", "/services/ent77/badge.svg",
                "/api/v2/summary.json", "/api/v2/incidents/unresolved.json", "/donnees/etapes.csv",
                "/donnees/maintenances.ics")) {
            assertSameAnswer("GET", path);
            assertSameAnswer("GET", path, "Accept-Encoding", "gzip");
            assertSameAnswer("HEAD", path, "Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> gz = send(nginxPort, "GET", "/", "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("content-encoding")).hasValue("gzip");
    }

    @Test
    void errorsRedirectsMethodsAndThePreflightMatch() throws Exception {
        assertSameAnswer("GET", "/nowhere/");
        assertSameAnswer("GET", "/en/nowhere");
        assertSameAnswer("GET", "/index.html.gz");
        assertSameAnswer("OPTIONS", "/api/v2/summary.json", "Origin", "https://tableau.example",
                "Access-Control-Request-Method", "GET");
        assertThat(send(nginxPort, "OPTIONS", "/api/v2/summary.json").headers()
                .firstValue("access-control-allow-methods")).hasValue("GET, HEAD, OPTIONS");
        assertThat(send(nginxPort, "POST", "/").statusCode()).isEqualTo(405);
        assertThat(send(nginxPort, "OPTIONS", "/").statusCode()).isEqualTo(405);
        assertThat(send(nginxPort, "POST", "/api/v2/summary.json").statusCode()).isEqualTo(405);
        HttpResponse<byte[]> folder = send(nginxPort, "GET", "/accessibilite");
        assertThat(folder.statusCode()).isEqualTo(301);
        assertThat(folder.headers().firstValue("location")).hasValue("/accessibilite/");
        assertThat(send(vigie.port(), "GET", "/accessibilite").headers().firstValue("location"))
                .hasValue("/accessibilite/");
        // Conditional requests: nginx's own validators, answered with 304.
        HttpResponse<byte[]> home = send(nginxPort, "GET", "/");
        assertThat(send(nginxPort, "GET", "/", "If-None-Match", home.headers().firstValue("etag").orElseThrow())
                .statusCode()).isEqualTo(304);
    }

    private static HttpResponse<String> post(String path, String type, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginxPort + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSubscriptionEndpointIsReachedThroughNginxOnTheSitesOrigin() throws Exception {
        HttpResponse<String> form = post("/abonnement/", "application/x-www-form-urlencoded",
                "adresse=parent%40exemple.fr&choix=service%3Aent77", "Origin", "https://etat.vigie.test");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("Vérifiez votre messagerie");
        assertThat(form.headers().firstValue("content-security-policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("form-action 'self'"));
        assertThat(subscriptions.store().count()).as("the request reached the endpoint's store").isEqualTo(1);

        HttpResponse<String> webhook = post("/abonnement/webhooks", "application/json",
                "{\"callback\":\"https://10.1.2.3/hook\",\"topics\":[\"tout\"]}");
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(400);
        assertThat(webhook.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(webhook.body()).contains("callback_refused", "adresse privée");

        // nginx refuses an oversized body itself; the site's own paths still take GET and HEAD only
        assertThat(post("/abonnement/", "application/x-www-form-urlencoded", "adresse=" + "a".repeat(9000),
                "Origin", "https://etat.vigie.test").statusCode()).isEqualTo(413);
        assertThat(send(nginxPort, "POST", "/").statusCode()).isEqualTo(405);
    }

    @Test
    void pathTraversalNeverReachesAFileOutsideTheSite() throws Exception {
        for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/services/..%2f..%2fsecret.txt",
                "/%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/services/%2E%2E/%2E%2E/secret.txt")) {
            for (int port : List.of(nginxPort, vigie.port())) {
                String answer = raw(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                assertThat(answer).as(port + " " + path).startsWith("HTTP/1.1 4").doesNotContain(SECRET);
                if (port == vigie.port() || !answer.startsWith("HTTP/1.1 400")) {
                    // nginx refuses a path escaping the root while parsing it, before any location: its built-in
                    // 400 page (static text, no script) has no header of ours. Every other answer has them.
                    assertThat(answer).as(port + " " + path).containsIgnoringCase("content-security-policy");
                }
            }
        }
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
