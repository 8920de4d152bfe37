package fr.vigie.aggregator;

/**
 * Told of every verdict change and incident event, in order, after they are stored.
 * Implementations must return quickly (hand work to their own thread).
 */
public interface AggregatorListener {
    default void onVerdict(Verdict verdict) {
    }

    /** @param state the incident's state after this event */
    default void onIncidentEvent(IncidentEvent event, Incident state) {
    }
}
