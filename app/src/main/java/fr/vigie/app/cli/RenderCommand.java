package fr.vigie.app.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code vigie render}: Render the status site from the store without probing. */
@Command(name = "render", mixinStandardHelpOptions = true, description = "Render the status site from the store without probing.")
public final class RenderCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vigie render: not available yet");
        return 1;
    }
}
