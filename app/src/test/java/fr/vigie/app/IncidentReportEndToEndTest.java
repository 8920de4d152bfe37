package fr.vigie.app;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.app.demo.DemoAccount;
import fr.vigie.app.demo.DemoFleet;
import fr.vigie.app.system.VigieSystem;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.LoopbackPorts;
import fr.vigie.simulator.SimOptions;
import fr.vigie.simulator.SimulatedFleet;
import fr.vigie.simulator.faults.FaultRequest;
import fr.vigie.simulator.faults.FaultType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident report from a real run: probes log into the simulated ENTs, a storage fault is injected on the ENT
 * (named with markup), the crisis cell posts a note through the admin API, the fault is cleared, the incident
 * resolves, and the served site then has its report page, PDF (read back with PDFBox) and JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentReportEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String HOSTILE = "<img src=x onerror=alert(1)> Ent & Test";
    private static final String TOKEN = "admin-secret-token-report";

    @TempDir
    static Path dir;

    private Vertx vertx;
    private SimulatedFleet fleet;
    private VigieSystem system;
    private HttpServer webhook;
    private DemoAccount account;
    private String entHost;
    private Path file;
    private final CompletableFuture<Verdict> healthy = new CompletableFuture<>();
    private final CompletableFuture<Incident> opened = new CompletableFuture<>();
    private final CompletableFuture<Incident> resolved = new CompletableFuture<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        webhook = vertx.createHttpServer().requestHandler(req -> req.body()
                        .onSuccess(b -> req.response().setStatusCode(204).end()))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<Integer> ports = LoopbackPorts.free(5);
        String yaml = new String(getClass().getResourceAsStream("/e2e.yaml").readAllBytes(), StandardCharsets.UTF_8)
                .replace("@DIR@", dir.toString())
                .replace("@ENT@", String.valueOf(ports.get(0)))
                .replace("@CAS@", String.valueOf(ports.get(1)))
                .replace("@CONTROL@", String.valueOf(ports.get(2)))
                .replace("@SITE@", String.valueOf(ports.get(3)))
                .replace("@ADMIN@", String.valueOf(ports.get(4)))
                .replace("@HOOK@", String.valueOf(webhook.actualPort()))
                .replace("name: Ent Test", "name: \"" + HOSTILE + "\"");
        entHost = "127.0.0.1:" + ports.get(0);
        // Secrets from files, so `vigie report` below loads the same configuration without this environment.
        account = DemoAccount.generate();
        Files.writeString(dir.resolve("password"), account.password());
        Files.writeString(dir.resolve("token"), TOKEN);
        yaml = yaml.replace("${VIGIE_DEMO_USERNAME}", account.username())
                .replace("${VIGIE_DEMO_PASSWORD}", "file:" + dir.resolve("password"))
                .replace("${E2E_ADMIN_TOKEN}", "file:" + dir.resolve("token"));
        file = dir.resolve("e2e.yaml");
        Files.writeString(file, yaml);
        VigieConfig config = new ConfigLoader(Map.of()).load(file);
        fleet = SimulatedFleet.start(vertx, DemoFleet.specsFor(config, account), SimOptions.quiet())
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        system = VigieSystem.start(vertx, config, Optional.empty(), Clock.systemUTC(), new AggregatorListener() {
            @Override
            public void onVerdict(Verdict v) {
                if (v.target().equals("ent-test") && v.status() == Status.OPERATIONAL) {
                    healthy.complete(v);
                }
            }

            @Override
            public void onIncidentEvent(IncidentEvent e, Incident state) {
                if (state.targets().contains("ent-test") && state.cause() == Cause.STORAGE) {
                    opened.complete(state);
                    if (e.type() == IncidentEvent.Type.RESOLVED) {
                        resolved.complete(state);
                    }
                }
            }
        });
    }

    @AfterAll
    void stop() throws Exception {
        if (system != null) {
            system.close();
        }
        if (fleet != null) {
            fleet.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aResolvedStorageIncidentGetsAReportThatSaysWhatWasMeasuredAndPublished() throws Exception {
        healthy.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        String faultId = fleet.faults().inject(FaultRequest.on(FaultType.STORAGE, null, "ent-test"))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Incident incident = opened.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        HttpResponse<String> note = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + system.adminPort().orElseThrow() + "/api/incidents/" + incident.id() + "/updates"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("author", "Cellule de crise")
                        .put("message", "Disque remplacé <b>à 9 h</b>, selon l'hébergeur.").encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
        fleet.faults().clear(faultId).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Incident done = resolved.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(done.open()).isFalse();

        String folder = "/incidents/" + incident.id() + "/";
        String html = awaitBody(folder + "report/");
        Document page = Jsoup.parse(html);
        // Markup in the service's name and in the crisis cell's note stays text.
        assertThat(html).doesNotContain("<img src=x", "<b>à 9 h</b>");
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("ul.notes li").text()).contains("Disque remplacé <b>à 9 h</b>, selon l'hébergeur.",
                "Cellule de crise");
        assertThat(page.select("ul.supported li").eachText())
                .anyMatch(s -> s.matches("Cause probable : stockage \\(disque plein ou en panne\\) \\(confiance 0,\\d\\d\\)\\."))
                .contains("Aucune signature d'attaque mesurée.");
        assertThat(page.select("p.vantages").text()).startsWith("Une seule vantage").contains("test");
        assertThat(page.select("table.report-table").first().text()).contains(HOSTILE, "Grand Est", "host-a");
        // Timeline: the measured outage with its confidence and evidence, then what was published, then recovery.
        List<String> measured = page.select("tr.tl-measured").eachText();
        assertThat(measured).anyMatch(r -> r.contains("stockage") && r.contains("confiance 0,"));
        assertThat(measured.get(measured.size() - 1)).contains("Fonctionne normalement");
        List<String> published = page.select("tr.tl-published").eachText();
        assertThat(published.get(0)).contains("Vigie (automatique)");
        assertThat(published).anyMatch(r -> r.contains("Cellule de crise"));
        assertThat(published.get(published.size() - 1)).contains("Résolu");
        assertThat(page.select("svg rect.fault-window")).hasSize(2);
        assertThat(page.select("section.report-service table").text()).contains("post-message");

        // Linked from the incident page and the history.
        assertThat(Jsoup.parse(get(folder).body()).select("p.report-link a").attr("href")).isEqualTo("report/");
        assertThat(Jsoup.parse(get("/history/").body()).select("a.report-link").eachAttr("href"))
                .contains("../incidents/" + incident.id() + "/report/");

        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(site(folder + "report.pdf"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Aucune signature d'attaque mesurée", "Cause probable : stockage",
                "Une seule vantage", "Disque remplacé <b>à 9 h</b>", "Ent & Test");

        String json = get(folder + "report.json").body();
        JsonObject report = new JsonObject(json);
        assertThat(report.getString("cause")).isEqualTo("storage");
        assertThat(report.getDouble("cause_confidence")).isBetween(0.6, 1.0);
        assertThat(report.getJsonArray("vantages").getList()).containsExactly("test");
        assertThat(get("/api/v2/incidents.json").body()).contains(folder + "report.pdf");
        assertThat(get("/en" + folder + "report/").body()).contains("No attack signature measured.");

        // No secret anywhere in the report.
        for (String out : List.of(html, text, json)) {
            assertThat(out).doesNotContain(account.password(), TOKEN, "whsec_", entHost);
        }

        // Reproducible from the store once Vigie is stopped: `vigie report --incident ID`.
        system.close();
        system = null;
        Path out = dir.resolve("report-out");
        java.io.StringWriter said = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new VigieCommand());
        cli.setOut(new java.io.PrintWriter(said));
        int code = cli.execute("report", "--config", file.toString(), "--incident", incident.id(), "--out",
                out.toString());
        assertThat(code).as(said.toString()).isZero();
        Path again = out.resolve("incidents/" + incident.id() + "/report.pdf");
        assertThat(said.toString()).contains("report.pdf");
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(again))) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("Aucune signature d'attaque mesurée", "Cause probable : stockage", "Disque remplacé");
        }
        assertThat(out.resolve("en/incidents/" + incident.id() + "/report/index.html")).exists();
        assertThat(out.resolve("incidents/" + incident.id() + "/report.json")).exists();
        assertThat(cli.execute("report", "--config", file.toString(), "--incident", "no-such-incident", "--out",
                out.toString())).isEqualTo(1);
    }

    private String awaitBody(String path) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (last.statusCode() == 200) {
                return last.body();
            }
            new CompletableFuture<Void>().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
        }
        throw new AssertionError(path + " never served; last status " + (last == null ? null : last.statusCode()));
    }

    private String site(String path) {
        return "http://127.0.0.1:" + system.sitePort() + path;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(site(path))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
