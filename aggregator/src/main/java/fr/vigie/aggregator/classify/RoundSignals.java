package fr.vigie.aggregator.classify;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The measurable facts of one journey run (a probe round) of one target, against its baselines.
 * Ratios are medians over steps of (measured / usual); NaN when no step measured that phase.
 *
 * @param start          time of the first step (result clock)
 * @param executed       steps that said something about the service (not skipped, not rejected credentials)
 * @param failed         executed steps that failed
 * @param symptoms       failing steps per symptom
 * @param failureLabels  failing steps per short label ("waiting_room", "http_503", "dns_failure")
 * @param staticExecuted static steps executed
 * @param staticFailed   static steps failed
 * @param writeExecuted  write steps executed
 * @param writeFailed    write steps failed
 * @param writeUnnamed   write steps failed with a bare code or a time-out (no body saying why)
 * @param readFailed     non-write, non-static steps failed
 * @param ttfbMs         median time-to-first-byte of answered steps
 * @param ttfbRatio      median TTFB ratio to baseline (dynamic steps)
 * @param staticRatio    median total-time ratio of static steps
 * @param writeRatio     median TTFB ratio of write steps
 * @param readRatio      median TTFB ratio of non-write dynamic steps
 * @param connectMs      median TCP connect time
 * @param connectRatio   median connect ratio to baseline
 * @param usualTtfbMs    median usual TTFB of the steps measured
 * @param synRetries     steps whose connect time sits 1, 2, 3 or 4 s above usual (SYN retransmissions)
 * @param declaredMaintenance a result was inside a declared maintenance window
 * @param queueWaitS     longest wait announced by a waiting room, or null
 * @param judgeable      baselines are known for the steps measured, so slowness can be judged
 * @param writeUnnamedBy the {@code writeUnnamed} steps per symptom
 * @param dynamicTtfbMs  median time-to-first-byte of answered dynamic (non-static) steps with a known baseline
 * @param badGateway     failing steps answered 502 Bad Gateway (the proxy got no valid answer from the application)
 * @param otherLoadOrApp failing reads or static files whose symptom names load or the application (a bare 5xx, a
 *                       time-out, a waiting room, an error page): the fault is not confined to the write path
 */
record RoundSignals(Instant start, int executed, int failed, Map<Symptom, Integer> symptoms,
                    Map<String, Integer> failureLabels, int staticExecuted,
                    int staticFailed, int writeExecuted, int writeFailed, int writeUnnamed, int readFailed, double ttfbMs,
                    double ttfbRatio, double staticRatio, double writeRatio, double readRatio, double connectMs,
                    double connectRatio, double usualTtfbMs, int synRetries, boolean declaredMaintenance,
                    Integer queueWaitS, boolean judgeable, Map<Symptom, Integer> writeUnnamedBy,
                    double dynamicTtfbMs, int badGateway, int otherLoadOrApp) {

    int count(Symptom s) {
        return symptoms.getOrDefault(s, 0);
    }

    /** Reads or static resources that answered in this round (the other side of a read/write asymmetry). */
    int answeredNonWrites() {
        return executed - writeExecuted - (failed - writeFailed);
    }

    double failRatio() {
        return executed == 0 ? 0 : (double) failed / executed;
    }

    static Map<Symptom, Integer> emptySymptoms() {
        return new EnumMap<>(Symptom.class);
    }
}
