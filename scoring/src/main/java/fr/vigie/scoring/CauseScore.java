package fr.vigie.scoring;

/**
 * Segment counts and ratios of one cause.
 *
 * @param cause            the cause
 * @param truthSegments    injected segments of this cause
 * @param detected         of those, segments during which the target got a non-operational verdict naming the cause
 * @param alarms           predicted intervals naming this cause (maximal runs per target)
 * @param correctAlarms    of those, intervals overlapping a segment of the same target and cause
 */
public record CauseScore(String cause, int truthSegments, int detected, int alarms, int correctAlarms) {

    /** correct alarms / alarms; NaN when there is no alarm of this cause. */
    public double precision() {
        return alarms == 0 ? Double.NaN : (double) correctAlarms / alarms;
    }

    /** detected / segments; NaN when no segment of this cause was injected. */
    public double recall() {
        return truthSegments == 0 ? Double.NaN : (double) detected / truthSegments;
    }

    /** Harmonic mean of precision and recall; an undefined side counts as 0 (a cause only predicted or only injected). */
    public double f1() {
        double p = Double.isNaN(precision()) ? 0 : precision();
        double r = Double.isNaN(recall()) ? 0 : recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
