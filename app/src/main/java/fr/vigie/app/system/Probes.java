package fr.vigie.app.system;

import fr.vigie.config.VigieConfig;
import fr.vigie.probes.schedule.ProbeEngine;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.Optional;

/** The running probe engine, as the system sees it: started last, stopped first. */
final class Probes implements AutoCloseable {
    private final ProbeEngine engine;

    private Probes(ProbeEngine engine) {
        this.engine = engine;
    }

    static Probes start(Vertx vertx, VigieConfig config, Optional<Path> record) throws Exception {
        return new Probes(VigieSystem.await(ProbeEngine.start(vertx, Sections.probes(config), record)));
    }

    /** Step results published so far. */
    long published() {
        return engine.published();
    }

    /** Lets journeys in flight finish (up to {@code grace}), then stops. */
    void close(java.time.Duration grace) throws Exception {
        engine.stop(grace).toCompletionStage().toCompletableFuture()
                .get(grace.toSeconds() + 30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        VigieSystem.await(engine.stop());
    }
}
