package fr.vigie.simulator.model;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;

/** A FIFO counting semaphore for one event loop: acquire returns a future completed when a slot is free. */
public final class ResourcePool {
    private final String name;
    private final int size;
    private final ArrayDeque<Promise<Void>> waiting = new ArrayDeque<>();
    private int inUse;

    public ResourcePool(String name, int size) {
        if (size < 1) {
            throw new IllegalArgumentException(name + ": size must be >= 1");
        }
        this.name = name;
        this.size = size;
    }

    public Future<Void> acquire() {
        if (inUse < size) {
            inUse++;
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        waiting.add(promise);
        return promise.future();
    }

    /** Hands the slot straight to the oldest waiter, so the count stays right without a race. */
    public void release() {
        Promise<Void> next = waiting.poll();
        if (next != null) {
            next.complete();
        } else if (inUse > 0) {
            inUse--;
        } else {
            throw new IllegalStateException(name + ": released more than acquired");
        }
    }

    public int queueLength() {
        return waiting.size();
    }

    public int inUse() {
        return inUse;
    }

    public int size() {
        return size;
    }

    public String name() {
        return name;
    }
}
