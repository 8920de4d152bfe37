package fr.vigie.bench.replay;

import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates rounds of the 5-step journey for every target, every 30 s, with a realistic mix: mostly healthy,
 * a saturating hosting group now and then, a disk-full target, a DNS loss. Deterministic (fixed seed).
 */
final class SyntheticResults {
    private static final double[] USUAL_TTFB = {120, 8, 200, 150, 250};

    private SyntheticResults() {
    }

    static List<StepResult> generate(int count, int targets, int perGroup) {
        List<StepResult> out = new ArrayList<>(count);
        SplittableRandom random = new SplittableRandom(7);
        Instant start = Instant.parse("2021-04-06T04:00:00Z");
        String[] ids = new String[targets + 1];
        for (int i = 0; i < targets; i++) ids[i] = "ent-" + i;
        ids[targets] = "control";
        for (int round = 0; out.size() < count; round++) {
            Instant t = start.plus(Duration.ofSeconds(30L * round));
            int phase = (round / 60) % 6; // 30-minute phases: healthy, saturation, healthy, storage, healthy, dns
            for (int ti = 0; ti < ids.length && out.size() < count; ti++) {
                String run = ids[ti] + "-" + round;
                int group = ti / perGroup;
                for (int s = 0; s < 5 && out.size() < count; s++) {
                    Instant ts = t.plusMillis(ti * 50L + s * 200L);
                    double connect = 15 + random.nextDouble() * 10;
                    double ttfb = USUAL_TTFB[s] * (0.85 + random.nextDouble() * 0.3);
                    Outcome outcome = Outcome.OK;
                    String signature = null;
                    Integer status = 200;
                    if (phase == 1 && group == 0 && s != 1) {
                        ttfb *= 10;
                    } else if (phase == 3 && ti == 3 && s == 4) {
                        outcome = Outcome.SIGNATURE;
                        signature = "disk_full";
                        status = 507;
                    } else if (phase == 5 && group == 1) {
                        outcome = Outcome.DNS_FAILURE;
                        status = null;
                    }
                    boolean ok = outcome == Outcome.OK;
                    out.add(new StepResult(ts, ts, ids[ti], "bench", "ent", run, BenchConfig.STEPS.get(s),
                            BenchConfig.KINDS.get(s), outcome, status, signature, ok ? 1.0 : null,
                            ok ? connect : null, ok ? 12.0 : null, ok ? ttfb : null,
                            ok ? connect + ttfb + 30 : null, ok ? 5000 : 0, false, null, null, null));
                }
            }
        }
        return out;
    }
}
