package fr.vigie.aggregator.classify;

import fr.vigie.aggregator.Cause;
import fr.vigie.probes.Outcome;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the probable cause of an open episode from the scores of its bad rounds (pulses included: inertia against
 * flapping causes), its scope, its onset and the expected load. Every rule is in docs/classifier.md's feature table.
 */
final class EpisodeCauses {
    /** A cause holds (is listed in {@code causes}) at this share of the primary cause's score... */
    static final double SECONDARY_SHARE = 0.34;
    /** ...and only when it scored in at least this many bad rounds: the same hold a primary needs to open. */
    static final int SECONDARY_MIN_ROUNDS = 2;
    /** The published cause stays primary while its score is at least this share of the best one. */
    static final double CAUSE_KEEP_SHARE = 0.8;
    /**
     * Strength of evidence that fits two causes equally (connections lost to one service with no other sign; an
     * overload outside the hours when load is expected): below the publication bar, so the cause is withheld.
     */
    static final double AMBIGUOUS_STRENGTH = 0.5;
    /**
     * Strength of a flood inferred without a challenge page: one service of a host loses connections
     * intermittently (some connect after SYN retransmissions) while its neighbours on the same host answer.
     */
    static final double INFERRED_FLOOD_STRENGTH = 0.7;
    /**
     * Bad rounds losing connections on one service before a flood is inferred without a challenge page: loss on a
     * route reaches the services behind it in turn, so for its first two rounds the first of them loses connections
     * beside neighbours that still answer; a flood aimed at one service persists while the route's loss moves on.
     */
    static final int INFERRED_FLOOD_MIN_ROUNDS = 3;
    /** Failure label of a refused connection. */
    private static final String REFUSED = Outcome.CONNECT_REFUSED.wire();

    /**
     * Hosting groups losing connections in their latest rounds at once from which a network verdict is not published:
     * three independent hosts (each with its own routes) failing in the same minute share one element, the prober's
     * own path, until the vantage rule (share of the fleet) or the control target decides.
     */
    static final int MANY_HOSTS = 3;
    /**
     * Bad rounds a read/write asymmetry must hold, with no read failing on load or application symptoms, before it
     * names storage without a body naming it: a disk fault is a property of the write path and persists; one write
     * hanging in one round is any request's bad luck.
     */
    static final int ASYMMETRY_MIN_ROUNDS = 2;

    /**
     * Where the trouble is, beside this service, since its episode began.
     *
     * @param groupWide         two or more services of its hosting group unhealthy (any symptom)
     * @param neighboursFine    other services of the group were probed and none is unhealthy
     * @param lossWide          two or more services of the group lost connections (self included)
     * @param neighboursConnect other services of the group were probed and none lost connections (they may be slow)
     * @param neighboursUnloaded other services of the group were probed and none was slow or overloaded
     * @param hostsLosing       hosting groups whose latest rounds lose connections, fleet-wide, now
     */
    record Scope(boolean groupWide, boolean neighboursFine, boolean lossWide, boolean neighboursConnect,
                 boolean neighboursUnloaded, int hostsLosing) {
        /** The scope rules of the first rework: any trouble of the group counts for every cause. */
        static Scope of(boolean groupWide, boolean neighboursFine) {
            return new Scope(groupWide, neighboursFine, groupWide, neighboursFine, neighboursFine, 0);
        }
    }

    /**
     * What the episode supports.
     *
     * @param cause     primary probable cause (before the publication bar)
     * @param causes    every cause that holds
     * @param share     the primary's share of the summed scores, co-causes that hold set aside
     * @param strength  how directly the data names the cause (0..1)
     * @param streaks   bad streaks separated by healthy rounds (waves)
     * @param ambiguous connection-level failures on one service alone: a stopped server and a flood look alike
     * @param offPeak   an overload outside the school rush, on this service alone
     * @param crowdAbsent an overload on this service while its neighbours on the same host answer at their usual speed
     * @param storageUnconfirmed storage named only by writes failing or slow, not held or not confined to writes
     * @param manyHosts connections lost on several hosts at once: possibly the prober's own path
     */
    record Finding(Cause cause, Set<Cause> causes, double share, double strength, int streaks, boolean ambiguous,
                   boolean offPeak, boolean crowdAbsent, boolean storageUnconfirmed, boolean manyHosts) {
        Finding(Cause cause, Set<Cause> causes, double share, double strength, int streaks, boolean ambiguous,
                boolean offPeak) {
            this(cause, causes, share, strength, streaks, ambiguous, offPeak, false, false, false);
        }

        static Finding vantage() {
            return new Finding(Cause.VANTAGE, Set.of(Cause.VANTAGE), 1, 0.9, 1, false, false);
        }
    }

    /** The rules of the first rework, scope from "group unhealthy" alone (kept for callers that know no more). */
    Finding find(List<RoundAssessment> episode, Cause published, boolean groupWide, boolean neighboursFine,
                 Onset onset, double latestStrength) {
        return find(episode, published, Scope.of(groupWide, neighboursFine), onset, latestStrength);
    }

    /**
     * @param episode    rounds of the episode, oldest first
     * @param published  cause published now ({@code NONE} before the first verdict of the episode)
     * @param scope      what the service's neighbours and the fleet showed since the episode began
     * @param onset      how the episode began, or null
     */
    Finding find(List<RoundAssessment> episode, Cause published, Scope scope, Onset onset, double latestStrength) {
        boolean groupWide = scope.groupWide();
        Map<Cause, Double> sum = new EnumMap<>(Cause.class);
        Map<Cause, Integer> rounds = new EnumMap<>(Cause.class);
        Map<Cause, Double> strongest = new EnumMap<>(Cause.class);
        double connectivity = 0;
        double refused = 0;
        double hangs = 0;
        double asymmetry = 0;
        int asymmetryRounds = 0;
        int otherLoadOrApp = 0;
        int streaks = streaks(episode);
        int retransmittedRounds = 0;
        int lossRounds = 0;
        int badRounds = 0;
        for (RoundAssessment r : episode) {
            if (r.scores().containsKey(Cause.VANTAGE)) {
                continue; // a round blamed on our own path says nothing about the service
            }
            boolean bad = !r.healthy();
            if (bad) {
                badRounds++;
                r.scores().forEach((c, v) -> {
                    sum.merge(c, v, Double::sum);
                    if (v >= 0.5) {
                        rounds.merge(c, 1, Integer::sum);
                        strongest.merge(c, r.strength(), Math::max);
                    }
                });
                connectivity += r.connectivity();
                if (r.connectivity() > 0) lossRounds++;
                RoundSignals sig = r.signals();
                if (sig.synRetries() - sig.count(Symptom.UNREACHABLE) > 0) retransmittedRounds++;
                hangs += r.hangs();
                refused += sig.failureLabels().getOrDefault(REFUSED, 0);
                asymmetry += r.writeAsymmetry();
                if (r.writeAsymmetry() > 0) asymmetryRounds++;
                otherLoadOrApp += sig.otherLoadOrApp();
            }
        }
        // Storage named by writes alone (no body naming it) holds only when the asymmetry persists and reads never
        // fail on load or application symptoms: a deploy's 5xx and a flood's time-outs hit reads too.
        double namedStorage = sum.getOrDefault(Cause.STORAGE, 0.0) - asymmetry;
        boolean storageUnconfirmed = asymmetry > 0 && namedStorage < 1e-9
                && (asymmetryRounds < ASYMMETRY_MIN_ROUNDS || otherLoadOrApp > 0);
        boolean stoppedService = false;
        if (refused > 0 && !groupWide && scope.neighboursFine()) {
            // Connections refused by one service while the others on its host answer: the host and the route are
            // up (the refusal comes from the host), the service's process is not listening: a restart, a crash.
            move(sum, Cause.NETWORK, Cause.APPLICATION, refused);
            rounds.put(Cause.APPLICATION, Math.max(rounds.getOrDefault(Cause.APPLICATION, 0),
                    rounds.getOrDefault(Cause.NETWORK, 0)));
            stoppedService = true;
        }
        if (hangs > 0 && sum.getOrDefault(Cause.STORAGE, 0.0) > 0 && !storageUnconfirmed) {
            // Requests hanging while the rest answers fast, in an episode where storage errors show: fail-slow
            // storage (reads wait on a dying disk), not load.
            move(sum, Cause.SATURATION, Cause.STORAGE, hangs);
        }
        boolean ambiguous = false;
        boolean unscopedLoss = false;
        boolean inferredFlood = false;
        boolean mitigation = sum.getOrDefault(Cause.ATTACK, 0.0) > 0;
        if (connectivity > 0 && !scope.lossWide()) {
            // Connections lost on this service while no other service of its host loses any (they may be slow, in
            // the rush): not a shared route nor the host's network.
            inferredFlood = !mitigation && streaks < 2 && scope.neighboursConnect() && retransmittedRounds > 0
                    && lossRounds >= INFERRED_FLOOD_MIN_ROUNDS;
            if (mitigation || streaks >= 2 || inferredFlood) {
                // One service, connections lost next to challenge pages or in waves: attacks pulse and trigger
                // mitigation; a dead host or a broken route does neither.
                move(sum, Cause.NETWORK, Cause.ATTACK, connectivity);
                rounds.put(Cause.ATTACK, Math.max(rounds.getOrDefault(Cause.ATTACK, 0),
                        rounds.getOrDefault(Cause.NETWORK, 0)));
                if (streaks >= 2) sum.merge(Cause.ATTACK, 1.0, Double::sum);
            } else {
                ambiguous = sum.getOrDefault(Cause.NETWORK, 0.0) - connectivity < 1e-9;
                unscopedLoss = true;
            }
        }
        boolean offPeak = false;
        boolean crowdAbsent = false;
        if (onset != null && onset.ramp() && sum.containsKey(Cause.SATURATION)) {
            // A ramp is how load arrives; it tips a tie between saturation and attack towards saturation.
            sum.merge(Cause.SATURATION, 0.5, Double::sum);
        }
        sum.remove(Cause.VANTAGE);
        Cause cause = sum.isEmpty() ? Cause.UNKNOWN : primary(sum);
        if (cause == Cause.SATURATION && onset != null && !onset.schoolRush() && !groupWide && !mitigation) {
            // Overload on one service when no crowd is expected (outside the school rush): a crowd or an
            // application-layer flood that shows no challenge page. Neither is named on this evidence alone.
            offPeak = true;
        }
        if (published != cause && published != Cause.NONE && published != Cause.VANTAGE
                && published != Cause.UNKNOWN
                && sum.getOrDefault(published, 0.0) >= CAUSE_KEEP_SHARE * sum.getOrDefault(cause, 0.0)) {
            cause = published; // a new cause must clearly overtake the published one: no flapping between causes
        }
        if (cause == Cause.SATURATION && scope.neighboursUnloaded() && !mitigation) {
            // Overload on this service while the other services of its host, probed at the same hour, answer at
            // their usual speed: the rush reaches every service at once, so this is an under-sized service or an
            // application-layer flood aimed at it; without a challenge page the two look alike from outside.
            crowdAbsent = true;
        }
        boolean crowdPlausible = onset != null && onset.schoolRush() && groupWide;
        boolean floodSigns = false;
        if (cause == Cause.SATURATION && !crowdPlausible && sum.getOrDefault(Cause.ATTACK, 0.0) > 0) {
            // An overload with a flood's signs of its own (challenge pages, waves, lost connections next to its
            // neighbours' answers), and no crowd to explain it: the overload is the flood's effect. On one round of
            // such signs, neither is named yet.
            // Counted in rounds: a challenge page is one answer, an overload fails or slows every request.
            int attackRounds = rounds.getOrDefault(Cause.ATTACK, 0);
            if (attackRounds >= SECONDARY_MIN_ROUNDS && attackRounds >= SECONDARY_SHARE * badRounds) {
                move(sum, Cause.SATURATION, Cause.ATTACK, sum.get(Cause.SATURATION));
                cause = Cause.ATTACK;
                crowdAbsent = false;
            } else {
                floodSigns = true;
            }
        }
        Set<Cause> causes = holding(sum, rounds, cause, groupWide, onset != null && onset.schoolRush());
        if (unscopedLoss && cause != Cause.NETWORK) causes.remove(Cause.NETWORK);
        if (storageUnconfirmed && cause != Cause.STORAGE) causes.remove(Cause.STORAGE);
        double total = 0;
        for (Map.Entry<Cause, Double> e : sum.entrySet()) {
            // co-causes that hold on their own evidence do not dilute the primary (6 April: attack and saturation)
            if (e.getKey() == cause || !causes.contains(e.getKey())) total += e.getValue();
        }
        double share = total == 0 ? 0 : sum.getOrDefault(cause, 0.0) / total;
        // The most direct evidence the episode has shown for its cause (a challenge page seen two rounds ago still
        // names the attack while the flood phase shows only latency).
        double strength = Math.max(latestStrength, strongest.getOrDefault(cause, 0.0));
        if (inferredFlood && cause == Cause.ATTACK) strength = Math.min(strength, INFERRED_FLOOD_STRENGTH);
        if (stoppedService && cause == Cause.APPLICATION) strength = Math.min(strength, INFERRED_FLOOD_STRENGTH);
        boolean manyHosts = cause == Cause.NETWORK && scope.hostsLosing() >= MANY_HOSTS;
        if (ambiguous || offPeak || crowdAbsent || manyHosts || floodSigns && cause == Cause.SATURATION
            || storageUnconfirmed && cause == Cause.STORAGE) {
            strength = Math.min(strength, AMBIGUOUS_STRENGTH);
        }
        return new Finding(cause, causes, share, strength, streaks, ambiguous, offPeak,
                crowdAbsent && cause == Cause.SATURATION, storageUnconfirmed && cause == Cause.STORAGE, manyHosts);
    }

    /** Bad streaks separated by healthy rounds: an attack pulses, a dead host or a crowd does not. */
    static int streaks(List<RoundAssessment> episode) {
        int streaks = 0;
        boolean previousBad = false;
        for (RoundAssessment r : episode) {
            if (r.scores().containsKey(Cause.VANTAGE)) continue; // neither the service's failure nor its recovery
            if (!r.healthy() && !previousBad) streaks++;
            previousBad = !r.healthy();
        }
        return streaks;
    }

    private static void move(Map<Cause, Double> sum, Cause from, Cause to, double amount) {
        double left = sum.getOrDefault(from, 0.0) - amount;
        double moved = amount + Math.min(0, left);
        if (left > 1e-9) sum.put(from, left); else sum.remove(from);
        if (moved > 0) sum.merge(to, moved, Double::sum);
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

    private static Set<Cause> holding(Map<Cause, Double> sum, Map<Cause, Integer> rounds, Cause primary,
                                      boolean groupWide, boolean schoolRush) {
        Set<Cause> causes = EnumSet.noneOf(Cause.class);
        causes.add(primary);
        if (primary == Cause.UNKNOWN) {
            return causes;
        }
        double top = sum.getOrDefault(primary, 0.0);
        sum.forEach((c, v) -> {
            if (v >= SECONDARY_SHARE * top && rounds.getOrDefault(c, 0) >= SECONDARY_MIN_ROUNDS
                && !effectOf(primary, c, groupWide, schoolRush)) causes.add(c);
        });
        return causes;
    }

    /**
     * Symptoms the primary cause produces by itself are not a second cause: a flood overloads its target and drops
     * its connections; loss on a path makes requests time out. They are a co-cause only on evidence of their own:
     * for an overload beside a flood, the school rush and the host's other services struggling too (6 April: a crowd
     * on every platform and a flood on some); for a network fault, the whole hosting group.
     */
    static boolean effectOf(Cause primary, Cause secondary, boolean groupWide, boolean schoolRush) {
        return switch (primary) {
            case ATTACK -> secondary == Cause.SATURATION && !(schoolRush && groupWide)
                           || secondary == Cause.NETWORK && !groupWide;
            case NETWORK -> secondary == Cause.SATURATION && !schoolRush;
            default -> false;
        };
    }
}
