package fr.vigie.scoring;

import picocli.CommandLine;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The scoring mains' argument parsing with picocli: fills the options object, then checks what picocli cannot
 * say alone. {@code --help}: usage on {@code out}, exit 0. Bad arguments: what is wrong and the usage on
 * {@code err}, exit 2. Durations read as {@link ScoreMain#duration} (60s, 2m, 500ms, PT1M).
 */
final class Cli {
    private Cli() {
    }

    /**
     * @param check returns what is wrong with the parsed options, or null
     * @return the exit code when the command must stop here (help, bad arguments), null to go on
     */
    static Integer parse(Object options, String[] args, PrintStream out, PrintStream err, Supplier<String> check) {
        CommandLine cli = new CommandLine(options).registerConverter(Duration.class, ScoreMain::duration);
        String wrong;
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested() || cli.isVersionHelpRequested()) {
                cli.usage(out);
                return 0;
            }
            wrong = check.get();
        } catch (CommandLine.ParameterException e) {
            wrong = e.getMessage();
        }
        if (wrong == null) {
            return null;
        }
        err.println(cli.getCommandName() + ": " + wrong);
        cli.usage(err);
        return 2;
    }
}
