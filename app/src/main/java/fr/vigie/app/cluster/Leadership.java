package fr.vigie.app.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One leader among the controllers: whoever holds the cluster-wide lock {@link #LOCK} (a Hazelcast map lock,
 * released by the cluster when its holder dies). The others keep asking; the first to get it becomes the leader
 * and runs the callbacks registered with {@link #whenLeader}. Never given up while the node lives.
 */
final class Leadership {
    static final String LOCK = "vigie.leader";
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
    private static final long ATTEMPT_MS = 1000;

    private final Vertx vertx;
    private final String nodeId;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private volatile boolean leader;
    private volatile boolean stopped;
    private volatile Lock lock;

    Leadership(Vertx vertx, String nodeId) {
        this.vertx = vertx;
        this.nodeId = nodeId;
    }

    void start() {
        attempt();
    }

    private void attempt() {
        if (stopped) {
            return;
        }
        vertx.sharedData().getLockWithTimeout(LOCK, ATTEMPT_MS).onComplete(ar -> {
            if (ar.failed()) {
                if (!stopped) {
                    vertx.setTimer(100, id -> attempt());
                }
                return;
            }
            if (stopped) {
                ar.result().release();
                return;
            }
            lock = ar.result();
            leader = true;
            // a stable line: the cluster test and docs/cluster.md read it
            LOG.info("leader: this controller (node {}) leads since {}", nodeId, Instant.now().toEpochMilli());
            vertx.executeBlocking(() -> {
                callbacks.forEach(Leadership::safely);
                return null;
            });
        });
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("while taking the lead: {}", e.toString(), e);
        }
    }

    /** Runs {@code r} once this node leads (at once, on a worker, if it already does). */
    void whenLeader(Runnable r) {
        callbacks.add(r);
        if (leader) {
            vertx.executeBlocking(() -> {
                safely(r);
                return null;
            });
        }
    }

    boolean isLeader() {
        return leader;
    }

    void stop() {
        stopped = true;
        Lock held = lock;
        if (held != null) {
            held.release();
        }
        leader = false;
    }
}
