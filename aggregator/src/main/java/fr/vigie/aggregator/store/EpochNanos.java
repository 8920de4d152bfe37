package fr.vigie.aggregator.store;

import java.time.Instant;

/** Instants as signed 64-bit nanoseconds since the epoch: exact, sortable, valid until 2262. */
final class EpochNanos {
    private EpochNanos() {
    }

    static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
