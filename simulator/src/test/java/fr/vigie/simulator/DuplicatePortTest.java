package fr.vigie.simulator;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two services on one port would answer each other's requests (Vert.x shares ports): the fleet refuses. */
class DuplicatePortTest {
    @Test
    void twoServicesOnOnePortAreRefusedAndDistinctPortsAreHandedOut() throws Exception {
        List<Integer> ports = LoopbackPorts.free(20);
        assertThat(ports).doesNotHaveDuplicates();
        int port = ports.get(0);
        Vertx vertx = Vertx.vertx();
        try {
            List<ServiceSpec> specs = List.of(
                    new ServiceSpec("a", Flavour.OPEN_ENT_NG, "127.0.0.1", port, "g", Capacity.standard(), "u", "p"),
                    new ServiceSpec("b", Flavour.CNED, "127.0.0.1", port, "g", Capacity.standard(), "u", "p"));
            assertThatThrownBy(() -> SimulatedFleet.start(vertx, specs, SimOptions.quiet())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("two simulated services on 127.0.0.1:" + port);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
