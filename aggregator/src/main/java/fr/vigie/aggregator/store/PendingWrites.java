package fr.vigie.aggregator.store;

import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Verdict;
import fr.vigie.probes.StepResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The bounded queue of items waiting for the store's writer. When full, it sheds the oldest raw step result
 * first (the classifier has already judged it), then the oldest verdict, and refuses an incident event only when
 * nothing else is left: the history the public reads goes last. Every shed item is counted.
 */
final class PendingWrites {
    private final int capacity;
    private final ArrayDeque<StepResult> results = new ArrayDeque<>();
    /** Verdicts and incident events, in arrival order. */
    private final ArrayDeque<Object> records = new ArrayDeque<>();
    private long shedResults;
    private long shedVerdicts;
    private long shedEvents;

    PendingWrites(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    synchronized void addResult(StepResult r) {
        if (size() >= capacity && !shedOne(false)) {
            shedResults++; // full of verdicts and events: the new raw result is the one to lose
            return;
        }
        results.addLast(r);
    }

    synchronized void addRecord(Object verdictOrEvent) {
        if (size() >= capacity && !shedOne(true)) {
            count(verdictOrEvent);
            return;
        }
        records.addLast(verdictOrEvent);
    }

    /** Takes up to {@code max} items, oldest first within each kind, for one transaction. */
    synchronized List<Object> take(int max) {
        List<Object> batch = new ArrayList<>(Math.min(max, size()));
        while (batch.size() < max && !records.isEmpty()) {
            batch.add(records.pollFirst());
        }
        while (batch.size() < max && !results.isEmpty()) {
            batch.add(results.pollFirst());
        }
        return batch;
    }

    /** Puts back a batch that could not be written, ahead of what came since, then sheds down to capacity. */
    synchronized void putBack(List<Object> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            Object o = batch.get(i);
            if (o instanceof StepResult r) {
                results.addFirst(r);
            } else {
                records.addFirst(o);
            }
        }
        while (size() > capacity) {
            if (!shedOne(true)) {
                count(records.pollLast());
            }
        }
    }

    synchronized int size() {
        return results.size() + records.size();
    }

    synchronized boolean isEmpty() {
        return results.isEmpty() && records.isEmpty();
    }

    synchronized long shedResults() {
        return shedResults;
    }

    synchronized long shedVerdicts() {
        return shedVerdicts;
    }

    synchronized long shedEvents() {
        return shedEvents;
    }

    /** Sheds the oldest raw result, else (when allowed) the oldest verdict; false if nothing could go. */
    private boolean shedOne(boolean verdictsToo) {
        if (!results.isEmpty()) {
            results.pollFirst();
            shedResults++;
            return true;
        }
        if (verdictsToo) {
            for (Iterator<Object> it = records.iterator(); it.hasNext(); ) {
                if (it.next() instanceof Verdict) {
                    it.remove();
                    shedVerdicts++;
                    return true;
                }
            }
        }
        return false;
    }

    private void count(Object refused) {
        if (refused instanceof Verdict) {
            shedVerdicts++;
        } else if (refused instanceof IncidentEvent) {
            shedEvents++;
        }
    }
}
