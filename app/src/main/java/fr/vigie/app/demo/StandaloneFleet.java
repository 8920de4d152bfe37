package fr.vigie.app.demo;

import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.SimOptions;
import fr.vigie.simulator.SimulatedFleet;
import fr.vigie.simulator.scenario.Scenario;
import fr.vigie.simulator.scenario.ScenarioPlayer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The simulated fleet of a demo configuration on its own, without Vigie: {@code vigie run} (or anything else)
 * then probes it from another process exactly as it would probe real platforms.
 */
public final class StandaloneFleet implements AutoCloseable {
    private final Vertx vertx;
    private final SimulatedFleet fleet;
    private final ScenarioPlayer player;

    private StandaloneFleet(Vertx vertx, SimulatedFleet fleet, ScenarioPlayer player) {
        this.vertx = vertx;
        this.fleet = fleet;
        this.player = player;
    }

    /**
     * Starts one simulated service per target of {@code config} (loopback only), its fault-injection API on
     * {@code adminPort}, and plays {@code scenario} once from now if given.
     */
    public static StandaloneFleet start(VigieConfig config, DemoAccount account, int adminPort, Path groundTruth,
                                        Optional<Scenario> scenario) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            SimOptions demo = SimOptions.demo(groundTruth);
            SimOptions options = new SimOptions(demo.adminHost(), adminPort, groundTruth, demo.baselineLoad(),
                    demo.seed(), demo.clock());
            SimulatedFleet fleet = await(SimulatedFleet.start(vertx, DemoFleet.specsFor(config, account), options));
            ScenarioPlayer player = new ScenarioPlayer(vertx, fleet, InstantSource.system());
            scenario.ifPresent(s -> player.play(s, Instant.now()));
            return new StandaloneFleet(vertx, fleet, player);
        } catch (Exception e) {
            await(vertx.close());
            throw e;
        }
    }

    public SimulatedFleet fleet() {
        return fleet;
    }

    @Override
    public void close() throws Exception {
        player.cancel();
        await(fleet.close());
        await(vertx.close());
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
