package fr.vigie.aggregator.classify;

import fr.vigie.config.calendar.SchoolCalendar;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.ClassifierConfig;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.TargetKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, per target, a status and a probable cause with evidence, from step results alone and their own
 * timestamps. The parts, one at a time: {@link RunBuffer} groups results into rounds (one journey run);
 * {@link SignalExtractor} and {@link RoundJudge} say what one round shows; {@link FleetView} correlates targets;
 * {@link StatusHold} opens, holds and closes an episode; {@link EpisodeCauses} names its cause;
 * {@link PublicationBar} withholds a cause below the confidence bar; {@link EpisodeWords} words the evidence.
 * Deterministic: the same results in the same order give the same verdicts. Not thread-safe: call from one thread.
 */
public final class Classifier {
    private final ClassifierSections config;
    private final ClassifierConfig tuning;
    private final ZoneId zone;
    private final DayTypes days;
    private final SignalExtractor extractor;
    private final RoundJudge judge;
    private final FleetView fleet;
    private final StatusHold hold;
    private final EpisodeCauses causes = new EpisodeCauses();
    private final EpisodeWords words;
    private final Map<String, TargetState> targets = new HashMap<>();

    public Classifier(ClassifierSections config) {
        this.config = config;
        this.tuning = config.tuning();
        this.zone = config.zone();
        this.days = new DayTypes(config.calendars(), SchoolCalendar.withFile(config.schoolCalendar().holidaysFile()));
        this.extractor = new SignalExtractor(new SymptomReader(config.signatures()));
        this.judge = new RoundJudge(tuning.slowFactor());
        this.fleet = new FleetView(tuning.window(), tuning.closeAfterRounds());
        this.hold = new StatusHold(tuning.openAfterRounds(), tuning.closeAfterRounds());
        this.words = new EpisodeWords(zone, config::hostingName);
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
        for (List<StepResult> round : t.rounds.add(run, r)) {
            addIfJudged(out, closeRound(t, round));
        }
        return out;
    }

    /** Judges every round still being collected (end of a replay), in target id order. */
    public List<Verdict> closeOpenRounds() {
        List<Verdict> out = new ArrayList<>();
        targets.values().stream().filter(t -> t.rounds.collecting()).sorted(Comparator.comparing(t -> t.id))
                .forEach(t -> t.rounds.drain().forEach(round -> addIfJudged(out, closeRound(t, round))));
        return out;
    }

    /** Resumes from the last verdict stored before a restart, so an open episode is not re-announced. */
    public void restore(Verdict last) {
        TargetState t = targets.computeIfAbsent(last.target(), this::newState);
        t.published = last;
        t.publishedCause = last.cause();
        t.open = last.status() != Status.OPERATIONAL || last.cause() != Cause.NONE;
        t.consecutiveBad = t.open ? tuning.openAfterRounds() : 0;
        t.roundsOpen = t.open ? hold.minimumRounds() : 0; // an episode from before the restart has stood long enough
    }

    private TargetState newState(String id) {
        ClassifierSections.TargetFacts target = config.target(id).orElse(null);
        if (target == null) {
            return new TargetState(id, null, TargetKind.ENT, 0, null);
        }
        // Before any run was seen a run is expected to report the whole journey (skipped steps are reported too); a
        // target whose runs are shorter (steps left out without credentials) is learnt from its first complete run.
        return new TargetState(id, target.hostingGroup(), target.kind(), target.journeySteps(), target.holidayZone());
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
        boolean troubled = unhealthy || a.signals().synRetries() > 0;
        fleet.update(t.id, t.group, t.kind, first.ts(), unhealthy, a.networkish(), troubled, a.losesConnections(),
                a.loaded());
        if (unhealthy && a.status() != Status.UNDER_MAINTENANCE
                && fleet.vantageSuspected(t.id, t.kind, true, a.networkish(), first.ts())) {
            a = asVantage(a, t);
            fleet.blamedOnVantage(t.id);
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
        return new RoundAssessment(a.signals(), a.status(), scores, 0.9, true, a.slow(), 0, 0, false, evidence, 0);
    }

    private Verdict hysteresis(TargetState t, RoundAssessment a, Instant decidedAt) {
        boolean bad = !a.healthy();
        boolean vantageRound = a.scores().containsKey(Cause.VANTAGE);
        if (bad && !vantageRound && t.lastRoundVantage) {
            // A round blamed on our own path says nothing about the service: its own episode starts with its first
            // bad round that is not ours, and needs the same confirmation as any other.
            t.consecutiveBad = 0;
            if (t.open && t.publishedCause == Cause.VANTAGE) {
                t.open = false;
                t.onset = null;
                t.episode.clear();
            }
        }
        t.lastRoundVantage = vantageRound;
        hold.counted(t);
        if (bad) {
            t.consecutiveBad++;
            t.consecutiveGood = 0;
        } else {
            t.consecutiveGood++;
            t.consecutiveBad = 0;
        }
        boolean declared = a.signals().declaredMaintenance();
        if (!t.open) {
            if (hold.opens(t, declared)) {
                t.open = true;
                hold.opened(t);
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
        if (endOfDeclared || hold.closes(t, t.publishedCause, EpisodeCauses.streaks(t.episode))) {
            t.open = false;
            if (t.publishedCause != Cause.VANTAGE) {
                hold.closed(t);
            }
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
     * How far back the neighbours' rounds count for this episode's scope: from {@code 2 x close-after-rounds} rounds
     * before its first bad round. A fault that paused for less than that is the same fault (the hold that closes an
     * episode on waves), so loss on a shared route that reached a neighbour just before this episode reopened is
     * still that route's, and a neighbour seen clean only since the reopening is not yet seen clean.
     */
    private Instant scopeSince(TargetState t, Instant episodeStart) {
        if (t.episode.isEmpty()) {
            return episodeStart;
        }
        int first = t.history.indexOf(t.episode.get(0));
        if (first < 0) {
            return episodeStart;
        }
        return t.history.get(Math.max(0, first - 2 * tuning.closeAfterRounds())).signals().start();
    }

    /** The verdict of an open episode: the status that held, the cause the episode supports, and the public bar. */
    private Verdict episodeVerdict(TargetState t, RoundAssessment latest, Instant at) {
        // Scope over the whole episode: a lossy shared route fails the group's services in turn, round by round.
        Instant now = latest.signals().start();
        Instant episodeStart = t.episode.isEmpty() ? now : t.episode.get(0).signals().start();
        int affected = Math.max(fleet.affectedInGroup(t.group, now), fleet.affectedInGroupSince(t.group, episodeStart, now));
        boolean groupWide = affected >= 2;
        Cause cause;
        Set<Cause> holding;
        double confidence;
        EpisodeCauses.Finding finding;
        if (latest.scores().containsKey(Cause.VANTAGE)) {
            finding = EpisodeCauses.Finding.vantage();
            cause = Cause.VANTAGE;
            holding = Set.of(Cause.VANTAGE);
            confidence = 0.9;
        } else {
            Cause before = t.publishedCause == Cause.UNKNOWN && t.withheld != null ? t.withheld : t.publishedCause;
            int seen = fleet.seenInGroup(t.group, now);
            FleetView.Neighbours n = fleet.neighbours(t.group, t.id, scopeSince(t, episodeStart), now);
            EpisodeCauses.Scope scope = new EpisodeCauses.Scope(groupWide, !groupWide && seen >= 2,
                    n.lossConfirmed() >= 1, n.seen() >= 1 && n.clean() == n.seen() && n.lossConfirmed() == 0,
                    n.seen() >= 1 && n.loadConfirmed() == 0, fleet.hostsLosingConnections(now));
            finding = causes.find(t.episode, before, scope, t.onset, latest.strength());
            confidence = PublicationBar.confidence(finding, groupWide);
            if (PublicationBar.publishable(finding.cause(), confidence)) {
                cause = finding.cause();
                holding = finding.causes();
                t.withheld = null;
            } else {
                cause = Cause.UNKNOWN;
                holding = Set.of(Cause.UNKNOWN);
                t.withheld = finding.cause();
            }
        }
        Status status = cause == Cause.VANTAGE ? t.statusBefore : hold.held(t, latest);
        if (t.published != null && t.published.cause() != Cause.VANTAGE && cause != Cause.VANTAGE) {
            hold.levelChanged(t, t.published.status(), status);
        }
        List<Evidence> evidence = words.of(t, latest, finding, cause, affected, confidence);
        Verdict v = new Verdict(at, t.id, status, cause, holding, confidence, evidence, null);
        return t.published != null && t.published.sameStateAs(v) && t.published.evidence().equals(v.evidence())
                ? t.published : v;
    }
}
