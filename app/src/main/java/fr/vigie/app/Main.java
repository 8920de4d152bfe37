package fr.vigie.app;

import picocli.CommandLine;

/** Entry point of the {@code vigie} command. Chooses the log format before any logger exists. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogFormat.configureFrom(args);
        int code = new CommandLine(new VigieCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new fr.vigie.app.cli.UsageErrors())
                .execute(args);
        System.exit(code);
    }
}
