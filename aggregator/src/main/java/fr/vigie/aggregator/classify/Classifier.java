package fr.vigie.aggregator.classify;

import fr.vigie.config.calendar.SchoolCalendar;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.ClassifierConfig;
import fr.vigie.config.Journey;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, per target, a status and a probable cause with evidence, from step results alone and their own
 * timestamps. Results are grouped into rounds (one journey run); each finished round is judged
 * ({@link RoundJudge}), correlated with the other targets ({@link FleetView}) and passed through hysteresis:
 * a non-operational status is published after {@code openAfterRounds} bad rounds, withdrawn after
 * {@code closeAfterRounds} healthy ones. Deterministic: the same results in the same order give the same verdicts.
 * Not thread-safe: call from one thread.
 */
public final class Classifier {
    /** A cause holds (is listed in {@code causes}) at this share of the primary cause's score. */
    static final double SECONDARY_SHARE = 0.34;
    /** The published cause stays primary while its score is at least this share of the best one. */
    static final double CAUSE_KEEP_SHARE = 0.8;

    private final VigieConfig config;
    private final ClassifierConfig tuning;
    private final ZoneId zone;
    private final DayTypes days;
    private final SignalExtractor extractor;
    private final RoundJudge judge;
    private final FleetView fleet;
    private final Map<String, TargetState> targets = new HashMap<>();

    public Classifier(VigieConfig config) {
        this.config = config;
        this.tuning = config.classifier() == null ? ClassifierConfig.defaults() : config.classifier();
        this.zone = config.site() == null || config.site().timeZone() == null
                ? ZoneId.of("Europe/Paris") : config.site().timeZone();
        this.days = new DayTypes(config.calendars(), SchoolCalendar.load());
        this.extractor = new SignalExtractor(new SymptomReader(
                config.probing() == null ? List.of() : config.probing().signatures()));
        this.judge = new RoundJudge(tuning.slowFactor());
        this.fleet = new FleetView(tuning.window());
    }

    /**
     * Takes one result (in time order per target).
     *
     * @return the verdict of the round this result completed (published state, possibly unchanged), or nothing
     *         while a round is still being collected
     */
    public List<Verdict> accept(StepResult r) {
        TargetState t = targets.computeIfAbsent(r.target(), this::newState);
        if (r.run() == null && r.outcome() == Outcome.SKIPPED) {
            // "previous round still running": not a round of its own, and the running one is still arriving.
            return List.of();
        }
        String run = r.run() == null ? String.valueOf(r.scheduled()) : r.run();
        List<Verdict> out = new ArrayList<>(1);
        if (t.finished.contains(run)) {
            t.roundSize++; // a straggler of a round already judged: this target's runs are longer than learnt
            return out;
        }
        List<StepResult> round = t.runs.computeIfAbsent(run, k -> new ArrayList<>());
        round.add(r);
        int expected = t.roundSize > 0 ? t.roundSize : t.expectedSteps;
        if (expected > 0 && round.size() >= expected) {
            addIfJudged(out, finish(t, run, false));
        }
        // Runs may overlap (a slow run still reporting when the next starts): keep a few open; without a known
        // size, a new run means the previous one is complete.
        int maxOpen = expected > 0 ? TargetState.MAX_OPEN_ROUNDS : 1;
        while (t.runs.size() > maxOpen) {
            addIfJudged(out, finish(t, t.runs.keySet().iterator().next(), true));
        }
        return out;
    }

    /** Judges every round still being collected (end of a replay), in target id order. */
    public List<Verdict> closeOpenRounds() {
        List<Verdict> out = new ArrayList<>();
        targets.values().stream().filter(t -> !t.runs.isEmpty()).sorted(Comparator.comparing(t -> t.id))
                .forEach(t -> {
                    while (!t.runs.isEmpty()) {
                        addIfJudged(out, finish(t, t.runs.keySet().iterator().next(), false));
                    }
                });
        return out;
    }

    /** Removes a run from the open ones and judges it; a run closed by a newer one teaches this target's run size. */
    private Verdict finish(TargetState t, String run, boolean supersededByNewer) {
        List<StepResult> round = t.runs.remove(run);
        if (supersededByNewer && t.runsSeen > 0) {
            // not the very first run seen, which a trace may have cut
            t.roundSize = Math.max(t.roundSize, round.size());
        }
        t.runsSeen++;
        t.finished.add(run);
        if (t.finished.size() > TargetState.MAX_OPEN_ROUNDS * 2) {
            t.finished.remove(t.finished.iterator().next());
        }
        return closeRound(t, round);
    }

    /** Resumes from the last verdict stored before a restart, so an open episode is not re-announced. */
    public void restore(Verdict last) {
        TargetState t = targets.computeIfAbsent(last.target(), this::newState);
        t.published = last;
        t.publishedCause = last.cause();
        t.open = last.status() != Status.OPERATIONAL || last.cause() != Cause.NONE;
        t.consecutiveBad = t.open ? tuning.openAfterRounds() : 0;
    }

    private TargetState newState(String id) {
        Target target = config.target(id).orElse(null);
        if (target == null) {
            return new TargetState(id, null, TargetKind.ENT, 0, null);
        }
        return new TargetState(id, target.hostingGroup(), target.kind(), expectedSteps(target), target.holidayZone());
    }

    /**
     * Steps a run reports before any run was seen: the whole journey (skipped steps are reported too). A target
     * whose runs are shorter (steps left out without credentials) is learnt from its first complete run.
     */
    private int expectedSteps(Target target) {
        Journey j = config.journeyOf(target);
        return j == null ? 0 : j.steps().size();
    }

    private static void addIfJudged(List<Verdict> out, Verdict v) {
        if (v != null) {
            out.add(v);
        }
    }

    /** @return the verdict after this round, or null when the round said nothing about the service */
    private Verdict closeRound(TargetState t, List<StepResult> round) {
        StepResult first = round.get(0);
        Instant decidedAt = round.get(round.size() - 1).ts();
        ZonedDateTime local = first.ts().atZone(zone);
        int slot = local.getHour() + (days.schoolDay(local.toLocalDate(), t.holidayZone) ? 0 : 24);
        round = markDeclaredMaintenance(t, round);

        RoundSignals signals = extractor.extract(round, t.baselines, slot);
        if (signals.executed() == 0 && !signals.declaredMaintenance()) {
            // Only skipped steps (account in back-off): neither healthy nor failing evidence.
            return null;
        }
        RoundAssessment a = judge.judge(signals);
        learn(t, round, slot, a);

        boolean unhealthy = !a.healthy();
        fleet.update(t.id, t.group, t.kind, first.ts(), unhealthy, a.networkish());
        if (unhealthy && a.status() != Status.UNDER_MAINTENANCE
                && fleet.vantageSuspected(t.id, t.kind, true, a.networkish(), first.ts())) {
            a = asVantage(a, t);
        }
        t.remember(a);
        return hysteresis(t, a, decidedAt);
    }

    private List<StepResult> markDeclaredMaintenance(TargetState t, List<StepResult> round) {
        if (config.maintenance().isEmpty()) {
            return round;
        }
        List<StepResult> out = new ArrayList<>(round.size());
        for (StepResult r : round) {
            boolean declared = r.maintenance();
            for (MaintenanceWindow w : config.maintenance()) {
                declared |= w.covers(t.id, t.group, r.ts());
            }
            out.add(declared == r.maintenance() ? r : new StepResult(r.ts(), r.scheduled(), r.target(), r.vantage(),
                    r.journey(), r.run(), r.step(), r.kind(), r.outcome(), r.status(), r.signature(), r.dnsMs(),
                    r.connectMs(), r.tlsMs(), r.ttfbMs(), r.totalMs(), r.bytes(), true, r.queuePosition(),
                    r.queueWaitS(), r.detail()));
        }
        return out;
    }

    /** Baselines learn from healthy rounds only, and from any answered step while they know nothing yet. */
    private static void learn(TargetState t, List<StepResult> round, int slot, RoundAssessment a) {
        for (StepResult r : round) {
            if (r.ok() && (a.healthy() || !t.baselines.known(r.step())) && !r.maintenance()) {
                t.baselines.learn(r.step(), slot, r.ttfbMs(), r.connectMs(), r.totalMs());
            }
        }
    }

    private RoundAssessment asVantage(RoundAssessment a, TargetState t) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(t.kind == TargetKind.CONTROL
                ? Words.of("la cible témoin échoue : problème du côté de la sonde Vigie, pas du service",
                "the control target fails: the problem is on Vigie's probing side, not the service")
                : Words.of("presque toutes les cibles injoignables en même temps : problème du côté de la sonde Vigie",
                "nearly every target unreachable at once: the problem is on Vigie's probing side"));
        evidence.addAll(a.evidence());
        double total = a.scores().values().stream().mapToDouble(Double::doubleValue).sum();
        Map<Cause, Double> scores = new EnumMap<>(Cause.class);
        scores.put(Cause.VANTAGE, Math.max(1.0, 2 * total));
        return new RoundAssessment(a.signals(), a.status(), scores, 0.9, true, a.slow(), 0, 0, evidence);
    }

    private Verdict hysteresis(TargetState t, RoundAssessment a, Instant decidedAt) {
        boolean bad = !a.healthy();
        if (bad) {
            t.consecutiveBad++;
            t.consecutiveGood = 0;
        } else {
            t.consecutiveGood++;
            t.consecutiveBad = 0;
        }
        boolean declared = a.signals().declaredMaintenance();
        if (!t.open) {
            if (declared || (bad && t.consecutiveBad >= tuning.openAfterRounds())) {
                t.open = true;
                t.statusBefore = t.published == null ? Status.OPERATIONAL : t.published.status();
                int firstBad = t.history.size() - Math.min(t.consecutiveBad, t.history.size());
                t.onset = Onset.of(t.history, firstBad, zone, days, t.holidayZone);
                t.episode.clear();
                t.episode.addAll(t.history.subList(firstBad, t.history.size()));
                return publish(t, episodeVerdict(t, a, decidedAt));
            }
            return publish(t, operational(t, decidedAt));
        }
        boolean endOfDeclared = t.publishedCause == Cause.MAINTENANCE && !declared && !bad;
        t.rememberInEpisode(a);
        if (endOfDeclared || t.consecutiveGood >= tuning.closeAfterRounds()) {
            t.open = false;
            t.onset = null;
            t.episode.clear();
            return publish(t, operational(t, decidedAt));
        }
        if (!bad) {
            return publish(t, t.published);
        }
        return publish(t, episodeVerdict(t, a, decidedAt));
    }

    private Verdict publish(TargetState t, Verdict v) {
        t.published = v;
        t.publishedCause = v.cause();
        return v;
    }

    private Verdict operational(TargetState t, Instant at) {
        if (t.published != null && t.published.status() == Status.OPERATIONAL && t.published.cause() == Cause.NONE) {
            return t.published;
        }
        return new Verdict(at, t.id, Status.OPERATIONAL, Cause.NONE, Set.of(), 0.9, List.of(), null);
    }

    /**
     * The verdict of an open episode: status that held over the last rounds, cause summed over the episode's bad
     * rounds (pulses included), connect time-outs counted as attack when the episode shows attack artefacts or
     * comes in waves (an attack pulses; a dead host or route does not).
     */
    private Verdict episodeVerdict(TargetState t, RoundAssessment latest, Instant at) {
        Map<Cause, Double> sum = new EnumMap<>(Cause.class);
        double unreachable = 0;
        double hangs = 0;
        int streaks = 0;
        boolean previousBad = false;
        for (RoundAssessment r : t.episode) {
            boolean bad = !r.healthy();
            if (bad) {
                r.scores().forEach((c, v) -> sum.merge(c, v, Double::sum));
                unreachable += r.unreachable();
                hangs += r.hangs();
                if (!previousBad) streaks++;
            }
            previousBad = bad;
        }
        if (hangs > 0 && sum.getOrDefault(Cause.STORAGE, 0.0) > 0) {
            // Requests hanging while the rest answers fast, in an episode where storage errors show: fail-slow
            // storage (reads wait on a dying disk), not load.
            double saturation = sum.getOrDefault(Cause.SATURATION, 0.0) - hangs;
            if (saturation > 1e-9) sum.put(Cause.SATURATION, saturation); else sum.remove(Cause.SATURATION);
            sum.merge(Cause.STORAGE, hangs, Double::sum);
        }
        boolean alone = fleet.affectedInGroup(t.group, latest.signals().start()) <= 1;
        boolean isolatedTimeouts = false;
        if (unreachable > 0 && (sum.getOrDefault(Cause.ATTACK, 0.0) > 0 || streaks >= 2)) {
            double network = sum.getOrDefault(Cause.NETWORK, 0.0) - unreachable;
            if (network > 0) sum.put(Cause.NETWORK, network); else sum.remove(Cause.NETWORK);
            sum.merge(Cause.ATTACK, unreachable + (streaks >= 2 ? 1 : 0), Double::sum);
        } else if (unreachable > 0 && alone) {
            // One service unreachable by connect time-outs while the rest of its host answers: a dead server
            // or a flood on its address look the same from outside; both are listed, network first.
            sum.merge(Cause.ATTACK, SECONDARY_SHARE * sum.getOrDefault(Cause.NETWORK, unreachable), Double::sum);
            isolatedTimeouts = true;
        }
        if (t.onset != null && t.onset.ramp() && sum.containsKey(Cause.SATURATION)) {
            // A ramp is how load arrives; it tips a tie between saturation and attack towards saturation.
            sum.merge(Cause.SATURATION, 0.5, Double::sum);
        }
        Cause cause;
        Set<Cause> causes;
        if (latest.scores().containsKey(Cause.VANTAGE)) {
            cause = Cause.VANTAGE;
            causes = Set.of(Cause.VANTAGE);
        } else {
            sum.remove(Cause.VANTAGE);
            cause = sum.isEmpty() ? Cause.UNKNOWN : primary(sum);
            Cause current = t.publishedCause;
            if (current != cause && current != Cause.NONE && current != Cause.VANTAGE && current != Cause.UNKNOWN
                    && sum.getOrDefault(current, 0.0) >= CAUSE_KEEP_SHARE * sum.getOrDefault(cause, 0.0)) {
                cause = current; // a new cause must clearly overtake the published one: no flapping between causes
            }
            causes = holding(sum, cause);
        }
        Status status = cause == Cause.VANTAGE ? t.statusBefore : heldStatus(t, latest);
        List<Evidence> evidence = new ArrayList<>(latest.evidence());
        if (isolatedTimeouts && cause == Cause.NETWORK) {
            evidence.add(Words.of("connexions sans réponse vers ce seul service : serveur arrêté ou inondation de "
                            + "son adresse, indiscernables de l'extérieur",
                    "connections unanswered to this service alone: a stopped server or a flood on its address,"
                            + " which look alike from outside"));
        }
        if (streaks >= 2 && cause == Cause.ATTACK) {
            evidence.add(Words.of("défaillances par vagues (" + streaks + " depuis le début)",
                    "failures in waves (" + streaks + " so far)"));
        }
        int affected = fleet.affectedInGroup(t.group, latest.signals().start());
        if (affected >= 2 && cause != Cause.VANTAGE) {
            String what = t.kind == TargetKind.ENT ? "ENT" : "services";
            evidence.add(Words.of(affected + " " + what + " du même hébergeur (" + t.group + ") touchés",
                    affected + " " + (t.kind == TargetKind.ENT ? "ENTs" : "services") + " of the same host ("
                            + t.group + ") affected"));
        }
        if (t.onset != null && cause != Cause.VANTAGE && cause != Cause.MAINTENANCE) {
            evidence.add(t.onset.evidence(zone));
        }
        double total = sum.values().stream().mapToDouble(Double::doubleValue).sum();
        double share = cause == Cause.VANTAGE || total == 0 ? 1.0 : sum.getOrDefault(cause, 0.0) / total;
        double confidence = Math.min(0.99, share * latest.strength() + (affected >= 2 ? 0.05 : 0));
        confidence = Math.round(confidence * 100) / 100.0;
        Verdict v = new Verdict(at, t.id, status, cause, causes, confidence, evidence, null);
        return t.published != null && t.published.sameStateAs(v) && t.published.evidence().equals(v.evidence())
                ? t.published : v;
    }

    /** The bad rounds at the end of the history, at most {@code max}, oldest first. */
    private static List<RoundAssessment> streak(TargetState t, int max) {
        List<RoundAssessment> out = new ArrayList<>();
        for (int i = t.history.size() - 1; i >= 0 && out.size() < max; i--) {
            RoundAssessment r = t.history.get(i);
            if (r.healthy()) break;
            out.add(0, r);
        }
        return out;
    }

    /**
     * Escalate when a worse status has held for openAfterRounds rounds (the least severe of them); de-escalate
     * only when the published status has not been seen for closeAfterRounds rounds: no flapping between levels.
     */
    private Status heldStatus(TargetState t, RoundAssessment latest) {
        Status published = t.published == null || t.published.status() == Status.OPERATIONAL
                || t.published.cause() == Cause.VANTAGE ? null : t.published.status();
        List<RoundAssessment> recent = streak(t, Math.max(1, tuning.openAfterRounds()));
        Status held = null;
        if (recent.size() >= tuning.openAfterRounds()) {
            held = latest.status();
            for (RoundAssessment r : recent) {
                if (r.status().ordinal() < held.ordinal()) held = r.status();
            }
        }
        if (published == null) {
            return held == null || held == Status.OPERATIONAL ? latest.status() : held;
        }
        if (held != null && held.ordinal() > published.ordinal()) {
            return held;
        }
        Status worstLately = Status.OPERATIONAL;
        int n = 0;
        for (int i = t.history.size() - 1; i >= 0 && n < tuning.closeAfterRounds(); i--, n++) {
            worstLately = worstLately.worst(t.history.get(i).status());
        }
        if (n >= tuning.closeAfterRounds() && worstLately.ordinal() < published.ordinal()
                && worstLately != Status.OPERATIONAL) {
            return worstLately;
        }
        return published;
    }

    /** The cause with the highest score; ties go to the more specific cause (enum order after NONE). */
    static Cause primary(Map<Cause, Double> scores) {
        Cause best = Cause.NONE;
        double bestScore = 0;
        for (Map.Entry<Cause, Double> e : scores.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return best;
    }

    private static Set<Cause> holding(Map<Cause, Double> sum, Cause primary) {
        Set<Cause> causes = EnumSet.noneOf(Cause.class);
        if (primary == Cause.UNKNOWN) {
            causes.add(Cause.UNKNOWN);
            return causes;
        }
        double top = sum.getOrDefault(primary, 0.0);
        sum.forEach((c, v) -> {
            if (v >= SECONDARY_SHARE * top) causes.add(c);
        });
        causes.add(primary);
        return causes;
    }
}
