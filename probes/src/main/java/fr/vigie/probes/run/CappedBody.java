package fr.vigie.probes.run;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * Receives a response body and keeps at most {@code cap} bytes of it. The first byte beyond the cap
 * triggers {@code onOverflow} (which closes the connection) and nothing more is kept: memory stays bounded
 * whatever the server sends.
 */
final class CappedBody implements WriteStream<Buffer> {
    private final long cap;
    private final Runnable onOverflow;
    private final HopTimings timings;
    private final Buffer kept = Buffer.buffer();
    private long received;
    private boolean overflowed;

    CappedBody(long cap, Runnable onOverflow, HopTimings timings) {
        this.cap = cap;
        this.onOverflow = onOverflow;
        this.timings = timings;
    }

    @Override
    public Future<Void> write(Buffer data) {
        received += data.length();
        timings.bodyBytes = received;
        if (received > cap) {
            if (!overflowed) {
                overflowed = true;
                onOverflow.run();
            }
        } else {
            kept.appendBuffer(data);
        }
        return Future.succeededFuture();
    }

    Buffer kept() {
        return kept;
    }

    long received() {
        return received;
    }

    boolean overflowed() {
        return overflowed;
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    @Override
    public Future<Void> end() {
        return Future.succeededFuture();
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        return this;
    }
}
