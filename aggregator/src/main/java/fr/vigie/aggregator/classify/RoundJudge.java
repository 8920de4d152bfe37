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
    /** Latency alone degrades a service only from 1 s: the limit of a user's flow of thought (Nielsen, 1993). */
    static final double MIN_SLOW_TTFB_MS = 1000;
    /** Score per unnamed failing write in a read/write asymmetry: above a generic error (1), below a body naming it (2). */
    static final double WRITE_ASYMMETRY_WEIGHT = 1.5;

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
            return new RoundAssessment(s, Status.UNDER_MAINTENANCE, scores, 0.99, false, false, 0, 0, false, evidence, 0);
        }
        boolean slow = slow(s);
        boolean connectNormal = (Double.isNaN(s.connectRatio()) || s.connectRatio() < NORMAL_CONNECT_RATIO)
                && s.synRetries() == 0;
        double strength = 0.0;
        double connectivity = 0;
        double[] asymmetry = {0};
        if (s.failed() > 0) {
            connectivity = scoreFailures(s, slow, scores, asymmetry);
            strength = namedBySignature(s) ? 0.95 : 0.85;
        }
        boolean slowConnect = s.judgeable() && !Double.isNaN(s.connectRatio()) && s.connectRatio() >= slowFactor;
        boolean retransmitted = slowConnect && s.synRetries() > 0;
        if (slow || retransmitted) {
            connectivity += scoreLatency(s, slow, connectNormal, scores, asymmetry);
            strength = Math.max(strength, 0.7);
        }
        int network = s.count(Symptom.NETWORK) + s.count(Symptom.UNREACHABLE) + s.count(Symptom.CONNECTION_LOST);
        boolean networkish = s.failed() > 0 && network * 2 >= s.failed();
        Status status = status(s, slow || retransmitted, scores);
        describe(s, slow, connectNormal, evidence);
        double hangs = slow ? 0 : s.failureLabels().getOrDefault("response_timeout", 0);
        boolean thin = s.failed() <= 1 && !namedBySignature(s) && !slow;
        return new RoundAssessment(s, status, scores, strength, networkish, slow, connectivity, hangs, thin, evidence,
                asymmetry[0]);
    }

    /**
     * Slow enough to matter: {@code slowFactor} times the usual, and at least {@link #MIN_SLOW_TTFB_MS} in absolute
     * terms (a page going from 100 to 300 ms is three times slower and still instant for its user).
     */
    private boolean slow(RoundSignals s) {
        return s.judgeable() && !Double.isNaN(s.ttfbRatio()) && s.ttfbRatio() >= slowFactor
                && (Double.isNaN(s.dynamicTtfbMs()) || s.dynamicTtfbMs() >= MIN_SLOW_TTFB_MS);
    }

    /** A body signature names the failure directly (storage, maintenance, challenge page, waiting room...). */
    private static boolean namedBySignature(RoundSignals s) {
        return s.count(Symptom.STORAGE) + s.count(Symptom.MAINTENANCE) + s.count(Symptom.ATTACK)
                + s.failureLabels().getOrDefault("waiting_room", 0) + s.failureLabels().getOrDefault("rate_limited", 0)
                > 0;
    }

    /** @return the part of the scores that came from connection-level failures (resets, connect time-outs) */
    private double scoreFailures(RoundSignals s, boolean slow, Map<Cause, Double> scores, double[] asymmetry) {
        // Writes failing without a named cause while reads or static files answer at their usual speed: the
        // storage behind the writes. Under load (reads slow too) a failing write is one more overloaded request.
        boolean readsNormal = Double.isNaN(s.readRatio()) || s.readRatio() < slowFactor;
        // A round whose connections were resent (SYN retransmissions) is on a lossy path: a write timing out there
        // is the path's doing as likely as the disk's.
        boolean writesOnly = s.writeUnnamed() > 0 && s.readFailed() == 0 && s.staticFailed() == 0 && readsNormal
                && s.answeredNonWrites() > 0 && s.synRetries() == 0;
        Map<Symptom, Integer> counted = new EnumMap<>(Symptom.class);
        counted.putAll(s.symptoms());
        if (writesOnly) {
            s.writeUnnamedBy().forEach((symptom, n) -> counted.merge(symptom, -n, Integer::sum));
            add(scores, Cause.STORAGE, WRITE_ASYMMETRY_WEIGHT * s.writeUnnamed());
            asymmetry[0] += WRITE_ASYMMETRY_WEIGHT * s.writeUnnamed();
        }
        if (!slow && s.badGateway() > 0) {
            // 502: the proxy got no valid answer from the application (RFC 9110 15.6.3), while the answers that
            // came were at their usual speed: instances down or restarting, not a queue (an overload is slow, and
            // its proxies time out: 504).
            counted.merge(Symptom.SATURATION, -s.badGateway(), Integer::sum);
            counted.merge(Symptom.APPLICATION, s.badGateway(), Integer::sum);
        }
        add(scores, Cause.SATURATION, n(counted, Symptom.SATURATION));
        add(scores, Cause.ATTACK, n(counted, Symptom.ATTACK));
        // Body signatures name storage and maintenance directly: weigh them above the generic codes.
        add(scores, Cause.STORAGE, 2.0 * n(counted, Symptom.STORAGE));
        add(scores, Cause.MAINTENANCE, 2.0 * n(counted, Symptom.MAINTENANCE));
        add(scores, Cause.NETWORK, n(counted, Symptom.NETWORK));
        // Resets and connect time-outs: loss on the path, a host down or a flood. Provisionally network; the
        // episode decides with scope, waves and mitigation artefacts (Episode).
        double connectivity = n(counted, Symptom.UNREACHABLE) + n(counted, Symptom.CONNECTION_LOST);
        add(scores, Cause.NETWORK, connectivity);
        // A 500 on a slow answer is overload; on a fast answer, a bug.
        add(scores, slow ? Cause.SATURATION : Cause.APPLICATION, n(counted, Symptom.APPLICATION));
        return connectivity;
    }

    private static int n(Map<Symptom, Integer> counts, Symptom s) {
        return Math.max(0, counts.getOrDefault(s, 0));
    }

    /** @return the part of the scores that came from SYN retransmissions (as ambiguous as resets) */
    private double scoreLatency(RoundSignals s, boolean slow, boolean connectNormal, Map<Cause, Double> scores,
                                double[] asymmetry) {
        boolean writesOnly = slow && !Double.isNaN(s.writeRatio()) && s.writeRatio() >= slowFactor
                && (Double.isNaN(s.readRatio()) || s.readRatio() < slowFactor / 1.5);
        if (writesOnly) {
            add(scores, Cause.STORAGE, 1.0);
            asymmetry[0] += 1.0;
        } else if (s.synRetries() > 0) {
            // SYNs lost and resent: packet loss on the path or a flood filling the server's backlog.
            add(scores, Cause.NETWORK, 1.0);
            return 1.0;
        } else if (connectNormal) {
            add(scores, Cause.SATURATION, 1.0);
        } else {
            add(scores, Cause.SATURATION, 0.5);
            add(scores, Cause.NETWORK, 0.5);
        }
        return 0;
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
                out.add(Words.of("connexions TCP retardées de 1 à 4 s (" + steps + ") : paquets SYN perdus et retransmis",
                        "TCP connects delayed by 1 to 4 s (" + s.synRetries() + (s.synRetries() > 1 ? " steps" : " step")
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
