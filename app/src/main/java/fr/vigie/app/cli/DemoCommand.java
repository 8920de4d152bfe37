package fr.vigie.app.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code vigie demo}: Run the whole system against a simulated fleet replaying 6 April 2021. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the whole system against a simulated fleet replaying 6 April 2021.")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vigie demo: not available yet");
        return 1;
    }
}
