package fr.vigie.aggregator.forecast;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What one school morning showed of one target's login: the calm and rush latencies and the worst moment.
 *
 * @param calmMs      median login time in the calm window (successful probes)
 * @param rushMs      75th percentile of the login time in the rush window, failures counted at their time-out
 * @param worstAt     local time of the slowest rush probe
 * @param worstMs     its time
 * @param errorShare  share of rush probes that failed
 * @param rushProbes  how many rush probes there were
 */
public record MorningSample(LocalDate day, double calmMs, double rushMs, LocalTime worstAt, double worstMs,
                            double errorShare, int rushProbes) {

    /**
     * The M/M/1-equivalent utilisation the rush shows: a queue at utilisation u multiplies a request's time by
     * 1 / (1 - u), so u = 1 - calm / rush (0 when the rush is no slower). Errors mean the front sheds load: the
     * pool was at its knee.
     */
    public double stress() {
        double u = calmMs <= 0 || rushMs <= calmMs ? 0 : 1 - calmMs / rushMs;
        if (errorShare >= 0.05) {
            u = Math.max(u, Math.min(0.99, 0.9 + errorShare));
        }
        return Math.min(u, 0.99);
    }
}
