package fr.vigie.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.vigie.app.system.VigieSystem;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.LoopbackPorts;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system with a subscriptions section: the endpoint runs beside the site and mails through GreenMail;
 * when the endpoint cannot start, the status page is served all the same.
 */
class SubscriptionsWiringTest {
    @TempDir
    Path dir;
    Vertx vertx;
    GreenMail smtp;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() throws Exception {
        smtp.stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private VigieConfig config(int sitePort, int endpointPort) throws Exception {
        Path file = dir.resolve("subs.yaml");
        Files.writeString(file, """
                site: {output: %1$s/site, listen: "127.0.0.1:%2$d", base-url: "http://127.0.0.1:%2$d"}
                storage: {type: embedded, path: %1$s/vigie.db}
                targets:
                  - {id: ent-a, name: ENT A, kind: ent, region: Grand Est, academies: [Strasbourg],
                     base-url: "http://127.0.0.1:1", journey: public-page}
                subscriptions:
                  listen: "127.0.0.1:%3$d"
                  public-url: "http://127.0.0.1:%2$d/abonnement"
                  smtp: "127.0.0.1:%4$d"
                  from: vigie@vigie.test
                  webhooks: {allow-networks: [127.0.0.0/8]}
                """.formatted(dir, sitePort, endpointPort, smtp.getSmtp().getPort()));
        return new ConfigLoader(Map.of()).load(file);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theEndpointRunsBesideTheSiteAndMails() throws Exception {
        List<Integer> ports = LoopbackPorts.free(2);
        try (VigieSystem system = VigieSystem.start(vertx, config(ports.get(0), ports.get(1)), Optional.empty(),
                Clock.systemUTC())) {
            assertThat(system.subscriptions()).isPresent();
            HttpResponse<String> form = get("http://127.0.0.1:" + ports.get(0) + "/s-abonner/");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("action=\"http://127.0.0.1:" + ports.get(0) + "/abonnement/\"",
                    "value=\"region:Grand Est\"");
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ports.get(1) + "/abonnement/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "http://127.0.0.1:" + ports.get(0))
                    .POST(HttpRequest.BodyPublishers.ofString("adresse=parent%40exemple.fr&choix=region%3AGrand+Est"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(200);
            assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
            assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("Confirmez votre abonnement");
            assertThat(Files.exists(dir.resolve("subscriptions.key"))).as("key generated into the data folder").isTrue();

            // a webhook registration through the same endpoint, verified by a receiver echoing the challenge
            java.util.concurrent.BlockingQueue<String> challenges = new java.util.concurrent.LinkedBlockingQueue<>();
            com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 4);
            receiver.createContext("/hook", x -> {
                String query = x.getRequestURI().getQuery();
                String challenge = query.replaceAll(".*hub\\.challenge=([^&]*).*", "$1");
                challenges.add(challenge);
                byte[] body = challenge.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
                x.close();
            });
            receiver.start();
            try {
                HttpResponse<String> registered = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + ports.get(1) + "/abonnement/webhooks"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"callback\":\"http://127.0.0.1:"
                                + receiver.getAddress().getPort() + "/hook\",\"topics\":[\"region:Grand Est\"]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
                assertThat(challenges.poll(20, TimeUnit.SECONDS)).as("the challenge reached the callback").isNotBlank();
                assertThat(Files.exists(dir.resolve("webhooks.db"))).isTrue();
            } finally {
                receiver.stop(0);
            }
        }
    }

    @Test
    void whenTheEndpointCannotStartThePageIsServedAllTheSame() throws Exception {
        int sitePort = LoopbackPorts.free(1).get(0);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             VigieSystem system = VigieSystem.start(vertx, config(sitePort, taken.getLocalPort()), Optional.empty(),
                     Clock.systemUTC())) {
            assertThat(system.subscriptions()).isEmpty();
            assertThat(get("http://127.0.0.1:" + sitePort + "/").statusCode()).isEqualTo(200);
            assertThat(get("http://127.0.0.1:" + sitePort + "/history.atom").statusCode()).isEqualTo(200);
        }
    }
}
