package fr.vigie.aggregator.classify;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Status;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Scores the causes one round supports and picks its candidate status. Thresholds are explained in
 * docs/classifier.md; every branch names the physics it relies on.
 */
final class RoundJudge {
    /** A failing share at or above this is a major outage: the journey is essentially unusable. */
    static final double MAJOR_SHARE = 0.8;
    /** Connect within twice the usual is "normal": queueing then lives behind accept, in TTFB. */
    static final double NORMAL_CONNECT_RATIO = 2.0;

    private final double slowFactor;

    RoundJudge(double slowFactor) {
        this.slowFactor = slowFactor;
    }

    RoundAssessment judge(RoundSignals s) {
        Map<Cause, Double> scores = new EnumMap<>(Cause.class);
        List<Evidence> evidence = new ArrayList<>();
        if (s.declaredMaintenance()) {
            scores.put(Cause.MAINTENANCE, 1.0);
            evidence.add(Words.of("maintenance déclarée", "declared maintenance"));
            return new RoundAssessment(s, Status.UNDER_MAINTENANCE, scores, 0.99, false, false, 0, 0, evidence);
        }
        boolean slow = s.judgeable() && !Double.isNaN(s.ttfbRatio()) && s.ttfbRatio() >= slowFactor;
        boolean connectNormal = (Double.isNaN(s.connectRatio()) || s.connectRatio() < NORMAL_CONNECT_RATIO)
                && s.synRetries() == 0;
        // Retransmitted SYNs on connections that did succeed: loss on the path, as under a flood. Time-outs
        // alone (every connect lost) are a host or route down.
        boolean floodedConnect = s.synRetries() - s.count(Symptom.UNREACHABLE) > 0;
        double strength = 0.0;

        if (s.failed() > 0) {
            strength = scoreFailures(s, slow, floodedConnect, scores);
        }
        boolean slowConnect = s.judgeable() && !Double.isNaN(s.connectRatio()) && s.connectRatio() >= slowFactor;
        if (slow || (slowConnect && s.synRetries() > 0)) {
            scoreLatency(s, slow, connectNormal, scores);
            strength = Math.max(strength, 0.7);
        }
        int network = s.count(Symptom.NETWORK) + s.count(Symptom.UNREACHABLE);
        boolean networkish = s.failed() > 0 && network * 2 >= s.failed();
        Status status = status(s, slow || (slowConnect && s.synRetries() > 0), scores);
        describe(s, slow, connectNormal, evidence);
        double unreachable = floodedConnect ? 0 : s.count(Symptom.UNREACHABLE);
        double hangs = slow ? 0 : s.failureLabels().getOrDefault("response_timeout", 0);
        return new RoundAssessment(s, status, scores, strength, networkish, slow, unreachable, hangs, evidence);
    }

    private double scoreFailures(RoundSignals s, boolean slow, boolean floodedConnect, Map<Cause, Double> scores) {
        add(scores, Cause.SATURATION, s.count(Symptom.SATURATION));
        add(scores, Cause.ATTACK, s.count(Symptom.ATTACK));
        // Body signatures name storage and maintenance directly: weigh them above the generic codes.
        add(scores, Cause.STORAGE, 2.0 * s.count(Symptom.STORAGE));
        add(scores, Cause.MAINTENANCE, 2.0 * s.count(Symptom.MAINTENANCE));
        add(scores, Cause.NETWORK, s.count(Symptom.NETWORK));
        // Connect time-outs next to SYN retransmissions on answered steps: packet loss under a flood.
        add(scores, floodedConnect ? Cause.ATTACK : Cause.NETWORK, s.count(Symptom.UNREACHABLE));
        // A 500 on a slow answer is overload; on a fast answer, a bug.
        add(scores, slow ? Cause.SATURATION : Cause.APPLICATION, s.count(Symptom.APPLICATION));
        // Writes failing (bare 5xx or time-out) while reads answer at their usual speed: the storage behind the
        // writes. Under load (reads slow too) a failing write is just one more overloaded request.
        boolean readsNormal = Double.isNaN(s.readRatio()) || s.readRatio() < slowFactor;
        if (s.writeUnnamed() > 0 && s.readFailed() == 0 && s.staticFailed() == 0 && readsNormal) {
            add(scores, Cause.STORAGE, 1.5 * s.writeUnnamed());
        }
        boolean signatures = s.count(Symptom.STORAGE) + s.count(Symptom.MAINTENANCE) + s.count(Symptom.ATTACK)
                + s.count(Symptom.SATURATION) > 0;
        return signatures ? 0.95 : 0.85;
    }

    private void scoreLatency(RoundSignals s, boolean slow, boolean connectNormal, Map<Cause, Double> scores) {
        boolean writesOnly = slow && !Double.isNaN(s.writeRatio()) && s.writeRatio() >= slowFactor
                && (Double.isNaN(s.readRatio()) || s.readRatio() < slowFactor / 1.5);
        if (writesOnly) {
            add(scores, Cause.STORAGE, 1.0);
        } else if (s.synRetries() > 0) {
            add(scores, Cause.ATTACK, 1.0);
        } else if (connectNormal) {
            add(scores, Cause.SATURATION, 1.0);
        } else {
            add(scores, Cause.SATURATION, 0.5);
            add(scores, Cause.NETWORK, 0.5);
        }
    }

    private Status status(RoundSignals s, boolean slow, Map<Cause, Double> scores) {
        if (s.failed() == 0) {
            return slow ? Status.DEGRADED_PERFORMANCE : Status.OPERATIONAL;
        }
        if (s.count(Symptom.MAINTENANCE) == s.failed()) {
            return Status.UNDER_MAINTENANCE;
        }
        double share = s.failRatio();
        if (share >= MAJOR_SHARE) {
            return Status.MAJOR_OUTAGE;
        }
        // Some users queued or throttled while the journey mostly works: slow, not down.
        if (s.count(Symptom.SATURATION) == s.failed() && share < 0.5) {
            return Status.DEGRADED_PERFORMANCE;
        }
        return Status.PARTIAL_OUTAGE;
    }

    private void describe(RoundSignals s, boolean slow, boolean connectNormal, List<Evidence> out) {
        if (s.failed() > 0) {
            StringJoiner fr = new StringJoiner(", ");
            StringJoiner en = new StringJoiner(", ");
            s.failureLabels().forEach((label, n) -> {
                fr.add(Words.labelFr(label) + (n > 1 ? " ×" + n : ""));
                en.add(Words.labelEn(label) + (n > 1 ? " ×" + n : ""));
            });
            out.add(Words.of(s.failed() + " étape" + (s.failed() > 1 ? "s" : "") + " sur " + s.executed()
                            + " en échec : " + fr,
                    s.failed() + " of " + s.executed() + " steps failing: " + en));
        }
        if (s.judgeable() && !Double.isNaN(s.ttfbRatio()) && (slow || s.ttfbRatio() >= 1.5) && !Double.isNaN(s.ttfbMs())) {
            out.add(Words.of("temps de réponse médian " + Words.durationFr(s.ttfbMs()) + ", "
                            + Words.factorFr(s.ttfbRatio()) + " fois l'habitude",
                    "median response time " + Words.durationEn(s.ttfbMs()) + ", " + Words.factorEn(s.ttfbRatio())
                            + " times the usual"));
        }
        boolean loadLike = slow || s.count(Symptom.SATURATION) + s.count(Symptom.ATTACK) > 0;
        if ((loadLike || s.synRetries() > 0) && !Double.isNaN(s.connectMs())) {
            if (connectNormal) {
                out.add(Words.of("connexion TCP normale (" + Words.durationFr(s.connectMs()) + ")",
                        "normal TCP connect (" + Words.durationEn(s.connectMs()) + ")"));
            } else if (s.synRetries() > 0) {
                String steps = s.synRetries() + (s.synRetries() > 1 ? " étapes" : " étape");
                out.add(Words.of("connexions TCP vers 1 s ou 3 s (" + steps + ") : paquets SYN perdus et retransmis",
                        "TCP connects near 1 s or 3 s (" + s.synRetries() + (s.synRetries() > 1 ? " steps" : " step")
                                + "): SYN packets lost and resent"));
            } else {
                out.add(Words.of("connexion TCP lente (" + Words.durationFr(s.connectMs()) + ")",
                        "slow TCP connect (" + Words.durationEn(s.connectMs()) + ")"));
            }
        }
        if (s.writeFailed() > 0 && s.staticFailed() == 0 && s.readFailed() == 0) {
            out.add(Words.of("seules les écritures échouent ; pages statiques et lectures normales",
                    "only writes fail; static pages and reads are fine"));
        } else if (loadLike && s.staticExecuted() > 0 && s.staticFailed() == 0
                && (Double.isNaN(s.staticRatio()) || s.staticRatio() < 2)) {
            out.add(Words.of("ressources statiques normales", "static resources are fine"));
        } else if (s.staticFailed() > 0 && s.staticFailed() == s.staticExecuted() && s.failed() > s.staticFailed()) {
            out.add(Words.of("même les ressources statiques échouent", "even static resources fail"));
        }
        if (s.queueWaitS() != null) {
            out.add(Words.of("attente annoncée " + s.queueWaitS() + " s", "announced wait " + s.queueWaitS() + " s"));
        }
    }

    private static void add(Map<Cause, Double> scores, Cause cause, double v) {
        if (v > 0) {
            scores.merge(cause, v, Double::sum);
        }
    }
}
