package fr.vigie.app.cli;

import fr.vigie.aggregator.replay.ReplayClassifier;
import fr.vigie.app.system.Sections;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.trace.TraceFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code vigie classify --config F --trace T.jsonl}: replays a recorded trace through the same classifier as live,
 * using the results' own timestamps as the clock; one JSON line per verdict change, then the incidents.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Replay a recorded trace (docs/trace-format.md) through the classifier: one JSON line per change "
                + "of a target's verdict, then the incidents (docs/classify-output.md).")
public final class ClassifyCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The configuration the trace was recorded with.")
    Path config;

    @Option(names = "--trace", required = true, paramLabel = "T.jsonl", description = "A trace written by 'vigie run --record'.")
    Path trace;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the verdict timeline here instead of standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    private static TraceFormatException badLine(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof TraceFormatException t) {
                return t;
            }
        }
        return null;
    }

    @Override
    public Integer call() throws IOException {
        VigieConfig cfg = ConfigFiles.loadOrReport(config, System.getenv(), spec.commandLine().getErr());
        if (cfg == null) {
            return ConfigFiles.INVALID;
        }
        if (!Files.isRegularFile(trace)) {
            spec.commandLine().getErr().println("vigie classify: trace not found: " + trace);
            return ConfigFiles.INVALID; // like every missing file
        }
        Writer w;
        if (out == null) {
            w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        } else {
            // like render, report and calendar import: a missing folder is made; what cannot be written is named
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("vigie classify: cannot write " + out + ": "
                        + (Files.isDirectory(out) ? "it is a folder (--out names a file)" : e.toString()));
                return ConfigFiles.INVALID;
            }
        }
        try (w) {
            ReplayClassifier.Summary summary;
            try {
                summary = ReplayClassifier.replay(Sections.aggregator(cfg), trace, w);
            } catch (RuntimeException e) {
                TraceFormatException bad = badLine(e);
                if (bad == null) {
                    throw e;
                }
                w.flush(); // what was classified before the bad line stays written
                spec.commandLine().getErr().println("vigie classify: " + trace + ":" + bad.line() + ": "
                        + bad.getMessage().replaceFirst("^trace line \\d+: ", "")
                        + "; the output stopped there (the verdicts before this line are written)");
                return ConfigFiles.INVALID;
            }
            w.flush();
            spec.commandLine().getErr().printf("vigie classify: %d results, %d verdict changes, %d incidents%n",
                    summary.results(), summary.verdicts().size(), summary.incidents().size());
        }
        return 0;
    }
}
