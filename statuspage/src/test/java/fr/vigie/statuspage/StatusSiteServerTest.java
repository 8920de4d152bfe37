package fr.vigie.statuspage;

import fr.vigie.statuspage.server.StatusSiteServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class StatusSiteServerTest {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static StatusSiteServer server;
    private static Path site;
    private static final SiteGenerator GENERATOR = new SiteGenerator(Fixtures.sections(Fixtures.config()));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        site = dir.resolve("site");
        GENERATOR.generate(Fixtures.calm(), site);
        server = StatusSiteServer.start(vertx, site, "127.0.0.1", 0, 2,
                        Clock.fixed(Instant.parse("2021-04-06T06:30:00Z"), ZoneOffset.UTC))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesTheHomePageWithCachingAndSecurityHeaders() throws Exception {
        HttpResponse<byte[]> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(body(home)).contains("Tous les services fonctionnent normalement");
        assertThat(home.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(home.headers().firstValue("cache-control"))
                .hasValue("public, max-age=30, stale-while-revalidate=60");
        assertThat(home.headers().firstValue("content-security-policy")).hasValue(CSP);
        assertThat(home.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("referrer-policy")).hasValue("no-referrer");
        assertThat(home.headers().firstValue("etag")).hasValueSatisfying(e -> assertThat(e).startsWith("\""));
        assertThat(home.headers().firstValue("last-modified")).hasValue("Tue, 6 Apr 2021 06:30:00 GMT");
        assertThat(home.headers().firstValue("content-encoding")).isEmpty();
    }

    @Test
    void servesThePrecompressedVariantToGzipClients() throws Exception {
        HttpResponse<byte[]> plain = get("/index.html");
        HttpResponse<byte[]> gzip = get("/index.html", "Accept-Encoding", "gzip");
        assertThat(gzip.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("vary")).hasValue("Accept-Encoding");
        assertThat(gzip.body().length).isLessThan(plain.body().length / 2);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(gzip.headers().firstValue("etag")).isNotEqualTo(plain.headers().firstValue("etag"));
    }

    @Test
    void answersConditionalRequestsWith304() throws Exception {
        HttpResponse<byte[]> first = get("/style.css");
        String etag = first.headers().firstValue("etag").orElseThrow();
        HttpResponse<byte[]> byTag = get("/style.css", "If-None-Match", etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("etag")).hasValue(etag);
        assertThat(get("/style.css", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        String lastModified = first.headers().firstValue("last-modified").orElseThrow();
        assertThat(get("/style.css", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get("/style.css", "If-Modified-Since", "Mon, 5 Apr 2021 06:30:00 GMT").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aGzip304CarriesItsOwnValidatorAndNoBodyHeaders() throws Exception {
        HttpResponse<byte[]> gzip = get("/", "Accept-Encoding", "gzip");
        String etag = gzip.headers().firstValue("etag").orElseThrow();
        String answer = raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\nIf-None-Match: " + etag
                + "\r\nConnection: close\r\n\r\n");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).startsWith("http/1.1 304").contains("\r\netag: " + etag.toLowerCase(java.util.Locale.ROOT))
                .contains("\r\nvary: accept-encoding", "\r\ncache-control: public, max-age=30",
                        "\r\ncontent-security-policy: ", "\r\nlast-modified: ")
                .doesNotContain("content-type:", "content-length:", "content-encoding:");
    }

    @Test
    void headGivesTheLengthOfWhatGetSendsOnceForEachRepresentation() throws Exception {
        int plain = get("/").body().length;
        int gzip = get("/", "Accept-Encoding", "gzip").body().length;
        for (String[] c : new String[][]{{"", String.valueOf(plain)}, {"Accept-Encoding: gzip\r\n", String.valueOf(gzip)}}) {
            for (String method : List.of("HEAD", "GET")) {
                String answer = raw(method + " / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + c[0] + "Connection: close\r\n\r\n");
                String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
                assertThat(head.split("\r\ncontent-length: ", -1)).as(method + " " + c[0]).hasSize(2);
                assertThat(head).as(method + " " + c[0]).contains("\r\ncontent-length: " + c[1]);
            }
        }
    }

    @Test
    void givesFeedsJsonAndSvgTheirContentTypes() throws Exception {
        assertThat(get("/history.atom").headers().firstValue("content-type")).hasValue("application/atom+xml");
        assertThat(get("/history.rss").headers().firstValue("content-type")).hasValue("application/rss+xml");
        assertThat(get("/api/v2/summary.json").headers().firstValue("content-type")).hasValue("application/json");
        assertThat(get("/services/ent-idf/badge.svg").headers().firstValue("content-type")).hasValue("image/svg+xml");
        assertThat(get("/style.css").headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
        assertThat(get("/donnees/maintenances.ics").headers().firstValue("content-type"))
                .hasValue("text/calendar; charset=utf-8");
    }

    @Test
    void foldersRedirectToTheirSlashAndHaveNoListing() throws Exception {
        HttpResponse<byte[]> redirect = get("/accessibilite");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("location")).hasValue("/accessibilite/");
        assertThat(get("/accessibilite/").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> folder = get("/services/");
        assertThat(folder.statusCode()).isEqualTo(404);
        assertThat(body(folder)).contains("Page introuvable").doesNotContain("ent-idf");
        assertThat(get("/en/nothing-here").statusCode()).isEqualTo(404);
        assertThat(body(get("/en/nothing-here"))).contains("Page not found");
        assertThat(get("/index.html.gz").statusCode()).isEqualTo(404);
        assertThat(get("/admin").statusCode()).isEqualTo(404);
        assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(405);
    }

    @Test
    void refusesPathTraversalPlainOrEncoded() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "root:x:0:0 do not serve");
        for (String path : List.of("/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt",
                "/%2E%2E/%2e%2e/etc/passwd", "/services/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt",
                "/%2e%2e%2fsecret.txt", "/..\\secret.txt", "/%00", "/./index.html")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).matches("(?s)HTTP/1\\.1 (400|404).*").doesNotContain("root:x")
                    .doesNotContain("do not serve");
        }
    }

    @Test
    void theApiAnswersBrowserDashboardsFromAnyOriginAndItsPreflight() throws Exception {
        HttpResponse<byte[]> json = get("/api/v2/summary.json", "Origin", "https://tableau.example");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        HttpResponse<byte[]> gzip = get("/api/v2/components.json", "Accept-Encoding", "gzip");
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(get("/api/v2/status.json", "If-None-Match", json.headers().firstValue("ETag").orElseThrow())
                .statusCode()).isIn(200, 304);

        HttpResponse<byte[]> preflight = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/v2/summary.json"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://tableau.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("GET");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("if-none-match");
        assertThat(preflight.headers().firstValue("Content-Security-Policy")).hasValue(CSP);

        // The pages are not an API: no CORS there, and OPTIONS stays refused.
        assertThat(get("/").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<byte[]> pageOptions = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pageOptions.statusCode()).isEqualTo(405);
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        String answer = raw("HEAD /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: ")
                .doesNotContain("<html");
    }

    @Test
    void reloadFollowsTheSwitchToANewGeneration() throws Exception {
        Path other = dir.resolve("other");
        GENERATOR.generate(Fixtures.calm(), other);
        StatusSiteServer second = StatusSiteServer.start(vertx, other, "127.0.0.1", 0, 1,
                        Clock.fixed(Instant.parse("2021-04-06T06:30:00Z"), ZoneOffset.UTC))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI home = URI.create("http://127.0.0.1:" + second.port() + "/");
            URI css = URI.create("http://127.0.0.1:" + second.port() + "/style.css");
            HttpResponse<String> before = client.send(HttpRequest.newBuilder(home).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cssModified = client.send(HttpRequest.newBuilder(css).build(), HttpResponse.BodyHandlers.ofString())
                    .headers().firstValue("last-modified").orElseThrow();
            assertThat(before.body()).contains("Tous les services fonctionnent normalement");

            GENERATOR.generate(Fixtures.crisis(), other);
            assertThat(client.send(HttpRequest.newBuilder(home).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .as("served from memory until reload").contains("Tous les services fonctionnent normalement");
            second.reload().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpResponse<String> after = client.send(HttpRequest.newBuilder(home).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.body()).contains("Panne majeure en cours");
            assertThat(after.headers().firstValue("etag")).isNotEqualTo(before.headers().firstValue("etag"));
            assertThat(client.send(HttpRequest.newBuilder(css).build(), HttpResponse.BodyHandlers.ofString())
                    .headers().firstValue("last-modified")).hasValue(cssModified);
        } finally {
            second.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
