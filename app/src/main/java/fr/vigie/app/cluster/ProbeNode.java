package fr.vigie.app.cluster;

import fr.vigie.aggregator.vantage.Heartbeat;
import fr.vigie.app.system.Sections;
import fr.vigie.config.ClusterConfig;
import fr.vigie.config.Vantage;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.schedule.ProbeEngine;
import io.vertx.core.shareddata.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code vigie run --role probe --vantage NAME}: probes only. Claims its vantage name cluster-wide, publishes
 * every step result on the clustered event bus (both controllers receive them) and a heartbeat with its clock.
 */
public final class ProbeNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeNode.class);

    private final ClusterNode node;
    private final ProbeEngine engine;
    private final long heartbeatTimer;
    private final Lock claim;

    private ProbeNode(ClusterNode node, ProbeEngine engine, long heartbeatTimer, Lock claim) {
        this.node = node;
        this.engine = engine;
        this.heartbeatTimer = heartbeatTimer;
        this.claim = claim;
    }

    public static ProbeNode start(VigieConfig config, String vantage, Optional<Path> record, Clock clock)
            throws Exception {
        ClusterConfig cluster = config.clusterSettings().orElseThrow();
        ClusterNode node = ClusterNode.join(cluster, "probe", vantage);
        try {
            Lock claim = VantageClaim.claim(node.vertx(), vantage, node.nodeId());
            VigieConfig mine = config.withVantage(new Vantage(vantage, vantage));
            Runnable beat = () -> node.vertx().eventBus().publish(HeartbeatCodec.ADDRESS,
                    HeartbeatCodec.toJson(new Heartbeat(vantage, node.nodeId(), clock.instant())));
            beat.run();
            long timer = node.vertx().setPeriodic(cluster.heartbeat().toMillis(), id -> beat.run());
            ProbeEngine engine = ProbeEngine.start(node.vertx(), Sections.probes(mine), record).toCompletionStage()
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            LOG.info("probing {} targets from vantage {}", config.targets().size(), vantage);
            return new ProbeNode(node, engine, timer, claim);
        } catch (Exception e) {
            node.close();
            throw e;
        }
    }

    @Override
    public void close() {
        node.vertx().cancelTimer(heartbeatTimer);
        try {
            engine.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("while stopping the probes: {}", e.toString());
        }
        claim.release();
        node.close();
    }
}
