package fr.vigie.aggregator.classify;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Status;

import java.util.List;
import java.util.Map;

/**
 * What one round alone says about a target: a candidate status, a score per cause and the evidence.
 *
 * @param strength how directly the data names the cause: 0.95 for body signatures, less for latency alone
 * @param networkish most failures were DNS, refused or unanswered connections (what a prober-side fault gives)
 * @param slow       time-to-first-byte well above the usual
 * @param connectivity part of the network score that came from connection-level failures (resets, connect
 *                   time-outs, SYN retransmissions): loss on the path, a host down and a flood look the same
 * @param hangs      part of the saturation score that came from response time-outs while answered steps were
 *                   fast (a fail-slow disk hangs requests the same way)
 * @param thin       at most one failing step, no body naming a cause, not slow: a transient until confirmed
 * @param writeAsymmetry part of the storage score that came from a read/write asymmetry (writes failing without a
 *                   body naming storage, or slow, while reads answer at their usual speed), not from a body naming it
 */
record RoundAssessment(RoundSignals signals, Status status, Map<Cause, Double> scores, double strength,
                       boolean networkish, boolean slow, double connectivity, double hangs, boolean thin,
                       List<Evidence> evidence, double writeAsymmetry) {
    boolean healthy() {
        return status == Status.OPERATIONAL;
    }

    /** Connections lost, timed out or established only after resent SYNs: what a path, a host or a flood does. */
    boolean losesConnections() {
        return connectivity > 0 || !healthy() && signals.synRetries() > 0;
    }

    /** Slow, or failing with load symptoms (queue, time-out, 503): what a crowd or an application flood does. */
    boolean loaded() {
        return !healthy() && (slow || scores.getOrDefault(fr.vigie.aggregator.Cause.SATURATION, 0.0) > 0);
    }
}
