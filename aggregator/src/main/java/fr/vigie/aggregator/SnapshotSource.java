package fr.vigie.aggregator;

import java.time.Instant;

/** Gives the public site its data: implemented by the aggregator over its store. */
public interface SnapshotSource {
    StatusSnapshot snapshot(Instant now);
}
