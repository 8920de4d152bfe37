package fr.vigie.config;

import java.time.Duration;
import java.util.List;

/**
 * Several Vigie processes working as one (docs/cluster.md): probe nodes, one per vantage, and controllers.
 * Absent from the file: one process, no cluster.
 *
 * @param name             cluster name; a node of another cluster is refused
 * @param listen           host:port this node's cluster manager (Hazelcast) listens on
 * @param members          host:port (or host:first-last port range) of the members to join, the node itself included
 * @param vantages         n, the number of vantages expected to probe each target
 * @param quorum           k, the vantages that must agree before a target is published non-operational
 * @param heartbeat        how often a probe node sends its heartbeat (with its clock)
 * @param heartbeatTimeout a vantage silent this long is excluded from the vote
 * @param maxClockDrift    a vantage whose clock differs from the controller's by more is excluded
 */
public record ClusterConfig(String name, String listen, List<String> members, int vantages, int quorum,
                            Duration heartbeat, Duration heartbeatTimeout, Duration maxClockDrift) {
    public ClusterConfig {
        members = List.copyOf(members);
    }

    /** The same settings with this node listening elsewhere ({@code vigie run --cluster-listen}). */
    public ClusterConfig withListen(String other) {
        return new ClusterConfig(name, other, members, vantages, quorum, heartbeat, heartbeatTimeout, maxClockDrift);
    }
}
