package fr.vigie.app.cli;

import fr.vigie.app.system.ReloadableSystem;
import fr.vigie.app.system.VigieSystem;
import fr.vigie.config.VigieConfig;
import fr.vigie.app.system.ServiceVertx;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code vigie run --config F}: starts probes, aggregator, status page, alerts and admin API until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start everything: scheduled probes, aggregator, status page, alerts and the admin API. "
                + "Stops cleanly on SIGTERM or Ctrl-C; SIGHUP reloads the configuration (refused, with every "
                + "error, when invalid).")
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML configuration.")
    Path config;

    @Option(names = "--record", paramLabel = "T.jsonl",
            description = "Also append every step result to this JSON-Lines trace (docs/trace-format.md).")
    Path record;

    @Option(names = "--role", paramLabel = "probe|controller",
            description = "Run one role of a cluster (needs a 'cluster' section, docs/cluster.md): 'probe' probes only "
                    + "and publishes its results, 'controller' stores, classifies, renders and alerts. Without it: "
                    + "everything in this one process, no cluster.")
    String role;

    @Option(names = "--vantage", paramLabel = "NAME",
            description = "With --role probe: the vantage this node probes from (unique in the cluster).")
    String vantage;

    @Option(names = "--cluster-listen", paramLabel = "HOST:PORT",
            description = "With --role: where this node's cluster manager listens, instead of cluster.listen.")
    String clusterListen;

    @Spec
    CommandSpec spec;

    /** Exit status of a node the cluster refused (another cluster or version, a vantage name already taken). */
    public static final int REFUSED = 3;

    @Override
    public Integer call() throws Exception {
        VigieConfig cfg = ConfigFiles.loadOrReport(config, System.getenv(), spec.commandLine().getErr());
        if (cfg == null) {
            return ConfigFiles.INVALID;
        }
        if (role != null || vantage != null || clusterListen != null) {
            return ClusterRun.run(cfg, role, vantage, clusterListen, Optional.ofNullable(record),
                    spec.commandLine().getErr());
        }
        // Held until the process ends: a second Vigie on the same store and outbox would corrupt both.
        Optional<DataDirLock> lock = DataDirLock.tryLock(cfg.storage().dataFolder());
        if (lock.isEmpty()) {
            spec.commandLine().getErr().println(DataDirLock.busyMessage("run", cfg.storage().dataFolder()));
            return DemoCommand.BUSY;
        }
        Optional<String> busy = BusyPorts.firstBusy(DemoCommand.listens(cfg));
        if (busy.isPresent()) {
            spec.commandLine().getErr().println("vigie run: " + busy.get());
            return DemoCommand.BUSY;
        }
        // The handler goes in before anything listens: the admin API answers ready during start, and a SIGHUP
        // that came before the handler would end the process (the JVM's default). One sent while starting
        // reloads as soon as the system is up.
        CompletableFuture<ReloadableSystem> started = new CompletableFuture<>();
        Signals.onHangup(() -> started.join().reloadNow());
        Vertx vertx = Vertx.vertx(ServiceVertx.options());
        ReloadableSystem system;
        try {
            system = ReloadableSystem.start(vertx, cfg, config, System::getenv, Optional.ofNullable(record));
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            throw e;
        }
        started.complete(system);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: journeys in flight finish (at most {}), then store and outbox are flushed",
                    VigieSystem.STOP_GRACE);
            system.close();
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
            stopped.countDown();
        }, "shutdown"));
        LOG.info("Vigie running with {} targets from {}", cfg.targets().size(), config);
        stopped.await();
        return 0;
    }
}
