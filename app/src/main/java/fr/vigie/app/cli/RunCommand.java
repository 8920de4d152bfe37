package fr.vigie.app.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code vigie run}: Start everything: probes, aggregator, status page, alerts. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Start everything: probes, aggregator, status page, alerts.")
public final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vigie run: not available yet");
        return 1;
    }
}
