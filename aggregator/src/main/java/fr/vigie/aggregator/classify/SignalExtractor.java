package fr.vigie.aggregator.classify;

import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns one round's step results into {@link RoundSignals}, comparing each phase with the target's baselines. */
final class SignalExtractor {
    /**
     * A SYN answered this long after the usual connect was retransmitted: RFC 6298's initial RTO of 1 s, then doubled
     * (1 s, 3 s after the first SYN: Linux before 6.7, most other systems), or Linux 6.7+'s linear SYN time-outs
     * ({@code tcp_syn_linear_timeouts}, default 4: 1, 2, 3, 4 s). Measured on this machine's kernel by SynLossTest.
     */
    private static final double[][] SYN_RETRY_BANDS = {{800, 1400}, {1800, 2400}, {2700, 3600}, {3700, 4400}};

    private final SymptomReader symptoms;

    SignalExtractor(SymptomReader symptoms) {
        this.symptoms = symptoms;
    }

    RoundSignals extract(List<StepResult> round, Baselines baselines, int slot) {
        int n = round.size();
        double[] ttfb = new double[n];
        double[] dyn = new double[n];
        double[] stat = new double[n];
        double[] write = new double[n];
        double[] read = new double[n];
        double[] conn = new double[n];
        double[] connRatio = new double[n];
        double[] usual = new double[n];
        int nTtfb = 0, nDyn = 0, nStat = 0, nWrite = 0, nRead = 0, nConn = 0, nUsual = 0;
        int executed = 0, failed = 0, staticExecuted = 0, staticFailed = 0, writeExecuted = 0, writeFailed = 0;
        int readFailed = 0, synRetries = 0, writeUnnamed = 0, badGateway = 0, otherLoadOrApp = 0;
        boolean declared = false, judgeable = true;
        Integer queueWait = null;
        Map<Symptom, Integer> counts = RoundSignals.emptySymptoms();
        Map<String, Integer> labels = new TreeMap<>();
        Map<Symptom, Integer> writeUnnamedBy = RoundSignals.emptySymptoms();
        double[] dynMs = new double[n];
        int nDynMs = 0;

        for (int i = 0; i < n; i++) {
            StepResult r = round.get(i);
            declared |= r.maintenance();
            Symptom s = symptoms.of(r);
            if (s == Symptom.NEUTRAL) {
                continue;
            }
            executed++;
            StepKind kind = r.kind() == null ? StepKind.PAGE : r.kind();
            boolean isStatic = kind == StepKind.STATIC;
            boolean isWrite = kind == StepKind.WRITE;
            if (isStatic) staticExecuted++;
            if (isWrite) writeExecuted++;
            if (s.failure()) {
                failed++;
                counts.merge(s, 1, Integer::sum);
                labels.merge(label(r), 1, Integer::sum);
                if (r.status() != null && r.status() == 502) badGateway++;
                if (isStatic) staticFailed++;
                else if (isWrite) {
                    writeFailed++;
                    if (unnamedWriteFailure(r, s)) {
                        writeUnnamed++;
                        writeUnnamedBy.merge(s, 1, Integer::sum);
                    }
                }
                else readFailed++;
                if (!isWrite && (s == Symptom.SATURATION || s == Symptom.APPLICATION)) otherLoadOrApp++;
            }
            if (r.queueWaitS() != null) {
                queueWait = queueWait == null ? r.queueWaitS() : Math.max(queueWait, r.queueWaitS());
            }
            boolean known = baselines.known(r.step());
            if (r.connectMs() != null) {
                double usualConnect = baselines.connect(r.step(), slot);
                conn[nConn] = r.connectMs();
                connRatio[nConn++] = known ? r.connectMs() / Math.max(usualConnect, 5) : 1;
                double extra = r.connectMs() - usualConnect;
                for (double[] band : SYN_RETRY_BANDS) {
                    if (extra >= band[0] && extra <= band[1]) synRetries++;
                }
            }
            if (r.outcome() == Outcome.CONNECT_TIMEOUT) {
                synRetries++;
            }
            if (!known && r.ttfbMs() != null) {
                judgeable = false;
            }
            if (r.ttfbMs() != null && known) {
                double usualTtfb = baselines.ttfb(r.step(), slot);
                usual[nUsual++] = usualTtfb;
                ttfb[nTtfb++] = r.ttfbMs();
                double ratio = r.ttfbMs() / usualTtfb;
                if (isStatic) {
                    if (r.totalMs() != null) stat[nStat++] = r.totalMs() / baselines.total(r.step(), slot);
                } else {
                    dyn[nDyn++] = ratio;
                    dynMs[nDynMs++] = r.ttfbMs();
                    if (isWrite) write[nWrite++] = ratio;
                    else read[nRead++] = ratio;
                }
            } else if (r.ttfbMs() != null) {
                ttfb[nTtfb++] = r.ttfbMs();
            }
        }
        return new RoundSignals(round.get(0).ts(), executed, failed, counts, labels, staticExecuted,
                staticFailed, writeExecuted, writeFailed, writeUnnamed, readFailed, RollingMedian.of(ttfb, nTtfb),
                RollingMedian.of(dyn, nDyn), RollingMedian.of(stat, nStat), RollingMedian.of(write, nWrite),
                RollingMedian.of(read, nRead), RollingMedian.of(conn, nConn), RollingMedian.of(connRatio, nConn),
                RollingMedian.of(usual, nUsual), synRetries, declared, queueWait, judgeable, writeUnnamedBy,
                RollingMedian.of(dynMs, nDynMs), badGateway, otherLoadOrApp);
    }

    /**
     * A write that failed without saying why in a way that names another cause: a bare 5xx, a time-out or a generic
     * error page. Wrong content, loops and oversized answers name the application, not what stores data; a reset is
     * the connection's fate (a lossy path, a crash, a mitigation device), not a storage answer.
     */
    private static boolean unnamedWriteFailure(StepResult r, Symptom s) {
        return switch (r.outcome()) {
            case HTTP_ERROR -> r.status() == null || r.status() >= 500;
            case RESPONSE_TIMEOUT -> true;
            case SIGNATURE -> s == Symptom.APPLICATION || s == Symptom.SATURATION && !"waiting_room".equals(r.signature())
                    && !"rate_limited".equals(r.signature());
            default -> false;
        };
    }

    private static String label(StepResult r) {
        if (r.outcome() == Outcome.SIGNATURE && r.signature() != null) {
            return r.signature();
        }
        if (r.outcome() == Outcome.HTTP_ERROR && r.status() != null) {
            return "http_" + r.status();
        }
        return r.outcome().wire();
    }
}
