package fr.vigie.bench.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.bench.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Command line: {@code CalibrationMain --suite DIR [--grace 60s]} over a replayed suite (NN-truth.jsonl +
 * NN-verdicts.jsonl). Every verdict that names a cause to the public (non-operational, cause other than none,
 * unknown or vantage) is a forecast "this cause is right" with its confidence; it is right when a truth segment of
 * that target with that cause covers the verdict's time (with a grace for late ends). Prints the reliability table
 * (confidence bins: count, mean confidence, share right), the Brier score, and how many causes were withheld.
 */
public final class CalibrationMain {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] BINS = {0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001};

    private CalibrationMain() {
    }

    record Truth(String target, String cause, Instant start, Instant end) {
    }

    record Forecast(double confidence, boolean right) {
    }

    @Command(name = "CalibrationMain", mixinStandardHelpOptions = true, description = "Calibration of the"
            + " classifier's confidence against a classified suite's ground truth.")
    static final class Args {
        @Option(names = "--suite", required = true, description = "classified suite directory")
        Path suite;
        @Option(names = "--grace", defaultValue = "60s", description = "grace around truth segments, in seconds"
                + " (default ${DEFAULT-VALUE})")
        String grace;
    }

    public static void main(String[] args) throws IOException {
        Args a = Cli.parse(new Args(), args);
        Path suite = a.suite;
        Duration grace;
        try {
            grace = Duration.ofSeconds(Long.parseLong(a.grace.replace("s", "")));
        } catch (NumberFormatException e) {
            System.err.println("CalibrationMain: --grace wants seconds (60s), got " + a.grace);
            System.exit(2);
            return;
        }
        List<Forecast> forecasts = new ArrayList<>();
        int[] withheld = {0};
        try (Stream<Path> files = Files.list(suite)) {
            for (Path verdicts : files.filter(p -> p.getFileName().toString().endsWith("-verdicts.jsonl")).sorted()
                    .toList()) {
                String prefix = verdicts.getFileName().toString().replace("-verdicts.jsonl", "");
                List<Truth> truth = readTruth(suite.resolve(prefix + "-truth.jsonl"));
                forecasts.addAll(readForecasts(verdicts, truth, grace, withheld));
            }
        }
        print(forecasts, withheld[0], System.out);
    }

    static List<Truth> readTruth(Path file) throws IOException {
        List<Truth> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            JsonNode n = JSON.readTree(line);
            out.add(new Truth(n.path("target").asText(), n.path("cause").asText(), Instant.parse(n.path("start").asText()),
                    n.hasNonNull("end") ? Instant.parse(n.path("end").asText()) : Instant.MAX));
        }
        return out;
    }

    static List<Forecast> readForecasts(Path file, List<Truth> truth, Duration grace, int[] withheld)
            throws IOException {
        List<Forecast> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            JsonNode n = JSON.readTree(line);
            if (n.has("type") || "operational".equals(n.path("status").asText())) continue;
            String cause = n.path("cause").asText();
            if (cause.equals("unknown")) {
                withheld[0]++;
                continue;
            }
            if (cause.equals("none") || cause.equals("vantage")) continue;
            String target = n.path("target").asText();
            Instant ts = Instant.parse(n.path("ts").asText());
            boolean right = truth.stream().anyMatch(t -> t.target().equals(target) && t.cause().equals(cause)
                    && !ts.isBefore(t.start()) && !ts.isAfter(t.end().equals(Instant.MAX) ? Instant.MAX : t.end().plus(grace)));
            out.add(new Forecast(n.path("confidence").asDouble(), right));
        }
        return out;
    }

    static void print(List<Forecast> forecasts, int withheld, PrintStream out) {
        out.println("confidence   verdicts  mean conf  share right");
        double brier = 0;
        for (int b = 0; b + 1 < BINS.length; b++) {
            double lo = BINS[b];
            double hi = BINS[b + 1];
            List<Forecast> in = forecasts.stream().filter(f -> f.confidence() >= lo && f.confidence() < hi).toList();
            if (in.isEmpty()) continue;
            double mean = in.stream().mapToDouble(Forecast::confidence).average().orElse(0);
            double right = in.stream().filter(Forecast::right).count() / (double) in.size();
            out.printf(Locale.ROOT, "%.2f-%.2f  %9d  %9.2f  %11.2f%n", lo, Math.min(hi, 1.0), in.size(), mean, right);
        }
        for (Forecast f : forecasts) {
            double y = f.right() ? 1 : 0;
            brier += (f.confidence() - y) * (f.confidence() - y);
        }
        long right = forecasts.stream().filter(Forecast::right).count();
        out.printf(Locale.ROOT, "named causes: %d, right %d (%.1f %%), wrong %d; withheld (cause en cours d'analyse): %d%n",
                forecasts.size(), right, forecasts.isEmpty() ? 0 : 100.0 * right / forecasts.size(),
                forecasts.size() - right, withheld);
        out.printf(Locale.ROOT, "Brier score: %.3f (0 is perfect; always saying 0.5 gives 0.25)%n",
                forecasts.isEmpty() ? Double.NaN : brier / forecasts.size());
    }
}
