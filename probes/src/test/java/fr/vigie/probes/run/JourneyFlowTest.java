package fr.vigie.probes.run;

import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.testing.Await;
import fr.vigie.probes.testing.FakeCas;
import fr.vigie.probes.testing.FakeOpenEntNg;
import fr.vigie.probes.testing.Fixtures;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static fr.vigie.probes.testing.Fixtures.PASSWORD;
import static fr.vigie.probes.testing.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;

class JourneyFlowTest {
    static Vertx vertx;
    static JourneyRunner runner;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        runner = new JourneyRunner(vertx, Fixtures.settings(Fixtures.probing()));
    }

    @AfterAll
    static void stop() {
        Await.result(runner.close());
        Await.result(vertx.close());
    }

    static List<StepResult> run(fr.vigie.config.Target target, fr.vigie.config.Journey journey) {
        List<StepResult> streamed = new CopyOnWriteArrayList<>();
        List<StepResult> results = Await.result(runner.run(target, journey, RoundInfo.now(), streamed::add));
        assertThat(streamed).containsExactlyElementsOf(results);
        return results;
    }

    @Test
    void openEntNgLoginWithCookiesHiddenFieldsAndXsrfHeader() {
        FakeOpenEntNg ent = new FakeOpenEntNg(USER, PASSWORD);
        int port = ent.start(vertx);
        var target = Fixtures.target("ent-a", "http://127.0.0.1:" + port, Fixtures.credentials(USER, PASSWORD), Map.of());
        List<StepResult> results = run(target, Fixtures.openEntNgWrite());
        assertThat(results).extracting(StepResult::step).containsExactly("login-page", "theme", "login", "timeline",
                "userinfo", "post-message", "logout");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.step() + ": " + r.detail()).isEqualTo(Outcome.OK);
            assertThat(r.target()).isEqualTo("ent-a");
            assertThat(r.vantage()).isEqualTo("test-vantage");
            assertThat(r.run()).isEqualTo(results.get(0).run());
            assertThat(r.dnsMs()).as("IP literal: no DNS").isNull();
            assertThat(r.connectMs()).isNotNull();
            assertThat(r.tlsMs()).as("plain HTTP: no TLS").isNull();
            assertThat(r.ttfbMs()).isNotNull();
            assertThat(r.totalMs()).isGreaterThanOrEqualTo(r.ttfbMs());
        });
        assertThat(results.get(2).status()).isEqualTo(302);
        assertThat(results.get(3).bytes()).isGreaterThan(40_000);
        assertThat(ent.userAgents).allMatch(ua -> ua.equals("Vigie-test/1.0 (+https://vigie.example/contact)"));
    }

    @Test
    void aHostNameIsResolvedTimedAndSentAsVirtualHostWithCookies() {
        FakeOpenEntNg ent = new FakeOpenEntNg(USER, PASSWORD);
        int port = ent.start(vertx);
        // ent.vigie.test -> 127.0.0.1 through the runner's static host table (see Fixtures.settings)
        var target = Fixtures.target("ent-name", "http://ent.vigie.test:" + port, Fixtures.credentials(USER, PASSWORD),
                Map.of());
        List<StepResult> results = run(target, Fixtures.openEntNgWrite());
        assertThat(results).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.step() + ": " + r.detail()).isEqualTo(Outcome.OK);
            assertThat(r.dnsMs()).as("a name is resolved, and timed").isNotNull();
        });
        assertThat(ent.hosts).isNotEmpty().allMatch(h -> h.equals("ent.vigie.test:" + port));
    }

    @Test
    void casLoginKeepsLtAndExecutionAndFollowsTheTicketRedirect() {
        FakeCas cas = new FakeCas(USER, PASSWORD);
        int port = cas.start(vertx);
        String service = "http%3A%2F%2F127.0.0.1%3A" + port + "%2Fportal%2F";
        var target = Fixtures.target("ent-cas", "http://127.0.0.1:" + port, Fixtures.credentials(USER, PASSWORD),
                Map.of("service", service));
        List<StepResult> results = run(target, Fixtures.cas());
        assertThat(results).extracting(r -> r.step() + "=" + r.outcome().wire())
                .containsExactly("login-page=ok", "static=ok", "login=ok", "user=ok", "logout=ok");
    }

    @Test
    void withoutCredentialsOnlyPublicStepsRun() {
        FakeOpenEntNg ent = new FakeOpenEntNg(USER, PASSWORD);
        int port = ent.start(vertx);
        List<StepResult> results = run(Fixtures.target("http://127.0.0.1:" + port), Fixtures.openEntNgWrite());
        assertThat(results).extracting(StepResult::step).containsExactly("login-page", "theme");
        assertThat(results).allMatch(StepResult::ok);
        assertThat(ent.loginPosts).hasValue(0);
    }

    @Test
    void waitingRoomOnTheLoginPageIsASignatureWithTheQueuePosition() {
        FakeOpenEntNg ent = new FakeOpenEntNg(USER, PASSWORD);
        ent.waitingRoom.set(true);
        int port = ent.start(vertx);
        var target = Fixtures.target("ent-q", "http://127.0.0.1:" + port, Fixtures.credentials(USER, PASSWORD), Map.of());
        List<StepResult> results = run(target, Fixtures.openEntNgWrite());
        StepResult first = results.get(0);
        assertThat(first.outcome()).isEqualTo(Outcome.SIGNATURE);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.signature()).isEqualTo("waiting_room");
        assertThat(first.queuePosition()).isEqualTo(1234);
        assertThat(first.queueWaitS()).isEqualTo(180);
        assertThat(results.subList(1, results.size())).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(r.detail()).contains("login-page");
            assertThat(r.totalMs()).isNull();
        });
        assertThat(ent.loginPosts).hasValue(0);
    }

    @Test
    void wrongPasswordIsLoginRejectedAndPausesLoggedInStepsOnly() {
        FakeOpenEntNg ent = new FakeOpenEntNg(USER, PASSWORD);
        int port = ent.start(vertx);
        var target = Fixtures.target("ent-wrong", "http://127.0.0.1:" + port,
                Fixtures.credentials(USER, "not-the-password"), Map.of());
        List<StepResult> first = run(target, Fixtures.openEntNgWrite());
        assertThat(first.get(2).step()).isEqualTo("login");
        assertThat(first.get(2).outcome()).isEqualTo(Outcome.LOGIN_REJECTED);
        assertThat(first.subList(3, first.size())).allMatch(r -> r.outcome() == Outcome.SKIPPED);
        assertThat(runner.loginBackoff().pausedUntil("ent-wrong")).isPresent();

        List<StepResult> second = run(target, Fixtures.openEntNgWrite());
        assertThat(second.subList(0, 2)).allMatch(StepResult::ok);
        assertThat(second.subList(2, second.size())).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(r.detail()).contains("compte en pause");
        });
        assertThat(ent.loginPosts).as("the account is not hammered").hasValue(1);
    }
}
