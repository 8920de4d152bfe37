package fr.vigie.app.cli;

import fr.vigie.app.demo.DemoAccount;
import fr.vigie.app.demo.StandaloneFleet;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code vigie simulate}: only the simulated fleet of a demo configuration, so that {@code vigie run --config}
 * the same file probes it from another process, as it would probe real platforms.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Start only the simulated fleet of a demo configuration (and its fault-injection API), until "
                + "Ctrl-C, so that 'vigie run --config' the same file probes it from another process. The test "
                + "account is read from VIGIE_DEMO_USERNAME and VIGIE_DEMO_PASSWORD, which 'vigie run' needs too.")
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "config/demo.yaml", paramLabel = "FILE",
            description = "Demo fleet configuration (default: ${DEFAULT-VALUE}). Only loopback targets are simulated.")
    Path config;

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "Play this scenario once from the start (built-in name or file); none by default.")
    String scenario;

    @Option(names = "--admin-port", defaultValue = "18099", paramLabel = "PORT",
            description = "Fault-injection API on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--ground-truth", defaultValue = "var/simulate/ground-truth.jsonl", paramLabel = "FILE",
            description = "Where injected faults are written (default: ${DEFAULT-VALUE}).")
    Path groundTruth;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String user = System.getenv("VIGIE_DEMO_USERNAME");
        String password = System.getenv("VIGIE_DEMO_PASSWORD");
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            spec.commandLine().getErr().println("vigie simulate: set VIGIE_DEMO_USERNAME and VIGIE_DEMO_PASSWORD, "
                    + "to the same values for 'vigie run'");
            return 1;
        }
        DemoAccount account = new DemoAccount(user, password);
        VigieConfig cfg = ConfigFiles.loadOrReport(config, System.getenv(), spec.commandLine().getErr());
        if (cfg == null) {
            return ConfigFiles.INVALID;
        }
        Path parent = groundTruth.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Optional<Scenario> play = Optional.ofNullable(scenario).map(Scenario::resolve);
        StandaloneFleet fleet = StandaloneFleet.start(cfg, account, adminPort, groundTruth, play);
        // Ctrl-C (or kill): faults still running are cleared, so their ground truth gets an end
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                fleet.close();
            } catch (Exception e) {
                System.err.println("vigie simulate: closing the fleet failed: " + e.getMessage());
            }
        }, "vigie-simulate-shutdown"));
        System.out.printf("Flotte simulée : %d services sur 127.0.0.1 ; API d'injection de pannes sur "
                + "127.0.0.1:%d%s ; Ctrl-C pour arrêter.%n", fleet.fleet().services().size(),
                fleet.fleet().adminPort(), play.map(s -> " ; scénario « " + s.name() + " »").orElse(""));
        System.out.flush();
        new CountDownLatch(1).await(); // until the process is stopped
        return 0;
    }
}
