package fr.vigie.simulator.model;

import fr.vigie.simulator.Capacity;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * One host's workers, DB pool and storage device. Every method must run on the fleet's single event-loop context;
 * service times are Vert.x timers, so nothing blocks.
 */
public final class HostResources {
    private final Vertx vertx;
    private final String group;
    private final Capacity capacity;
    private final ResourcePool workers;
    private final ResourcePool db;
    private final ResourcePool storage;
    private long served;

    public HostResources(Vertx vertx, String group, Capacity capacity) {
        this.vertx = vertx;
        this.group = group;
        this.capacity = capacity;
        this.workers = new ResourcePool(group + "/workers", capacity.workers());
        this.db = new ResourcePool(group + "/db", capacity.dbConnections());
        this.storage = new ResourcePool(group + "/storage", capacity.storageChannels());
    }

    /** Runs one request of this kind through the resources; completes when the work is done. */
    public Future<Void> serve(WorkKind kind) {
        Future<Void> done = switch (kind) {
            case STATIC -> delay(1);
            case PAGE -> withWorker(() -> delay(cpuMs()).compose(v -> dbQuery()).compose(v -> dbQuery()));
            case LOGIN -> withWorker(() -> delay(cpuMs()).compose(v -> dbQuery()));
            case API -> withWorker(() -> delay(cpuMs() == 0 ? 0 : Math.max(1, cpuMs() / 4)).compose(v -> dbQuery()));
            case WRITE -> withWorker(() -> delay(cpuMs()).compose(v -> dbQuery()).compose(v -> storageWrite()));
        };
        return done.onSuccess(v -> served++);
    }

    /** Takes one worker slot until the returned handle is run: a slow connection holding a worker. */
    public Future<Runnable> holdWorker() {
        return workers.acquire().map(v -> {
            boolean[] released = {false};
            return () -> {
                if (!released[0]) {
                    released[0] = true;
                    workers.release();
                }
            };
        });
    }

    private Future<Void> withWorker(java.util.function.Supplier<Future<Void>> work) {
        return workers.acquire().compose(v -> work.get().andThen(r -> workers.release()));
    }

    private Future<Void> dbQuery() {
        return db.acquire().compose(v -> delay(capacity.dbQuery().toMillis()).andThen(r -> db.release()));
    }

    private Future<Void> storageWrite() {
        return storage.acquire().compose(v -> delay(capacity.storageWrite().toMillis()).andThen(r -> storage.release()));
    }

    private long cpuMs() {
        return capacity.cpu().toMillis();
    }

    /** A service time; zero (a capacity with no service time, as the probe benchmark's) costs no timer. */
    private Future<Void> delay(long ms) {
        if (ms <= 0) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        vertx.setTimer(ms, id -> promise.complete());
        return promise.future();
    }

    public int workerQueue() {
        return workers.queueLength();
    }

    public int workersInUse() {
        return workers.inUse();
    }

    public long served() {
        return served;
    }

    public Capacity capacity() {
        return capacity;
    }

    public String group() {
        return group;
    }
}
