package fr.vigie.app.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code vigie classify}: Replay a recorded trace through the classifier. */
@Command(name = "classify", mixinStandardHelpOptions = true, description = "Replay a recorded trace through the classifier.")
public final class ClassifyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vigie classify: not available yet");
        return 1;
    }
}
