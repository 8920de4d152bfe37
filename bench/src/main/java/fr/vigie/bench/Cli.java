package fr.vigie.bench;

import picocli.CommandLine;

/**
 * The benchmarks' argument parsing with picocli: the options object of a main is filled from its arguments;
 * {@code --help} prints the usage and exits 0, bad arguments print what is wrong and the usage, and exit 2.
 */
public final class Cli {
    private Cli() {
    }

    public static <T> T parse(T options, String[] args) {
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println(cli.getCommandName() + ": " + e.getMessage());
            cli.usage(System.err);
            System.exit(2);
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            System.exit(0);
        }
        return options;
    }
}
