package fr.vigie.aggregator.classify;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;

import java.util.ArrayList;
import java.util.List;

/**
 * Hysteresis of the published status: when an episode opens and closes, and which level holds while it is open.
 * Counts rounds, not minutes.
 */
final class StatusHold {
    /** A published status stands at least this many times the rounds that close an episode. */
    static final int DWELL_FACTOR = 2;
    /** A published level is lowered after this many times the rounds that close an episode. */
    static final int DEESCALATE_FACTOR = 4;
    /** Doublings of the closing hold at most (waves, quick reopens): at most 4 x {@code closeAfterRounds}. */
    static final int MAX_CLOSE_DOUBLINGS = 2;

    private final int openAfterRounds;
    private final int closeAfterRounds;

    StatusHold(int openAfterRounds, int closeAfterRounds) {
        this.openAfterRounds = openAfterRounds;
        this.closeAfterRounds = closeAfterRounds;
    }

    /**
     * Opens after {@code openAfterRounds} bad rounds in a row; a streak made only of thin rounds (one failing step,
     * nothing named, not slow) needs a second round whatever the setting: a lone transient never goes public.
     */
    boolean opens(TargetState t, boolean declaredMaintenance) {
        if (declaredMaintenance) {
            return true;
        }
        if (t.consecutiveBad < openAfterRounds) {
            return false;
        }
        return t.consecutiveBad >= 2 || !t.history.get(t.history.size() - 1).thin();
    }

    /**
     * Closes after {@code closeAfterRounds} healthy rounds; after one round for a vantage episode (the prober's own
     * fault: nothing public to hold). The hold doubles when the episode came in waves (pulses return), and again
     * for each episode that began soon after the last one closed (the same fault, paused: that closing came too
     * early), up to {@code MAX_CLOSE_DOUBLINGS} times. A published status also stands for at least
     * {@code DWELL_FACTOR x closeAfterRounds} rounds: a fault seen for two rounds does not come and go on the page
     * within half a minute.
     */
    boolean closes(TargetState t, Cause published, int streaks) {
        if (published == Cause.VANTAGE) {
            return t.consecutiveGood >= 1;
        }
        // Sticky: the episode's rounds are kept up to a bound, and its first waves must not be forgotten.
        t.cameInWaves |= streaks >= 2;
        int doublings = Math.min(MAX_CLOSE_DOUBLINGS, (t.cameInWaves ? 1 : 0) + t.quickReopens);
        int needed = closeAfterRounds << doublings;
        return t.consecutiveGood >= needed && t.roundsOpen >= minimumRounds();
    }

    /** Rounds a published status stands at least, and the pause after which a new episode is a new fault. */
    int minimumRounds() {
        return DWELL_FACTOR * closeAfterRounds;
    }

    /** Starts an episode's hold: counts from now, and counts it as a quick reopen when it follows the last closely. */
    void opened(TargetState t) {
        t.roundsOpen = 0;
        t.quickReopens = t.roundsSinceClose <= minimumRounds() ? t.quickReopens + 1 : 0;
        t.loweredFrom = null;
        t.levelReturns = 0;
        t.cameInWaves = false;
    }

    /** Ends an episode's hold: the pause after it starts. */
    void closed(TargetState t) {
        t.roundsSinceClose = 0;
    }

    /** Counts one judged round against the hold of the open episode, or the pause since the last one. */
    void counted(TargetState t) {
        if (t.open) {
            t.roundsOpen++;
        } else if (t.roundsSinceClose < Integer.MAX_VALUE / 2) {
            t.roundsSinceClose++;
        }
    }

    /**
     * Records a change of the published level within an episode: a level that comes back after it was lowered
     * makes the next lowering wait twice as long (the fault swings between levels; the page shows its worst).
     */
    void levelChanged(TargetState t, Status before, Status after) {
        if (before == null || after == null || before == after) {
            return;
        }
        if (after.ordinal() < before.ordinal()) {
            t.loweredFrom = before;
        } else if (t.loweredFrom != null && after.ordinal() >= t.loweredFrom.ordinal()) {
            t.levelReturns++;
            t.loweredFrom = null;
        }
    }

    /**
     * Escalate when a worse status has held for openAfterRounds rounds (the least severe of them); de-escalate
     * only when the published status has not been seen for {@code DEESCALATE_FACTOR x closeAfterRounds} rounds
     * (twice that once a lowered level came back in this episode): a level once published holds longer than the hold that lifts a
     * status, so the page does not flap between levels.
     */
    Status held(TargetState t, RoundAssessment latest) {
        Status published = t.published == null || t.published.status() == Status.OPERATIONAL
                || t.published.cause() == Cause.VANTAGE ? null : t.published.status();
        List<RoundAssessment> recent = streak(t, Math.max(1, openAfterRounds));
        Status held = null;
        if (recent.size() >= openAfterRounds) {
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
        int calm = (t.levelReturns > 0 ? 2 : 1) * DEESCALATE_FACTOR * closeAfterRounds;
        Status worstLately = Status.OPERATIONAL;
        int n = 0;
        for (int i = t.history.size() - 1; i >= 0 && n < calm; i--, n++) {
            worstLately = worstLately.worst(t.history.get(i).status());
        }
        if (n >= calm && worstLately.ordinal() < published.ordinal()
                && worstLately != Status.OPERATIONAL) {
            return worstLately;
        }
        return published;
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
}
