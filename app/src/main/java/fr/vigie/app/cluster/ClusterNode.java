package fr.vigie.app.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import fr.vigie.app.admin.HostPort;
import fr.vigie.app.system.ServiceVertx;
import fr.vigie.config.ClusterConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * A clustered Vert.x: Hazelcast configured in code (TCP/IP join with {@code cluster.members}, no multicast, no
 * auto-detection, fast failure detection so a dead leader is replaced within seconds), the event bus on the same
 * host. Joining checks every member's identity and leaves at once when one is incompatible.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    /** Hazelcast's own cluster name: the same for every Vigie, so that a wrong {@code cluster.name} is seen, not ignored. */
    static final String HAZELCAST_CLUSTER = "vigie";
    /** A member silent this long is declared dead (Hazelcast's default is 60 s): bounds leader takeover. */
    static final int MAX_NO_HEARTBEAT_SECONDS = 5;

    private final Vertx vertx;
    private final HazelcastClusterManager manager;
    private final NodeIdentity identity;

    private ClusterNode(Vertx vertx, HazelcastClusterManager manager, NodeIdentity identity) {
        this.vertx = vertx;
        this.manager = manager;
        this.identity = identity;
    }

    /** Joins the cluster; blocks. Refused (after leaving again) when a member is of another cluster or version. */
    public static ClusterNode join(ClusterConfig cluster, String role, String vantage) throws Exception {
        NodeIdentity me = new NodeIdentity(cluster.name(), NodeIdentity.PROTOCOL, NodeIdentity.currentVersion(), role,
                vantage == null ? "" : vantage);
        HostPort listen = HostPort.parse(cluster.listen());
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(cluster, listen, me));
        VertxOptions options = ServiceVertx.options().setEventBusOptions(
                new EventBusOptions().setHost(listen.host()).setPort(0));
        Vertx vertx = Vertx.builder().with(options).withClusterManager(manager).buildClustered()
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        ClusterNode node = new ClusterNode(vertx, manager, me);
        String problem = node.firstIncompatibility();
        if (problem != null) {
            node.close();
            throw new ClusterRefusal("refus de rejoindre le cluster / refusing to join the cluster: " + problem);
        }
        LOG.info("joined cluster {} as {} {} (node {}, {} member(s))", cluster.name(), role,
                vantage == null ? "" : vantage, manager.getNodeId(), manager.getNodes().size());
        return node;
    }

    static Config hazelcast(ClusterConfig cluster, HostPort listen, NodeIdentity me) {
        Config config = ConfigUtil.loadConfig(); // Vert.x's maps and multimap settings
        config.setClusterName(HAZELCAST_CLUSTER);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false"); // Vert.x leaves the cluster itself
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(MAX_NO_HEARTBEAT_SECONDS));
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        config.setProperty("hazelcast.local.localAddress", listen.host());
        config.setProperty("hazelcast.wait.seconds.before.join", "0"); // members are listed: no need to wait
        config.setProperty("hazelcast.health.monitoring.level", "OFF");
        config.getMemberAttributeConfig().setAttribute(NodeIdentity.CLUSTER, me.cluster());
        config.getMemberAttributeConfig().setAttribute(NodeIdentity.PROTOCOL_KEY, me.protocol());
        config.getMemberAttributeConfig().setAttribute(NodeIdentity.VERSION, me.version());
        config.getMemberAttributeConfig().setAttribute(NodeIdentity.ROLE, me.role());
        config.getMemberAttributeConfig().setAttribute(NodeIdentity.VANTAGE, me.vantage());
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(listen.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).setInterfaces(java.util.List.of(listen.host()));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1).setMembers(expanded(cluster.members()));
        return config;
    }

    /** Hazelcast reads host:port only: host:first-last becomes one entry per port. */
    static java.util.List<String> expanded(java.util.List<String> members) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String m : members) {
            int colon = m.lastIndexOf(':');
            String ports = m.substring(colon + 1);
            int dash = ports.indexOf('-');
            if (dash < 0) {
                out.add(m);
                continue;
            }
            int first = Integer.parseInt(ports.substring(0, dash));
            int last = Integer.parseInt(ports.substring(dash + 1));
            for (int p = first; p <= last; p++) {
                out.add(m.substring(0, colon) + ":" + p);
            }
        }
        return out;
    }

    private String firstIncompatibility() {
        HazelcastInstance hz = manager.getHazelcastInstance();
        for (Member m : hz.getCluster().getMembers()) {
            if (m.localMember()) {
                continue;
            }
            NodeIdentity other = new NodeIdentity(String.valueOf(m.getAttribute(NodeIdentity.CLUSTER)),
                    String.valueOf(m.getAttribute(NodeIdentity.PROTOCOL_KEY)),
                    String.valueOf(m.getAttribute(NodeIdentity.VERSION)), String.valueOf(m.getAttribute(NodeIdentity.ROLE)),
                    String.valueOf(m.getAttribute(NodeIdentity.VANTAGE)));
            String problem = identity.incompatibility(other, m.getAddress().toString());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    public Vertx vertx() {
        return vertx;
    }

    public String nodeId() {
        return manager.getNodeId();
    }

    /** Leaves the cluster and closes Vert.x; blocks. */
    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("while leaving the cluster: {}", e.toString());
        }
    }
}
