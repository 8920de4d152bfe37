package fr.vigie.probes.testing;

import io.vertx.core.Future;

import java.util.concurrent.TimeUnit;

/** Blocks a test on a Vert.x future, failing loudly after a bound. */
public final class Await {
    private Await() {
    }

    public static <T> T result(Future<T> future) {
        return result(future, 20);
    }

    public static <T> T result(Future<T> future, int seconds) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete in " + seconds + " s", e);
        }
    }
}
