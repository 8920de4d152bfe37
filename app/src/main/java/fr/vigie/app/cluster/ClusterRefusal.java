package fr.vigie.app.cluster;

/** This node may not join (another cluster, another protocol, a vantage name already taken): said plainly. */
public final class ClusterRefusal extends Exception {
    public ClusterRefusal(String message) {
        super(message);
    }
}
