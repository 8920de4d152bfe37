package fr.vigie.aggregator.store;

/**
 * What a store gave up writing since it opened, for metrics and the operator: items shed because its
 * pending-write queue was full (raw step results first, then verdicts, then incident events) and items it
 * rejected, set aside in its quarantine file.
 */
public record WriteLosses(long shedResults, long shedVerdicts, long shedIncidentEvents, long quarantined) {
    public static final WriteLosses NONE = new WriteLosses(0, 0, 0, 0);

    public long shed() {
        return shedResults + shedVerdicts + shedIncidentEvents;
    }
}
