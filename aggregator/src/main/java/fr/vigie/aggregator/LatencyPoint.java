package fr.vigie.aggregator;

import java.time.Instant;

/**
 * Median and 95th percentile ({@link Quantiles}) of journey total time over one bucket, in milliseconds (NaN: no
 * data). Points read back from InfluxDB's roll-ups carry the database's own {@code MEDIAN()}/{@code PERCENTILE()}.
 */
public record LatencyPoint(Instant start, double medianMs, double p95Ms) {
}
