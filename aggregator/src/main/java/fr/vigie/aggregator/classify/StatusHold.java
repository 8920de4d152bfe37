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
    /** A published level is lowered after this many times the rounds that close an episode. */
    static final int DEESCALATE_FACTOR = 2;

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
     * fault: nothing public to hold), and after twice as many for an episode that came in waves (pulses return).
     */
    boolean closes(TargetState t, Cause published, int streaks) {
        if (published == Cause.VANTAGE) {
            return t.consecutiveGood >= 1;
        }
        int needed = streaks >= 2 ? 2 * closeAfterRounds : closeAfterRounds;
        return t.consecutiveGood >= needed;
    }

    /**
     * Escalate when a worse status has held for openAfterRounds rounds (the least severe of them); de-escalate
     * only when the published status has not been seen for twice closeAfterRounds rounds: a level once published
     * holds longer than the hold that lifts a status, so the page does not flap between levels.
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
        int calm = DEESCALATE_FACTOR * closeAfterRounds;
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
