package fr.vigie.bench.blackbox;

import java.util.Locale;

/** One line per run, the same shape for both sides, read by bench/blackbox.sh. */
final class Report {
    private Report() {
    }

    static void print(String who, double rate, double wallSeconds, RateDriver run, double userMs, double systemMs,
                      Latencies took) {
        long done = run.succeeded.get() + run.failed.get();
        double cpuMs = userMs + systemMs;
        System.out.printf(Locale.ROOT, "%-8s offered %6.0f/s  done %7.1f/s  ok %d  failed %d  skipped %d  "
                        + "CPU %.3f ms/check (user %.3f, system %.3f; %.0f%% of a core)  "
                        + "duration median %.2f ms, p90 %.2f ms%n",
                who, rate, done / wallSeconds, run.succeeded.get(), run.failed.get(), run.skipped.get(),
                done == 0 ? Double.NaN : cpuMs / done, done == 0 ? Double.NaN : userMs / done,
                done == 0 ? Double.NaN : systemMs / done, cpuMs / 10 / wallSeconds,
                took.quantile(0.5), took.quantile(0.9));
    }
}
