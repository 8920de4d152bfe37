package fr.vigie.bench.blackbox;

import picocli.CommandLine.Option;

/** The options both halves of the side-by-side comparison take, so that both run the same load. */
final class RateOptions {
    @Option(names = "--url", required = true, description = "the page to check (loopback only)")
    String url;
    @Option(names = "--rate", required = true, description = "checks per second")
    double rate;
    @Option(names = "--seconds", defaultValue = "20", description = "measured time (default ${DEFAULT-VALUE})")
    int seconds;
    @Option(names = "--warmup", defaultValue = "20",
            description = "unmeasured time first, for the JIT to settle (default ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--max-in-flight", defaultValue = "512", description = "checks at once at most")
    int maxInFlight;
}
