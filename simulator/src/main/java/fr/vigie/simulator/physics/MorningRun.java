package fr.vigie.simulator.physics;

import fr.vigie.simulator.faults.GroundTruthRecord;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Plays one morning as a discrete-event simulation on a simulated clock: per target, rounds fall due every
 * interval at the prober's fixed per-target offset (CRC-32 of the id modulo the interval); a round walks the
 * journey's steps one after the other, each starting when the previous ended; a failed step aborts the journey
 * (the rest are {@code skipped}), and a round due while the previous one still runs is one {@code skipped} result.
 * Each step meets the conditions the morning's mechanisms make at its start. Lines are written in time order, then
 * the ground truth with, per segment, the first result in it that shows an effect.
 */
final class MorningRun {
    /** Summary of a written morning. */
    record Summary(int traceLines, int truthLines) {
    }

    private record Line(long ts, String json) {
    }

    private final PhysicsFleet fleet;
    private final Duration interval;
    private final StepPhysics physics;

    MorningRun(PhysicsFleet fleet, Duration interval) {
        this.fleet = fleet;
        this.interval = interval;
        this.physics = new StepPhysics(ServerPool.standard(), fleet.connectTimeout().toMillis(),
                fleet.stepTimeout().toMillis());
    }

    Summary run(Morning m, Writer trace, Writer truth) throws IOException {
        List<Line> lines = new ArrayList<>();
        Map<String, List<Long>> effects = new HashMap<>();
        for (PhysicsTarget target : fleet.targets()) {
            effects.put(target.id(), probe(m, target, lines));
        }
        lines.sort(Comparator.comparingLong(Line::ts));
        for (Line l : lines) {
            trace.write(l.json());
            trace.write('\n');
        }
        int truthLines = 0;
        int k = 0;
        for (Mechanism mech : m.mechanisms()) {
            k++;
            String faultId = "p" + (m.index() + 1) + "-" + k + "-" + mech.name();
            List<Mechanism.Segment> segments = mech.segments().stream()
                    .sorted(Comparator.comparing(Mechanism.Segment::start).thenComparing(Mechanism.Segment::target))
                    .toList();
            for (Mechanism.Segment s : segments) {
                Long first = firstEffect(effects.get(s.target()), s.start(), s.end());
                var json = new GroundTruthRecord(s.target(), s.fault(), s.cause(), s.start(), s.end(), faultId,
                        s.variant(), s.intensity()).toJson()
                        .put("mechanism", mech.name())
                        .put("first_effect", first == null ? null : Instant.ofEpochMilli(first).toString());
                truth.write(json.encode());
                truth.write('\n');
                truthLines++;
            }
        }
        return new Summary(lines.size(), truthLines);
    }

    /** Walks every round of one target; returns the start times of its results that show an effect. */
    private List<Long> probe(Morning m, PhysicsTarget target, List<Line> out) {
        Random r = new Random(Seeds.mix(m.seed(), target.index()));
        double rtt = 6 + 24 * new Random(Seeds.mix(m.seed(), 10_000 + target.index())).nextDouble();
        long step = interval.toMillis();
        long offset = crc(target.id()) % step;
        long startMs = m.start().toEpochMilli();
        long first = Math.floorDiv(startMs, step) * step + offset;
        if (first < startMs) {
            first += step;
        }
        List<Long> effects = new ArrayList<>();
        double busyUntil = 0;
        long round = 0;
        for (long due = first; due < m.end().toEpochMilli(); due += step, round++) {
            String run = target.id() + "-" + Long.toHexString(m.seed() & 0xffffff) + "-" + round;
            if (busyUntil > due) {
                TraceLine l = base(target, due, due, run + "-skip", target.steps().get(0));
                l.fail("skipped", null, null, "previous round still running");
                l.maintenance = conditions(m, target, Instant.ofEpochMilli(due)).maintenanceDeclared;
                out.add(new Line(due, l.json()));
                continue;
            }
            double now = due + r.nextDouble() * 3;   // the scheduler's own latency, a few ms
            boolean aborted = false;
            for (JourneySteps.Step s : target.steps()) {
                long ts = (long) now;
                TraceLine l = base(target, ts, due, run, s);
                Conditions c = conditions(m, target, Instant.ofEpochMilli(ts));
                if (aborted) {
                    l.fail("skipped", null, null, "journey aborted earlier");
                    l.maintenance = c.maintenanceDeclared;
                } else {
                    double ms = physics.play(target, s, c, rtt, r, l);
                    aborted = !l.outcome.equals("ok");
                    if (aborted || ms > 3 * physics.nominalMs(target, s, rtt) + 300
                        || (l.connectMs != null && l.connectMs > 500)) {
                        effects.add(ts);
                    }
                    now += ms + 0.5 + r.nextDouble();   // parsing and the next request's set-up
                }
                out.add(new Line(ts, l.json()));
            }
            busyUntil = now;
        }
        return effects;
    }

    private Conditions conditions(Morning m, PhysicsTarget target, Instant t) {
        Conditions c = Conditions.healthy(m.demand().rho(target, t));
        if (target.control()) {
            c.userRho = 0.05;   // a static page nobody else uses
        }
        for (Mechanism mech : m.mechanisms()) {
            mech.shape(target, t, c);
        }
        return c;
    }

    private TraceLine base(PhysicsTarget target, long ts, long scheduled, String run, JourneySteps.Step s) {
        TraceLine l = new TraceLine();
        l.ts = Instant.ofEpochMilli(ts);
        l.scheduled = Instant.ofEpochMilli(scheduled);
        l.target = target.id();
        l.vantage = fleet.vantage();
        l.journey = target.journey();
        l.run = run;
        l.step = s.name();
        l.kind = s.kind();
        return l;
    }

    private static Long firstEffect(List<Long> effects, Instant start, Instant end) {
        if (effects == null) {
            return null;
        }
        long from = start.toEpochMilli();
        long to = end.toEpochMilli();
        int i = java.util.Collections.binarySearch(effects, from);
        int idx = i >= 0 ? i : -i - 1;
        return idx < effects.size() && effects.get(idx) < to ? effects.get(idx) : null;
    }

    private static long crc(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
