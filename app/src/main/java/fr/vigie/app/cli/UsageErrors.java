package fr.vigie.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reports a command line picocli refused, naming every unknown option even when a required one is missing too
 * (picocli reports only the missing one then: {@code run --bogus-flag} said nothing of the typo).
 */
public final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        List<String> unmatched = cmd.getUnmatchedArguments();
        if (!(ex instanceof UnmatchedArgumentException) && !unmatched.isEmpty()) {
            err.println((unmatched.size() == 1 ? "Unknown option: " : "Unknown options: ")
                    + unmatched.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", ")));
        }
        err.println(ex.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            cmd.usage(err);
        }
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
}
