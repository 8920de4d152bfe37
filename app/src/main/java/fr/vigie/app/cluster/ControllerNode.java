package fr.vigie.app.cluster;

import fr.vigie.app.system.VigieSystem;
import fr.vigie.config.VigieConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code vigie run --role controller}: store, vote, classify, and, while leader, render and alert. Two controllers
 * receive the same results and keep the same state; the one holding the leader lock speaks.
 */
public final class ControllerNode implements AutoCloseable {
    private final ClusterNode node;
    private final VigieSystem system;

    private ControllerNode(ClusterNode node, VigieSystem system) {
        this.node = node;
        this.system = system;
    }

    public static ControllerNode start(VigieConfig config, Optional<Path> record, Clock clock) throws Exception {
        ClusterNode node = ClusterNode.join(config.clusterSettings().orElseThrow(), "controller", null);
        try {
            Leadership leadership = new Leadership(node.vertx(), node.nodeId());
            ControllerRole role = new ControllerRole(node.vertx(), config, clock, leadership, node.nodeId());
            VigieSystem system = VigieSystem.start(node.vertx(), config, record, clock, role);
            leadership.start(); // only once everything is wired: a leader renders and alerts at once
            return new ControllerNode(node, system);
        } catch (Exception e) {
            node.close();
            throw e;
        }
    }

    public VigieSystem system() {
        return system;
    }

    @Override
    public void close() {
        system.close();
        node.close();
    }
}
