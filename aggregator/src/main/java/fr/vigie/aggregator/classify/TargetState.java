package fr.vigie.aggregator.classify;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.TargetKind;

import java.util.ArrayList;
import java.util.List;

/** Everything the classifier remembers about one target: the rounds being collected, baselines, hysteresis. */
final class TargetState {
    static final int HISTORY = 24;
    static final int EPISODE = 12;

    final String id;
    final String group;
    final TargetKind kind;
    /** school holiday zone A, B or C; null for national services */
    final String holidayZone;
    final RunBuffer rounds;
    final Baselines baselines = new Baselines();
    final List<RoundAssessment> history = new ArrayList<>();
    /** Rounds of the open episode (its bad streak, then every round while open), at most {@link #EPISODE}. */
    final List<RoundAssessment> episode = new ArrayList<>();
    int consecutiveBad;
    int consecutiveGood;
    boolean open;
    /** status published before the current episode: kept when the episode is the prober's fault */
    Status statusBefore = Status.OPERATIONAL;
    Onset onset;
    Verdict published;
    Cause publishedCause = Cause.NONE;
    /** leading cause while the published one is withheld ({@code UNKNOWN}): the inertia applies to it */
    Cause withheld;
    /** the latest round was blamed on the vantage (our own path) */
    boolean lastRoundVantage;
    /** rounds judged since the open episode was published */
    int roundsOpen;
    /** rounds judged since the last episode of the service closed (large when none did) */
    int roundsSinceClose = Integer.MAX_VALUE / 2;
    /** episodes in a row that each began soon after the previous one closed: the same fault, paused */
    int quickReopens;
    /** the open episode has come in waves (two bad streaks or more) at some point */
    boolean cameInWaves;
    /** the level this episode last lowered from, while it has not come back; null otherwise */
    Status loweredFrom;
    /** times this episode climbed back to a level it had lowered from */
    int levelReturns;

    TargetState(String id, String group, TargetKind kind, int expectedSteps, String holidayZone) {
        this.id = id;
        this.holidayZone = holidayZone;
        this.group = group;
        this.kind = kind;
        this.rounds = new RunBuffer(expectedSteps);
    }

    void rememberInEpisode(RoundAssessment a) {
        episode.add(a);
        if (episode.size() > EPISODE) {
            episode.remove(0);
        }
    }

    void remember(RoundAssessment a) {
        history.add(a);
        if (history.size() > HISTORY) {
            history.remove(0);
        }
    }
}
