package fr.vigie.simulator;

import fr.vigie.simulator.faults.FaultRequest;
import fr.vigie.simulator.faults.FaultType;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A flash crowd on a shared host: queues grow, latency rises on every service of the host, the waiting room opens. */
class FlashCrowdTest {
    /** 50 pages/s, waiting room beyond 30 queued requests, users give up beyond 100. */
    private static final Capacity SMALL = new Capacity(2, 1, 1, Duration.ofMillis(20), Duration.ofMillis(10),
            Duration.ofMillis(10), 30, 100);

    @Test
    void crowdSaturatesTheSharedHostThenRecovers() throws Exception {
        List<ServiceSpec> specs = List.of(
                FleetFixture.spec("ent-a", Flavour.OPEN_ENT_NG, "sbg", SMALL),
                FleetFixture.spec("ent-cas", Flavour.CAS, "sbg", SMALL),
                FleetFixture.spec("cned", Flavour.CNED, "elsewhere", SMALL));
        try (FleetFixture fx = new FleetFixture(specs, SimOptions.quiet())) {
            Browser b = new Browser(false);
            long calm = median(b, fx.url("ent-cas", "/cas/login"));
            assertThat(b.get(fx.url("ent-a", "/auth/login")).body()).contains("login-form");

            fx.await(fx.fleet.faults().inject(
                    FaultRequest.onGroup(FaultType.FLASH_CROWD, "sbg", 4.0, Duration.ofSeconds(6))));

            assertThat(FaultSignaturesTest.poll(() -> waitingRoom(b, fx.url("ent-a", "/auth/login"))))
                    .as("the Open ENT NG login page turns into the waiting room").isTrue();
            HttpResponse<String> waiting = b.get(fx.url("ent-a", "/auth/login"));
            assertThat(waiting.statusCode()).isEqualTo(200);
            assertThat(waiting.body()).contains("tooload.svg").contains("Vous êtes très nombreux aujourd'hui")
                    .containsPattern("Position dans la file d'attente : \\d+")
                    .containsPattern("Temps d'attente estimé : \\d+ secondes");
            long crowded = median(b, fx.url("ent-cas", "/cas/login"));
            assertThat(crowded).as("the CAS service on the same host queues too").isGreaterThan(3 * calm);
            assertThat(median(b, fx.url("cned", "/login"))).as("another host is not affected").isLessThan(crowded);

            assertThat(FaultSignaturesTest.poll(() -> fx.fleet.faults().active().isEmpty())).isTrue();
            assertThat(FaultSignaturesTest.poll(() -> !waitingRoom(b, fx.url("ent-a", "/auth/login"))))
                    .as("the login form comes back once the crowd leaves").isTrue();
        }
    }

    private static boolean waitingRoom(Browser b, String url) {
        try {
            return b.get(url).body().contains("Position dans la file d'attente");
        } catch (Exception e) {
            return false;
        }
    }

    private static long median(Browser b, String url) throws Exception {
        long[] t = new long[5];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            b.get(url);
            t[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(t);
        return t[2];
    }
}
