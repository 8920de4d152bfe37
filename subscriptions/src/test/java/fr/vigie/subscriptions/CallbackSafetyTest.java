package fr.vigie.subscriptions;

import fr.vigie.alerts.delivery.DeliverySettings;
import fr.vigie.alerts.delivery.HttpSender;
import fr.vigie.config.Cidr;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.subscriptions.webhook.CallbackPolicy;
import io.vertx.core.json.JsonObject;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SSRF safety with the production setting (no {@code allow-networks}): loopback, private, link-local and other
 * non-public callbacks are refused with a clear 4xx, before any connection. Only numeric addresses and
 * {@code localhost} are resolved here (no DNS query leaves the machine). A real listener on 127.0.0.1 counts the
 * connections it gets: only the test's own sentinel connection ever reaches it.
 */
class CallbackSafetyTest {
    @TempDir
    Path data;
    TestWorld world;
    ServerSocket listener;
    final AtomicInteger connections = new AtomicInteger();
    final Semaphore accepted = new Semaphore(0);
    Thread acceptor;

    @BeforeEach
    void start() throws Exception {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    // connections are accepted in order: the sentinel's marker comes after every earlier one
                    s.setSoTimeout(5000);
                    int first;
                    try {
                        first = s.getInputStream().read();
                    } catch (IOException silent) {
                        first = -1;
                    }
                    if (first == 'S') {
                        accepted.release();
                    } else {
                        connections.incrementAndGet();
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }, "test-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        world = new TestWorld(data, 5, 1000, 50, new SubscriptionsConfig.Webhooks(List.of(), 100,
                Duration.ofMinutes(10), Duration.ofHours(24), 1000, 1000));
    }

    @AfterEach
    void stop() throws IOException {
        world.close();
        listener.close();
    }

    private String refusal(String callback) throws Exception {
        HttpResponse<String> r = world.postJson(world.endpoint("/webhooks"),
                new JsonObject().put("callback", callback).put("topics", List.of("tout")).encode());
        assertThat(r.statusCode()).as(callback + " refused").isEqualTo(400);
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getString("error")).isEqualTo("callback_refused");
        return body.getString("message");
    }

    /** Connections other than ours so far: a sentinel of ours goes last, marked, and is waited for. */
    private int connectionsSoFar() throws Exception {
        try (Socket sentinel = new Socket()) {
            sentinel.connect(listener.getLocalSocketAddress(), 5000);
            sentinel.getOutputStream().write('S');
            sentinel.getOutputStream().flush();
            assertThat(accepted.tryAcquire(10, TimeUnit.SECONDS)).as("the sentinel was accepted").isTrue();
        }
        return connections.get();
    }

    @Test
    void nonPublicCallbacksAreRefusedAtRegistrationBeforeAnyConnection() throws Exception {
        int port = listener.getLocalPort();
        assertThat(refusal("http://127.0.0.1:" + port + "/hook")).contains("127.0.0.1", "bouclage",
                "seules des adresses publiques");
        assertThat(refusal("https://127.0.0.1:" + port + "/hook")).contains("bouclage");
        assertThat(refusal("https://localhost:" + port + "/hook")).contains("bouclage");
        assertThat(refusal("https://[::1]:" + port + "/hook")).contains("bouclage");
        assertThat(refusal("https://10.20.30.40/hook")).contains("10.20.30.40", "adresse privée");
        assertThat(refusal("https://192.168.1.10/hook")).contains("adresse privée");
        assertThat(refusal("https://172.16.5.4/hook")).contains("adresse privée");
        assertThat(refusal("https://169.254.169.254/latest/meta-data/")).contains("link-local");
        assertThat(refusal("https://100.64.1.1/hook")).contains("100.64.0.0/10");
        assertThat(refusal("https://[fd00::1]/hook")).contains("fc00::/7");
        assertThat(refusal("https://224.0.0.1/hook")).contains("multicast");
        assertThat(refusal("https://0.0.0.0/hook")).contains("non spécifiée");
        assertThat(refusal("http://93.184.215.14/hook")).contains("https://");
        assertThat(refusal("ftp://93.184.215.14/hook")).contains("https://");
        assertThat(refusal("https://moi:secret@93.184.215.14/hook")).contains("identifiant");
        assertThat(world.service.webhookStore().orElseThrow().count()).isZero();
        assertThat(connectionsSoFar()).as("no connection to the refused loopback callback").isZero();
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedAndSoIsAConnectionAfterRebinding() throws Exception {
        // a public-looking name pointing at a private address (no DNS involved: the resolver is the test's)
        CallbackPolicy policy = new CallbackPolicy(List.of(), host -> host.equals("intranet.exemple.fr")
                ? new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.5")}
                : InetAddress.getAllByName(host));
        CallbackPolicy.Verdict v = policy.check("https://intranet.exemple.fr/hook");
        assertThat(v.accepted()).isFalse();
        assertThat(v.refusal()).contains("10.0.0.5", "adresse privée");
        assertThat(policy.check("https://93.184.215.14/hook").accepted()).as("a public address").isTrue();
        CallbackPolicy nowhere = new CallbackPolicy(List.of(), host -> {
            throw new UnknownHostException(host);
        });
        assertThat(nowhere.check("https://nom-inconnu.exemple.fr/hook").refusal())
                .isEqualTo("Le nom nom-inconnu.exemple.fr de l'adresse de rappel ne se résout pas.");

        // at connection time the HTTP client asks the same policy: a loopback target never gets a packet
        try (HttpSender http = new HttpSender(DeliverySettings.defaults(), policy.dnsResolver())) {
            assertThatThrownBy(() -> http.exchange(new HttpGet("http://127.0.0.1:" + listener.getLocalPort() + "/")))
                    .isInstanceOf(UnknownHostException.class).hasMessageContaining("refused address");
        }
        assertThat(connectionsSoFar()).isZero();

        // the allowlist (tests, local deployments) lets loopback through, over http too
        CallbackPolicy local = new CallbackPolicy(List.of(Cidr.parse("127.0.0.0/8").orElseThrow()),
                InetAddress::getAllByName);
        assertThat(local.check("http://127.0.0.1:" + listener.getLocalPort() + "/").accepted()).isTrue();
        assertThat(local.check("http://10.0.0.1/").accepted()).as("only what is listed").isFalse();
    }
}
