package fr.vigie.aggregator.vantage;

import java.time.Instant;

/**
 * A probe node's "still here", sent every {@code cluster.heartbeat}.
 *
 * @param vantage the vantage the node probes from
 * @param node    the node's cluster id
 * @param sentAt  the node's own clock when it sent it (compared with the receiver's for drift)
 */
public record Heartbeat(String vantage, String node, Instant sentAt) {
}
