package fr.vigie.probes.run;

import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.testing.Await;
import fr.vigie.probes.testing.Fixtures;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code Secure} cookie goes back to a loopback origin over plain HTTP, as browsers do (Keycloak marks every
 * cookie Secure), and never to any other plain-HTTP host.
 */
class SecureCookieTest {
    static Vertx vertx;
    static JourneyRunner runner;
    static int port;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        runner = new JourneyRunner(vertx, Fixtures.settings(Fixtures.probing()));
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            if (req.path().equals("/set")) {
                req.response().putHeader("Set-Cookie", "AUTH_SESSION_ID=abc123;Version=1;Path=/;Secure;HttpOnly;SameSite=None")
                        .end("<p>set</p>");
            } else {
                String cookie = req.getHeader("Cookie");
                req.response().putHeader("Content-Type", "text/plain").end("cookie=[" + (cookie == null ? "" : cookie) + "]");
            }
        });
        port = Await.result(server.listen(0, "127.0.0.1")).actualPort();
    }

    @AfterAll
    static void stop() {
        Await.result(runner.close());
        Await.result(vertx.close());
    }

    private static StepResult echo(String baseUrl) {
        var journey = Fixtures.journey(
                Fixtures.get("set", StepKind.PAGE, "/set", Fixtures.expect(List.of(200), "set", null)),
                Fixtures.get("echo", StepKind.PAGE, "/echo", Fixtures.expect(List.of(200), "AUTH_SESSION_ID=abc123", null)));
        List<StepResult> results = Await.result(runner.run(Fixtures.target(baseUrl), journey, RoundInfo.now(), r -> { }));
        assertThat(results).hasSize(2);
        assertThat(results.get(0).outcome()).isEqualTo(Outcome.OK);
        return results.get(1);
    }

    @Test
    void secureCookieIsSentToLoopbackAddressOverPlainHttp() {
        StepResult r = echo("http://127.0.0.1:" + port);
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
    }

    @Test
    void secureCookieIsSentToLocalhostOverPlainHttp() {
        StepResult r = echo("http://localhost:" + port);
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
    }

    @Test
    void secureCookieIsNotSentToAnotherHostOverPlainHttp() {
        // ent.vigie.test is 127.0.0.1 through the runner's host table, but by name it is not a loopback origin
        StepResult r = echo("http://ent.vigie.test:" + port);
        assertThat(r.outcome()).isEqualTo(Outcome.ASSERTION_FAILED);
        assertThat(r.detail()).contains("AUTH_SESSION_ID");
    }

    @Test
    void loopbackOriginsAreTheBrowsersOnes() {
        assertThat(BrowserCookieStore.isLoopback("127.0.0.1")).isTrue();
        assertThat(BrowserCookieStore.isLoopback("127.4.5.6")).isTrue();
        assertThat(BrowserCookieStore.isLoopback("LOCALHOST")).isTrue();
        assertThat(BrowserCookieStore.isLoopback("ent.localhost")).isTrue();
        assertThat(BrowserCookieStore.isLoopback("[::1]")).isTrue();
        assertThat(BrowserCookieStore.isLoopback("localhost.example")).isFalse();
        assertThat(BrowserCookieStore.isLoopback("10.0.0.1")).isFalse();
    }
}
