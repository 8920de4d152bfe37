package fr.vigie.app.cluster;

import fr.vigie.alerts.delivery.DeliveryClaims;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Alerts of two controllers, one voice: only the leader delivers; each delivered notification id goes into the
 * cluster map {@link #MAP} (kept {@link #KEEP}, with a backup on another member), and a controller that takes over
 * marks what it finds there as delivered instead of sending it again. Both controllers build the same
 * notifications with the same stable ids in their own durable outbox, so the new leader loses none.
 */
final class ClusterDeliveryClaims implements DeliveryClaims {
    static final String MAP = "vigie.alerts.delivered";
    static final Duration KEEP = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterDeliveryClaims.class);
    private static final long WAIT_S = 10;

    private final Vertx vertx;
    private final BooleanSupplier leader;
    private final String nodeId;

    ClusterDeliveryClaims(Vertx vertx, BooleanSupplier leader, String nodeId) {
        this.vertx = vertx;
        this.leader = leader;
        this.nodeId = nodeId;
    }

    @Override
    public boolean mayDeliver() {
        return leader.getAsBoolean();
    }

    @Override
    public boolean deliveredElsewhere(String notificationId) {
        try {
            return map().get(notificationId).toCompletionStage().toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS)
                    != null;
        } catch (Exception e) {
            // Unknown is not "delivered": a duplicate (same id, receivers can drop it) beats a lost alert.
            LOG.warn("notification={} claim unreadable ({}): sending", notificationId, e.toString());
            return false;
        }
    }

    @Override
    public void delivered(String notificationId) {
        try {
            map().put(notificationId, nodeId + " " + Instant.now(), KEEP.toMillis()).toCompletionStage()
                    .toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("notification={} delivered but its claim was not recorded: {}", notificationId, e.toString());
        }
    }

    private AsyncMap<String, String> map() throws Exception {
        return vertx.sharedData().<String, String>getAsyncMap(MAP).toCompletionStage().toCompletableFuture()
                .get(WAIT_S, TimeUnit.SECONDS);
    }
}
