package fr.vigie.app.keycloak;

import fr.vigie.config.Journey;
import fr.vigie.config.Step;
import fr.vigie.config.StepKind;
import fr.vigie.config.Target;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.run.JourneyRunner;
import fr.vigie.probes.run.LoginBackoff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure taxonomy on a real identity provider's own responses: a disabled account is the account
 * ({@code login_rejected}, never the platform down), a lost login session is named, a frozen Keycloak is a
 * {@code response_timeout}, a stopped one {@code connect_refused}.
 */
class KeycloakFailuresTest {
    static final String USER = "eleve.panne";
    static final String PASSWORD = "Panne-Pa55word!";

    @TempDir
    Path dir;

    private static Map<String, String> vars(String realm, RelyingParty rp) {
        return Map.of("realm", "/realms/" + realm, "client-id", TestRealms.CLIENT,
                "redirect-uri", KeycloakServer.enc(rp.callbackUrl()));
    }

    private static RelyingParty rp(KeycloakServer kc, String realm) throws Exception {
        return new RelyingParty(kc.http() + "/realms/" + realm + "/protocol/openid-connect/token", TestRealms.CLIENT,
                TestRealms.SECRET);
    }

    @Test
    void aDisabledAccountIsTheAccountNotThePlatform() throws Exception {
        KeycloakServer kc = KeycloakServer.require();
        String realm = TestRealms.unique("disabled");
        try (RelyingParty rp = rp(kc, realm); Prober prober = new Prober(null, Duration.ofSeconds(20))) {
            kc.createRealm(TestRealms.withUser(TestRealms.withOidcClient(TestRealms.realm(realm), rp.callbackUrl()),
                    USER, PASSWORD));
            kc.updateUser(realm, kc.userId(realm, USER), KeycloakServer.JSON.createObjectNode().put("enabled", false));
            LoginBackoff backoff = new LoginBackoff(Duration.ofMinutes(30));
            List<StepResult> results = Prober.run(prober.runner(backoff),
                    Prober.target("kc-disabled", kc.http(), USER, PASSWORD, vars(realm, rp)), Prober.journey("oidc"));
            assertThat(results.get(0).outcome()).isEqualTo(Outcome.OK);
            assertThat(results.get(2).step()).isEqualTo("login");
            assertThat(results.get(2).outcome()).as(results.get(2).detail()).isEqualTo(Outcome.LOGIN_REJECTED);
            assertThat(backoff.pausedUntil("kc-disabled")).as("the account is paused, not retried").isPresent();
        }
    }

    @Test
    void aLoginPostThatReachesKeycloakWithoutItsLoginSessionIsNamed() throws Exception {
        KeycloakServer kc = KeycloakServer.require();
        String realm = TestRealms.unique("session");
        try (RelyingParty rp = rp(kc, realm); Prober prober = new Prober(null, Duration.ofSeconds(20))) {
            kc.createRealm(TestRealms.withUser(TestRealms.withOidcClient(TestRealms.realm(realm), rp.callbackUrl()),
                    USER, PASSWORD));
            // what a browser sends when a front node dropped Keycloak's cookies: the login post, no session
            Step post = new Step("login", StepKind.LOGIN, null, new Step.PostAction(
                    "/realms/" + realm + "/login-actions/authenticate?client_id=" + TestRealms.CLIENT,
                    Map.of("username", "{{credentials.username}}", "password", "{{credentials.password}}"), null),
                    null, true, Map.of(), new Step.Expect(List.of(302), null, null, null, Map.of(), "kc-feedback-text"),
                    Map.of(), true);
            List<StepResult> results = Prober.run(prober.runner(new LoginBackoff(Duration.ofMinutes(30))),
                    Prober.target("kc-lost", kc.http(), USER, PASSWORD, vars(realm, rp)),
                    new Journey("lost", "login post without session", List.of(post)));
            StepResult login = results.get(0);
            assertThat(login.status()).isEqualTo(400);
            assertThat(login.outcome()).as(login.detail()).isEqualTo(Outcome.SIGNATURE);
            assertThat(login.signature()).isEqualTo("login_session_lost");
        }
    }

    @Test
    void aFrozenKeycloakTimesOutAndAStoppedOneRefuses() throws Exception {
        KeycloakServer.require();
        Journey publicPage = new Journey("kc-public", "login page only", List.of(Prober.journey("oidc").steps().get(0)));
        try (KeycloakProcess own = KeycloakProcess.launch(dir); Prober prober = new Prober(null, Duration.ofSeconds(3));
             Prober patient = new Prober(null, Duration.ofSeconds(20))) {
            System.out.printf("own Keycloak started in %.1f s%n", own.startSeconds);
            String realm = TestRealms.unique("outage");
            own.server.createRealm(TestRealms.withOidcClient(TestRealms.realm(realm), "http://127.0.0.1:9/cb"));
            Target target = Prober.target("kc-outage", own.server.http(), null, null, Map.of("realm", "/realms/" + realm,
                    "client-id", TestRealms.CLIENT, "redirect-uri", KeycloakServer.enc("http://127.0.0.1:9/cb")));
            JourneyRunner runner = prober.runner(new LoginBackoff(Duration.ofMinutes(30)));
            JourneyRunner patientRunner = patient.runner(new LoginBackoff(Duration.ofMinutes(30)));
            // a cold Keycloak renders its first login pages slowly: warm it up until it answers within 3 s
            assertThat(untilOk(patientRunner, target, publicPage)).isEqualTo(Outcome.OK);
            assertThat(untilOk(runner, target, publicPage)).isEqualTo(Outcome.OK);

            own.freeze();
            StepResult frozen;
            try {
                frozen = Prober.run(runner, target, publicPage).get(0);
            } finally {
                own.thaw();
            }
            assertThat(frozen.outcome()).as(frozen.detail()).isEqualTo(Outcome.RESPONSE_TIMEOUT);
            assertThat(frozen.connectMs()).as("the kernel still accepts the connection").isNotNull();
            assertThat(untilOk(patientRunner, target, publicPage)).as("answers again once thawed").isEqualTo(Outcome.OK);

            own.close();
            StepResult stopped = Prober.run(runner, target, publicPage).get(0);
            assertThat(stopped.outcome()).as(stopped.detail()).isEqualTo(Outcome.CONNECT_REFUSED);
        }
    }

    /** Probes until ok or 90 s have passed; the last outcome. */
    private static Outcome untilOk(JourneyRunner runner, Target target, Journey journey) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Outcome last;
        do {
            last = Prober.run(runner, target, journey).get(0).outcome();
        } while (last != Outcome.OK && System.nanoTime() < deadline);
        return last;
    }
}
