package fr.vigie.app.system;

import fr.vigie.aggregator.vantage.VantageReport;
import fr.vigie.alerts.delivery.DeliveryClaims;
import fr.vigie.probes.StepResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What differs between a single process ({@link #SINGLE}) and a controller of a cluster (fr.vigie.app.cluster):
 * where results come from, what they pass through before the aggregator, who may alert and render.
 */
public interface SystemRole {
    /** One process: probes here, results from this JVM only, always the leader. */
    SystemRole SINGLE = new SystemRole() {
    };

    /** Whether this process runs the probes itself. */
    default boolean probesHere() {
        return true;
    }

    /** The consumer of {@link StepResult#ADDRESS}: this JVM's only, or the whole cluster's. */
    default MessageConsumer<StepResult> resultConsumer(Vertx vertx, Handler<Message<StepResult>> handler) {
        return vertx.eventBus().localConsumer(StepResult.ADDRESS, handler);
    }

    /**
     * What results pass through before the aggregator (a controller's k-of-n vote); called on the aggregator
     * thread, which {@code aggregatorThread} runs more work on.
     */
    default Consumer<StepResult> intake(Consumer<StepResult> aggregator, Executor aggregatorThread) {
        return aggregator;
    }

    /** Who may send alerts. */
    default DeliveryClaims claims() {
        return DeliveryClaims.ALONE;
    }

    /** Runs {@code becameLeader} when this process may render and alert: at once for a single process. */
    default void whenLeader(Runnable becameLeader) {
        becameLeader.run();
    }

    /** What the site shows about the vantages (a cluster controller's vote), or null for a single process. */
    default VantageReport vantageReport() {
        return null;
    }

    /** Stops what the role started (after the result consumer is gone). */
    default void close() {
    }
}
