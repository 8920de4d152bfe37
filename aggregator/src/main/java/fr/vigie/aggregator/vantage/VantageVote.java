package fr.vigie.aggregator.vantage;

import fr.vigie.config.ClusterConfig;
import fr.vigie.config.Credentials;
import fr.vigie.config.Journey;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * k-of-n confirmation, in front of the classifier. Each target's round (same target, same scheduled instant,
 * which every vantage shares: rounds are aligned on the epoch) is gathered from every vantage; when every healthy
 * vantage has reported it, or {@code cluster.heartbeat-timeout} after its first result, the round is decided:
 * when at least {@code quorum} healthy vantages saw it fail, one failed run goes on to the classifier; otherwise a
 * healthy run does, and the failing vantages are kept as {@link Dissent}s. With no healthy run and too few
 * agreeing failures nothing goes on: the last published status stays, and {@link VantageReport#partialConfidence}
 * says so.
 *
 * <p>A vantage is healthy while its heartbeat is younger than {@code heartbeat-timeout}, its clock within
 * {@code max-clock-drift} of ours and its last control-target run passed; control runs of excluded vantages are
 * still read, so a vantage whose network comes back rejoins. Not thread-safe: call from one thread (the
 * aggregator's); {@link #report()} may be read from any.
 */
public final class VantageVote {
    public static final int MAX_DISSENTS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(VantageVote.class);

    private final ClusterConfig cluster;
    private final Consumer<StepResult> downstream;
    private final Clock clock;
    private final Duration roundWait;
    private final Map<String, Integer> expectedSteps = new HashMap<>();
    private final Set<String> controls = new TreeSet<>();
    private final Map<RoundKey, Round> rounds = new LinkedHashMap<>();
    private final Map<String, VantageState> vantages = new TreeMap<>();
    private final Deque<Dissent> dissents = new ArrayDeque<>();
    private volatile VantageReport report;
    private long results;
    private double transportSum;
    private double transportMax;
    private long decisions;
    private double decisionSum;
    private double decisionMax;

    /**
     * @param targets  the watched services (how many steps a round of each has, which are control targets)
     * @param journeys the configuration's journeys, by name
     */
    public VantageVote(List<Target> targets, Map<String, Journey> journeys, ClusterConfig cluster,
                       Consumer<StepResult> downstream, Clock clock) {
        this.cluster = cluster;
        this.downstream = downstream;
        this.clock = clock;
        this.roundWait = cluster.heartbeatTimeout();
        for (Target t : targets) {
            var journey = journeys.get(t.journey());
            boolean logged = t.credentials().filter(VantageVote::usable).isPresent();
            expectedSteps.put(t.id(), journey == null ? 1
                    : (int) journey.steps().stream().filter(s -> logged || !s.needsLogin()).count());
            if (t.kind() == TargetKind.CONTROL) {
                controls.add(t.id());
            }
        }
        this.report = buildReport(clock.instant());
    }

    private static boolean usable(Credentials c) {
        return c.username() != null && c.password() != null && !c.username().isEmpty() && !c.password().isEmpty();
    }

    /** One step result from any vantage. */
    public void accept(StepResult r) {
        Instant now = clock.instant();
        String vantage = r.vantage() == null ? "local" : r.vantage();
        vantages.computeIfAbsent(vantage, VantageState::new);
        Round round = rounds.computeIfAbsent(new RoundKey(r.target(), r.scheduled()), k -> new Round(k, now));
        if (round.closed && controls.contains(r.target())) {
            // a late control run still tells whether its vantage is healthy again (an excluded one is never awaited)
            List<StepResult> run = round.runs.computeIfAbsent(vantage, v -> new ArrayList<>());
            run.add(r);
            if (complete(round, vantage) && !abstains(run)) {
                controlSeen(vantages.get(vantage), run, now);
                refreshReport(now);
            }
            return;
        }
        if (round.closed) {
            LOG.debug("target={} vantage={} result after its round of {} was decided: not counted", r.target(),
                    vantage, r.scheduled());
            return;
        }
        round.runs.computeIfAbsent(vantage, v -> new ArrayList<>()).add(r);
        double transport = now.toEpochMilli() - endMillis(r);
        results++;
        transportSum += transport;
        transportMax = Math.max(transportMax, transport);
        maybeDecide(round, now);
    }

    /** A probe node's heartbeat, as it arrives. */
    public void heartbeat(Heartbeat beat) {
        Instant now = clock.instant();
        VantageState v = vantages.computeIfAbsent(beat.vantage(), VantageState::new);
        v.lastHeartbeat = now;
        v.clockOffset = Duration.between(now, beat.sentAt());
        refreshReport(now);
    }

    /** Decides the rounds that waited long enough and forgets old ones; call about once a second. */
    public void tick() {
        Instant now = clock.instant();
        for (Round round : List.copyOf(rounds.values())) {
            if (!round.closed) {
                maybeDecide(round, now);
            }
        }
        Instant forget = now.minus(roundWait.multipliedBy(4));
        for (Iterator<Round> it = rounds.values().iterator(); it.hasNext(); ) {
            Round r = it.next();
            if (r.closed && r.firstSeen.isBefore(forget)) {
                it.remove();
            }
        }
        refreshReport(now);
    }

    /** The latest report; safe from any thread. */
    public VantageReport report() {
        return report;
    }

    private void maybeDecide(Round round, Instant now) {
        Set<String> healthy = healthy(now);
        boolean allIn = !healthy.isEmpty() && healthy.stream().allMatch(v -> complete(round, v));
        if (!allIn && Duration.between(round.firstSeen, now).compareTo(roundWait) < 0) {
            return;
        }
        round.closed = true;
        if (controls.contains(round.key.target)) {
            for (Map.Entry<String, List<StepResult>> run : round.runs.entrySet()) {
                if (complete(round, run.getKey()) && !abstains(run.getValue())) {
                    controlSeen(vantages.get(run.getKey()), run.getValue(), now);
                }
            }
            healthy = healthy(now);
        }
        decide(round, healthy);
        refreshReport(now);
    }

    private void decide(Round round, Set<String> healthy) {
        List<String> failed = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (String v : healthy) { // sorted: the same choice on every controller
            List<StepResult> run = round.runs.get(v);
            if (run == null || !complete(round, v) || abstains(run)) {
                continue;
            }
            (failing(run) ? failed : passed).add(v);
        }
        int k = cluster.quorum();
        if (failed.size() >= k) {
            passOn(round.runs.get(failed.get(0)));
            for (String v : passed) {
                dissent(round, v, "ok", passed.size(), k);
            }
        } else {
            for (String v : failed) {
                dissent(round, v, firstFailure(round.runs.get(v)), failed.size(), k);
            }
            if (!passed.isEmpty()) {
                passOn(round.runs.get(passed.get(0)));
            }
        }
    }

    private void passOn(List<StepResult> run) {
        double waited = clock.millis() - endMillis(run.get(run.size() - 1));
        decisions++;
        decisionSum += waited;
        decisionMax = Math.max(decisionMax, waited);
        run.forEach(downstream);
    }

    private static double endMillis(StepResult r) {
        return r.ts().toEpochMilli() + (r.totalMs() == null ? 0 : r.totalMs());
    }

    private void dissent(Round round, String vantage, String outcome, int agreeing, int quorum) {
        dissents.addFirst(new Dissent(round.key.target, vantage, round.key.scheduled, outcome, agreeing, quorum));
        while (dissents.size() > MAX_DISSENTS) {
            dissents.removeLast();
        }
        LOG.info("target={} vantage={} round={} saw {} alone ({} of {} needed): not published", round.key.target,
                vantage, round.key.scheduled, outcome, agreeing, quorum);
    }

    private void controlSeen(VantageState v, List<StepResult> run, Instant now) {
        boolean ok = !failing(run);
        if (v.controlOk != null && v.controlOk != ok) {
            LOG.warn("vantage={} control targets {}", v.id, ok ? "answer again: back in the vote"
                    : "fail (" + firstFailure(run) + "): excluded from the vote");
        }
        v.controlOk = ok;
        v.controlFailure = ok ? null : firstFailure(run);
    }

    private boolean complete(Round round, String vantage) {
        List<StepResult> run = round.runs.get(vantage);
        return run != null && (run.size() >= expectedSteps.getOrDefault(round.key.target, 1) || abstains(run));
    }

    /** A round a vantage skipped because its previous one was still running says nothing about the service. */
    private static boolean abstains(List<StepResult> run) {
        return run.size() == 1 && run.get(0).outcome() == Outcome.SKIPPED;
    }

    private static boolean failing(List<StepResult> run) {
        return run.stream().anyMatch(r -> r.outcome() != Outcome.OK && r.outcome() != Outcome.SKIPPED);
    }

    private static String firstFailure(List<StepResult> run) {
        return run.stream().filter(r -> r.outcome() != Outcome.OK && r.outcome() != Outcome.SKIPPED)
                .map(r -> r.outcome().wire()).findFirst().orElse("ok");
    }

    private Set<String> healthy(Instant now) {
        Set<String> healthy = new TreeSet<>();
        for (VantageState v : vantages.values()) {
            if (v.problem(now) == null) {
                healthy.add(v.id);
            }
        }
        return healthy;
    }

    private void refreshReport(Instant now) {
        report = buildReport(now);
    }

    private VantageReport buildReport(Instant now) {
        List<VantageHealth> health = new ArrayList<>();
        for (VantageState v : vantages.values()) {
            String problem = v.problem(now);
            health.add(new VantageHealth(v.id, problem == null, problem == null ? "" : problem, v.lastHeartbeat,
                    v.clockOffset));
        }
        long healthy = health.stream().filter(VantageHealth::healthy).count();
        return new VantageReport(now, cluster.vantages(), cluster.quorum(), health, healthy < cluster.quorum(),
                new ArrayList<>(dissents), new VantageReport.Delays(results,
                results == 0 ? 0 : transportSum / results, transportMax, decisions,
                decisions == 0 ? 0 : decisionSum / decisions, decisionMax));
    }

    private record RoundKey(String target, Instant scheduled) {
    }

    private static final class Round {
        final RoundKey key;
        final Instant firstSeen;
        final Map<String, List<StepResult>> runs = new TreeMap<>();
        boolean closed;

        Round(RoundKey key, Instant firstSeen) {
            this.key = key;
            this.firstSeen = firstSeen;
        }
    }

    private final class VantageState {
        final String id;
        Instant lastHeartbeat;
        Duration clockOffset;
        Boolean controlOk;
        String controlFailure;

        VantageState(String id) {
            this.id = id;
        }

        /** Why this vantage is out of the vote, in French; null when it counts. */
        String problem(Instant now) {
            if (lastHeartbeat == null) {
                return "aucun battement de cœur reçu";
            }
            Duration silent = Duration.between(lastHeartbeat, now);
            if (silent.compareTo(cluster.heartbeatTimeout()) > 0) {
                return "battement de cœur absent depuis " + silent.toSeconds() + " s";
            }
            if (clockOffset.abs().compareTo(cluster.maxClockDrift()) > 0) {
                return "horloge décalée de " + clockOffset.toMillis() + " ms (au-delà de "
                        + cluster.maxClockDrift().toMillis() + " ms)";
            }
            if (Boolean.FALSE.equals(controlOk)) {
                return "cibles de contrôle en échec (" + controlFailure + ")";
            }
            return null;
        }
    }
}
