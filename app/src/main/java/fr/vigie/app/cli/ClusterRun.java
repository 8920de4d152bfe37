package fr.vigie.app.cli;

import fr.vigie.app.cluster.ClusterRefusal;
import fr.vigie.app.cluster.ControllerNode;
import fr.vigie.app.cluster.ProbeNode;
import fr.vigie.config.ClusterConfig;
import fr.vigie.config.VigieConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/** {@code vigie run --role probe|controller}: checks the options, joins the cluster, runs until stopped. */
final class ClusterRun {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRun.class);
    private static final Pattern VANTAGE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private ClusterRun() {
    }

    static int run(VigieConfig cfg, String role, String vantage, String clusterListen, Optional<Path> record,
                   PrintWriter err) throws Exception {
        String problem = problem(cfg, role, vantage, clusterListen);
        if (problem != null) {
            err.println("vigie run: " + problem);
            err.flush();
            return ConfigFiles.INVALID;
        }
        ClusterConfig cluster = cfg.clusterSettings().orElseThrow();
        VigieConfig config = clusterListen == null ? cfg : cfg.withCluster(cluster.withListen(clusterListen));
        // Without a handler the JVM ends on SIGHUP: `systemctl reload` would take a cluster node down.
        Signals.onHangup(() -> LOG.warn("SIGHUP: reload is not available with --role yet; the running configuration "
                + "stays. Restart this node to apply a new file (its peers carry on meanwhile)."));
        AutoCloseable node;
        try {
            node = role.equals("probe") ? ProbeNode.start(config, vantage, record, Clock.systemUTC())
                    : ControllerNode.start(config, record, Clock.systemUTC());
        } catch (ClusterRefusal refused) {
            err.println("vigie run: " + refused.getMessage());
            err.flush();
            return RunCommand.REFUSED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            try {
                node.close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
            stopped.countDown();
        }, "shutdown"));
        LOG.info("Vigie {} running{}", role, vantage == null ? "" : " as vantage " + vantage);
        stopped.await();
        return 0;
    }

    /** What is wrong with the options, or null. */
    static String problem(VigieConfig cfg, String role, String vantage, String clusterListen) {
        if (role == null) {
            return "--vantage and --cluster-listen need --role probe or --role controller";
        }
        if (!role.equals("probe") && !role.equals("controller")) {
            return "bad --role '" + role + "': expected probe or controller";
        }
        if (cfg.clusterSettings().isEmpty()) {
            return "--role " + role + " needs a 'cluster' section in the configuration (docs/cluster.md)";
        }
        if (role.equals("probe") && (vantage == null || vantage.isBlank())) {
            return "a probe node needs its vantage name: --role probe --vantage NAME (e.g. paris-1)";
        }
        if (role.equals("probe") && !VANTAGE.matcher(vantage).matches()) {
            return "bad --vantage '" + vantage + "': use lower-case letters, digits and dashes (paris-1)";
        }
        if (role.equals("controller") && vantage != null) {
            return "--vantage applies to --role probe only: a controller does not probe";
        }
        if (clusterListen != null && !clusterListen.matches(".+:\\d{1,5}")) {
            return "bad --cluster-listen '" + clusterListen + "': expected host:port (127.0.0.1:5702)";
        }
        return null;
    }
}
