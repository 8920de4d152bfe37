package fr.vigie.aggregator.store;

import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Verdict;
import fr.vigie.probes.StepResult;

import java.time.Instant;
import java.util.List;

/**
 * Durable storage of step results, verdicts and incident events. Two implementations share one
 * contract test: embedded SQLite (default) and InfluxDB 1.x. Calls may block: never call from an event loop.
 */
public interface Store extends AutoCloseable {
    void appendResults(List<StepResult> results);

    void appendVerdict(Verdict verdict);

    void appendIncidentEvent(IncidentEvent event);

    /** Results of one target with {@code from <= ts < to}, oldest first. */
    List<StepResult> results(String target, Instant from, Instant to);

    /** Verdicts of one target with {@code from <= ts < to}, oldest first. */
    List<Verdict> verdicts(String target, Instant from, Instant to);

    /** The whole incident log, in sequence order. */
    List<IncidentEvent> incidentEvents();

    /** Makes everything appended so far durable (and visible to queries). */
    void flush();

    /** What this store shed or rejected since it opened (none for a store that never sheds). */
    default WriteLosses losses() {
        return WriteLosses.NONE;
    }

    /** Items appended but not yet written: queued in memory and, for InfluxDB, spooled to disk (metrics). */
    default long backlog() {
        return 0;
    }

    /** Bytes held in the local spool while the server is unreachable; 0 for stores without one (metrics). */
    default long spoolBytes() {
        return 0;
    }

    /** False while the last background write failed (readiness): what is appended stays queued until it works. */
    default boolean writable() {
        return true;
    }

    @Override
    void close();
}
