package fr.vigie.app.cluster;

/**
 * What a node tells the others about itself, as Hazelcast member attributes, so that a node of another cluster or
 * of an incompatible version is refused with a clear message instead of half-joining.
 *
 * @param cluster  {@code cluster.name}
 * @param protocol wire protocol of the event bus and shared data (trace-line results, heartbeats, claims)
 * @param version  Vigie's version, for the message
 * @param role     probe or controller
 * @param vantage  the vantage of a probe node, empty for a controller
 */
record NodeIdentity(String cluster, String protocol, String version, String role, String vantage) {
    /** Raised when what travels between nodes changes incompatibly. */
    static final String PROTOCOL = "1";
    static final String CLUSTER = "vigie.cluster";
    static final String PROTOCOL_KEY = "vigie.protocol";
    static final String VERSION = "vigie.version";
    static final String ROLE = "vigie.role";
    static final String VANTAGE = "vigie.vantage";

    static String currentVersion() {
        String v = NodeIdentity.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Null when {@code other} may work with this node, else why not (French first, then English). */
    String incompatibility(NodeIdentity other, String where) {
        if (!cluster.equals(other.cluster)) {
            return "le membre " + where + " appartient au cluster « " + other.cluster + " », ce nœud à « " + cluster
                    + " » / member " + where + " belongs to cluster '" + other.cluster + "', this node to '" + cluster
                    + "': check cluster.name and cluster.members";
        }
        if (!protocol.equals(other.protocol)) {
            return "le membre " + where + " parle le protocole " + other.protocol + " (Vigie " + other.version
                    + "), ce nœud le protocole " + protocol + " (Vigie " + version + ") / member " + where
                    + " runs an incompatible Vigie version (" + other.version + ", protocol " + other.protocol
                    + "; this node " + version + ", protocol " + protocol + "): upgrade every node";
        }
        return null;
    }
}
