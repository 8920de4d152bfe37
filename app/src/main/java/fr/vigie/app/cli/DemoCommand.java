package fr.vigie.app.cli;

import fr.vigie.app.demo.DemoAccount;
import fr.vigie.app.demo.DemoRun;
import fr.vigie.config.VigieConfig;
import fr.vigie.config.load.Durations;
import fr.vigie.simulator.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code vigie demo}: the whole system on embedded defaults against a simulated fleet on loopback, replaying a
 * compressed 6 April 2021 morning, then printing what Vigie detected against what was injected.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole system against a simulated fleet on loopback (no external server): replays a "
                + "compressed 6 April 2021 morning in about five minutes, serves the status page on "
                + "http://localhost:8080 and ends with the score of what Vigie detected against what was injected.")
public final class DemoCommand implements Callable<Integer> {
    /** Exit status when the data folder or a port is taken by another Vigie. */
    static final int BUSY = 1;

    @Option(names = "--config", defaultValue = "config/demo.yaml", paramLabel = "FILE",
            description = "Demo fleet configuration (default: ${DEFAULT-VALUE}). Only loopback targets are simulated.")
    Path config;

    @Option(names = "--scenario", defaultValue = "2021-04-06", paramLabel = "NAME|FILE",
            description = "Built-in scenario (2021-04-06, hosting-outage, application-faults, dns-outage) or a scenario file.")
    String scenario;

    @Option(names = "--record", arity = "0..1", fallbackValue = "var/demo/trace.jsonl", paramLabel = "FILE",
            description = "Keep the probe trace (default file when given alone: ${FALLBACK-VALUE}); replay it with "
                    + "'vigie classify'.")
    Path record;

    @Option(names = "--tail", defaultValue = "45s", paramLabel = "DURATION",
            description = "Keep probing this long after the scenario ends, to see recoveries (default: ${DEFAULT-VALUE}).")
    String tail;

    @Option(names = "--stay", description = "Keep serving the status page after the score, until Ctrl-C.")
    boolean stay;

    @Option(names = "--keep-history", description = "Keep the previous demo's store instead of starting afresh.")
    boolean keepHistory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DemoAccount account = DemoAccount.fromOrGenerate(System.getenv());
        VigieConfig cfg = ConfigFiles.loadOrReport(config, account.environment(System.getenv()),
                spec.commandLine().getErr());
        if (cfg == null) {
            return ConfigFiles.INVALID;
        }
        Path store = cfg.storage().path().toAbsolutePath();
        Path workDir = cfg.storage().dataFolder();
        PrintWriter err = spec.commandLine().getErr();
        // The lock first: a demo already running on this folder keeps its store and outbox.
        Optional<DataDirLock> lock = DataDirLock.tryLock(workDir);
        if (lock.isEmpty()) {
            err.println(DataDirLock.busyMessage("demo", workDir));
            return BUSY;
        }
        try (DataDirLock held = lock.get()) {
            Optional<String> busy = BusyPorts.firstBusy(listens(cfg));
            if (busy.isPresent()) {
                err.println("vigie demo: " + busy.get());
                return BUSY;
            }
            if (!keepHistory) {
                forgetPreviousRun(store, workDir);
            }
            try {
                new DemoRun(cfg, account, Scenario.resolve(scenario), workDir, Optional.ofNullable(record),
                        Durations.parse(tail), System.out).run(stay);
            } catch (Exception e) {
                if (BusyPorts.bindFailure(e).isPresent()) {
                    err.println("vigie demo: a port of the simulated fleet or of Vigie is already in use ("
                            + BusyPorts.bindFailure(e).get().getMessage() + "); is another demo or 'vigie simulate'"
                            + " running?");
                    return BUSY;
                }
                throw e;
            }
            return 0;
        }
    }

    /** Vigie's own listeners, checked before anything starts. */
    static Map<String, String> listens(VigieConfig cfg) {
        Map<String, String> listens = new LinkedHashMap<>();
        listens.put("site.listen", cfg.site().listen());
        listens.put("alerts.admin.listen", cfg.alerts().admin() == null ? null : cfg.alerts().admin().listen());
        return listens;
    }

    /**
     * Deletes only the files a demo run writes (store, outbox, ground truth, login pauses), never a folder it did
     * not make. Each demo generates a new account, so a previous demo's pauses mean nothing.
     */
    private static void forgetPreviousRun(Path store, Path workDir) throws IOException {
        for (String name : new String[] {store.getFileName().toString(), "alerts-outbox.db", "ground-truth.jsonl",
                "login-backoff.properties"}) {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(workDir.resolve(name + suffix));
            }
        }
    }
}
