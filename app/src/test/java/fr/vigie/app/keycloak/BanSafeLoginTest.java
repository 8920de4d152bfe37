package fr.vigie.app.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.config.Target;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.run.JourneyRunner;
import fr.vigie.probes.run.LoginBackoff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong test password against a real Keycloak locking accounts after 3 failures: 8 simulated hours of
 * rounds every 5 minutes, Vigie restarted every hour (a new runner reading the same back-off file), and
 * Keycloak's own failure counter, read through its admin API after every round, never reaches the limit.
 */
class BanSafeLoginTest {
    static final String USER = "eleve.verrou";
    static final String PASSWORD = "Right-Pa55word!";
    static final Duration ROUND = Duration.ofMinutes(5);
    static final int ROUNDS = 96;
    static final int ROUNDS_PER_RESTART = 12;

    @TempDir
    Path dir;

    /** Vigie's clock, moved by the test: hours of rounds in seconds, no sleeping. */
    static final class SimulatedClock extends Clock {
        Instant now = Instant.parse("2026-03-02T07:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aWrongPasswordNeverLocksTheAccountAcrossHoursOfRoundsAndRestarts() throws Exception {
        KeycloakServer keycloak = KeycloakServer.require();
        String realm = TestRealms.unique("lockout");
        try (RelyingParty rp = new RelyingParty(keycloak.http() + "/realms/" + realm + "/protocol/openid-connect/token",
                TestRealms.CLIENT, TestRealms.SECRET); Prober prober = new Prober(null, Duration.ofSeconds(20))) {
            keycloak.createRealm(TestRealms.withUser(TestRealms.withOidcClient(TestRealms.realm(realm),
                    rp.callbackUrl()), USER, PASSWORD));
            String userId = keycloak.userId(realm, USER);
            Map<String, String> vars = Map.of("realm", "/realms/" + realm, "client-id", TestRealms.CLIENT,
                    "redirect-uri", KeycloakServer.enc(rp.callbackUrl()));
            Target wrong = Prober.target("kc-lockout", keycloak.http(), USER, "an-old-password", vars);
            Path file = dir.resolve("login-backoff.properties");
            SimulatedClock clock = new SimulatedClock();

            int rejected = 0;
            int loginPagesOk = 0;
            int restarts = 0;
            int maxFailuresSeen = 0;
            JourneyRunner runner = null;
            for (int round = 0; round < ROUNDS; round++) {
                if (round % ROUNDS_PER_RESTART == 0) {
                    if (runner != null) {
                        // as ProbeEngine.stop does: the pauses written so far are on disk before the restart
                        assertThat(runner.loginBackoff().saved(Duration.ofSeconds(10))).isTrue();
                        runner.close().toCompletionStage().toCompletableFuture().get();
                        restarts++;
                    }
                    runner = prober.runner(LoginBackoff.persistent(Duration.ofMinutes(30), clock, file));
                }
                List<StepResult> results = Prober.run(runner, wrong, Prober.journey("oidc"));
                assertThat(results.get(0).outcome()).as("public login page, round " + round).isEqualTo(Outcome.OK);
                loginPagesOk++;
                rejected += (int) results.stream().filter(r -> r.outcome() == Outcome.LOGIN_REJECTED).count();
                JsonNode counter = keycloak.bruteForce(realm, userId);
                maxFailuresSeen = Math.max(maxFailuresSeen, counter.path("numFailures").asInt());
                assertThat(counter.path("numFailures").asInt()).as("Keycloak's failure count after round " + round)
                        .isLessThan(TestRealms.FAILURE_FACTOR);
                assertThat(counter.path("disabled").asBoolean()).as("account locked after round " + round).isFalse();
                clock.now = clock.now.plus(ROUND);
            }
            runner.close().toCompletionStage().toCompletableFuture().get();

            JsonNode last = keycloak.bruteForce(realm, userId);
            System.out.printf("ban-safety: %d simulated hours, %d rounds, %d restarts, %d login attempts rejected, "
                            + "Keycloak numFailures=%d (max seen %d, lock-out at %d), disabled=%s%n",
                    ROUNDS * ROUND.toMinutes() / 60, ROUNDS, restarts, rejected, last.path("numFailures").asInt(),
                    maxFailuresSeen, TestRealms.FAILURE_FACTOR, last.path("disabled").asBoolean());
            assertThat(restarts).isEqualTo(ROUNDS / ROUNDS_PER_RESTART - 1);
            assertThat(loginPagesOk).isEqualTo(ROUNDS);
            assertThat(rejected).as("the wrong password was really tried, then paused").isEqualTo(2);
            assertThat(last.path("numFailures").asInt()).as("Keycloak counted exactly Vigie's attempts").isEqualTo(2);

            // The account is usable: the right password logs in (a locked account would be refused).
            List<StepResult> ok = Prober.run(prober.runner(new LoginBackoff(Duration.ofMinutes(30))),
                    Prober.target("kc-lockout-right", keycloak.http(), USER, PASSWORD, vars), Prober.journey("oidc"));
            assertThat(ok).allSatisfy(r -> assertThat(r.outcome()).as(r.step() + ": " + r.detail()).isEqualTo(Outcome.OK));
        }
    }
}
