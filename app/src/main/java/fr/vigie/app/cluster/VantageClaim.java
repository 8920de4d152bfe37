package fr.vigie.app.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.Lock;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A vantage name is held by one node at a time: a cluster-wide lock (Hazelcast releases the locks of a member
 * that dies), plus who holds it in a cluster map, for the refusal message.
 */
final class VantageClaim {
    static final String HOLDERS = "vigie.vantages";
    /** Long enough for the old member of a node restarted after a crash to be declared dead. */
    static final Duration WAIT = Duration.ofSeconds(ClusterNode.MAX_NO_HEARTBEAT_SECONDS + 3);

    private VantageClaim() {
    }

    /** Holds {@code vantage} for this node until it leaves; refused when another live node holds it. */
    static Lock claim(Vertx vertx, String vantage, String nodeId) throws Exception {
        Lock lock;
        try {
            lock = vertx.sharedData().getLockWithTimeout("vigie.vantage." + vantage, WAIT.toMillis())
                    .toCompletionStage().toCompletableFuture().get(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException timedOut) {
            String holder = holders(vertx).get(vantage).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            throw new ClusterRefusal("le point de mesure « " + vantage + " » est déjà pris par le nœud "
                    + (holder == null ? "?" : holder) + " / vantage '" + vantage + "' is already probed by node "
                    + (holder == null ? "?" : holder) + ": give each probe node its own --vantage name");
        }
        holders(vertx).put(vantage, nodeId).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return lock;
    }

    private static AsyncMap<String, String> holders(Vertx vertx) throws Exception {
        return vertx.sharedData().<String, String>getAsyncMap(HOLDERS).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }
}
