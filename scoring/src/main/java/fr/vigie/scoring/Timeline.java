package fr.vigie.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** One target's verdicts as a step function over the horizon; operational before its first verdict. */
final class Timeline {
    private final List<StateInterval> states = new ArrayList<>();
    private final List<StatusChange> changes = new ArrayList<>();

    /** A status change at a time. */
    record StatusChange(Instant at, String from, String to) {
    }

    Timeline(List<VerdictPoint> verdicts, Instant horizonStart, Instant horizonEnd) {
        List<VerdictPoint> sorted = verdicts.stream().sorted(Comparator.comparing(VerdictPoint::ts)).toList();
        Instant cursor = horizonStart;
        boolean alarm = false;
        Set<String> causes = Set.of();
        String status = VerdictPoint.OPERATIONAL;
        for (VerdictPoint v : sorted) {
            Instant at = v.ts().isBefore(horizonStart) ? horizonStart : v.ts();
            if (at.isAfter(horizonEnd)) {
                break;
            }
            if (at.isAfter(cursor)) {
                states.add(new StateInterval(cursor, at, alarm, causes));
            }
            if (!v.status().equals(status)) {
                changes.add(new StatusChange(at, status, v.status()));
            }
            cursor = at;
            alarm = v.alarm();
            causes = v.causes();
            status = v.status();
        }
        if (horizonEnd.isAfter(cursor)) {
            states.add(new StateInterval(cursor, horizonEnd, alarm, causes));
        }
    }

    /** Maximal runs of states that match, merged across adjacent matching states. */
    List<StateInterval> runs(Predicate<StateInterval> match) {
        List<StateInterval> runs = new ArrayList<>();
        Instant runStart = null;
        Instant runEnd = null;
        for (StateInterval s : states) {
            if (match.test(s)) {
                if (runStart == null) {
                    runStart = s.start();
                }
                runEnd = s.end();
            } else if (runStart != null) {
                runs.add(new StateInterval(runStart, runEnd, true, Set.of()));
                runStart = null;
            }
        }
        if (runStart != null) {
            runs.add(new StateInterval(runStart, runEnd, true, Set.of()));
        }
        return runs;
    }

    /** Time from {@code from} to the first matching state overlapping [from, to), or null if none. */
    Duration firstMatchDelay(Instant from, Instant to, Predicate<StateInterval> match) {
        for (StateInterval s : states) {
            if (match.test(s) && s.overlaps(from, to)) {
                return s.start().isAfter(from) ? Duration.between(from, s.start()) : Duration.ZERO;
            }
        }
        return null;
    }

    /**
     * The column named for the longest time in [from, to): a cause (see {@link StateInterval#names}), or
     * {@code unknown} for a non-operational state withholding its cause, or {@code none}. Ties go to the
     * earlier column.
     */
    String longestNamed(Instant from, Instant to, List<String> columns) {
        String best = HeldOut.NOTHING;
        Duration longest = Duration.ZERO;
        for (String col : columns) {
            if (col.equals(HeldOut.NOTHING)) {
                continue;
            }
            Duration sum = Duration.ZERO;
            for (StateInterval s : states) {
                boolean named = col.equals(HeldOut.UNKNOWN) ? s.alarm() && s.causes().contains(col) : s.names(col);
                if (named) {
                    sum = sum.plus(s.overlap(from, to));
                }
            }
            if (sum.compareTo(longest) > 0) {
                longest = sum;
                best = col;
            }
        }
        return best;
    }

    List<StateInterval> states() {
        return states;
    }

    List<StatusChange> changes() {
        return changes;
    }

    /**
     * Flaps: status changes in [from, until) undone (back to the status before) within {@code window}; each is
     * returned as the change, the undoing change being the next one.
     */
    List<StatusChange> flaps(Instant from, Instant until, Duration window) {
        List<StatusChange> out = new ArrayList<>();
        for (int i = 0; i + 1 < changes.size(); i++) {
            StatusChange c = changes.get(i);
            StatusChange next = changes.get(i + 1);
            if (!c.at().isBefore(from) && c.at().isBefore(until) && next.to().equals(c.from())
                    && Duration.between(c.at(), next.at()).compareTo(window) <= 0) {
                out.add(c);
            }
        }
        return out;
    }

    /** The change after {@code c}. */
    StatusChange after(StatusChange c) {
        return changes.get(changes.indexOf(c) + 1);
    }
}
