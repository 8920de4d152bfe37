package fr.vigie.aggregator;

import java.time.Instant;

/** Median and 95th percentile of journey total time over one bucket, in milliseconds (NaN: no data). */
public record LatencyPoint(Instant start, double medianMs, double p95Ms) {
}
