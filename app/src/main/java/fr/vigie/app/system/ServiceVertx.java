package fr.vigie.app.system;

import io.vertx.core.VertxOptions;

/**
 * The Vert.x options of a long-running Vigie process. Vert.x's defaults (20 workers, 20 internal blocking threads)
 * suit a server doing blocking work per request; Vigie's blocking work is small and rare (parsing a page, resolving
 * a name, an admin request), and each idle pool thread keeps its stack and native buffers resident: the memory
 * benchmark saw the worker pool grow by 18 threads in the first minutes of the demo (docs/performance.md, "Memory").
 */
public final class ServiceVertx {
    /** Parsing login pages and judging bodies of 8 journeys in flight at once: more workers would only wait for a core. */
    public static final int WORKER_POOL_SIZE = 8;
    /** Vert.x's own file-system and DNS work. */
    public static final int INTERNAL_BLOCKING_POOL_SIZE = 4;

    private ServiceVertx() {
    }

    public static VertxOptions options() {
        return new VertxOptions().setWorkerPoolSize(WORKER_POOL_SIZE)
                .setInternalBlockingPoolSize(INTERNAL_BLOCKING_POOL_SIZE);
    }
}
